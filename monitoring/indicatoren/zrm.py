"""ZRM indicators through zelfredzaamheid's own aggregate selector (zelfredzaamheid.aggregaten): one aggregate
query per matrix version and level, never a loop over persons. Versions are never mixed: each domain figure
names its version, and shares are split per version when a period has measurements on more than one.
These are client figures (persons measured by the wijkteams), never population shares."""

from monitoring.indicatoren import Uitkomst, afgerond, percentage, registreer


@registreer("zrm", codes=["zrm_gemeten", "zrm_gemiddelde_domein", "zrm_verandering", "zrm_weinig_kracht",
                          "zrm_onvoldoende_contacten"])
def zrm(*, gemeente_id, van, tot, codes=None):
    from zelfredzaamheid import aggregaten

    versies = aggregaten.versies_in_periode(gemeente=gemeente_id, van=van, tot=tot)
    uit = []
    for versie in versies:
        per_versie = f"ZRM {versie.code}" if len(versies) > 1 else ""
        for niveau in ("gebied", "gemeente"):
            for rij in aggregaten.zrm_aggregaten(gemeente=gemeente_id, van=van, tot=tot, niveau=niveau,
                                                 versie=versie):
                if niveau == "gebied" and rij["id"] is None:
                    continue  # measurements without a gebied count only for the gemeente
                gebied = rij["id"] if niveau == "gebied" else None
                wk, oc = rij["weinig_kracht"], rij["onvoldoende_contacten"]
                uit += [
                    Uitkomst("zrm_gemeten", gebied, rij["personen"], categorie=per_versie),
                    Uitkomst("zrm_weinig_kracht", gebied, wk["teller"], wk["noemer"],
                             percentage(wk["teller"], wk["noemer"]), categorie=per_versie),
                    Uitkomst("zrm_onvoldoende_contacten", gebied, oc["teller"], oc["noemer"],
                             percentage(oc["teller"], oc["noemer"]), categorie=per_versie),
                ]
                for d in rij["domeinen"]:
                    naam = f"{d['naam']} (ZRM {versie.code})"[:60]
                    uit += [
                        Uitkomst("zrm_gemiddelde_domein", gebied, d["aantal"], None, afgerond(d["gemiddelde"], 2),
                                 categorie=naam),
                        Uitkomst("zrm_verandering", gebied, d["aantal_verandering"], None,
                                 afgerond(d["verandering"], 2), categorie=naam),
                    ]
    return uit
