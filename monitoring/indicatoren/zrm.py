"""ZRM indicators through zelfredzaamheid's own aggregate selector (zelfredzaamheid.aggregaten): one aggregate
query per matrix version, never a loop over persons. Versions are never mixed: each domain figure names its
version, and shares are split per version when a period has measurements on more than one.
These are client figures (persons measured by the wijkteams), never population shares.

The gemeente total is derived from the per-gebied rows (including the group without gebied): every person counts
once, in the group of their latest measurement, so counts add up and averages are weighted by their counts.
That saves a second pass over the measurements."""

from monitoring.indicatoren.register import Uitkomst, afgerond, percentage, registreer


def _totaal(rijen):
    def som(pad):
        return sum(pad(r) or 0 for r in rijen)

    domeinen = []
    for i, d in enumerate(rijen[0]["domeinen"]):
        n = som(lambda r, i=i: r["domeinen"][i]["aantal"])
        m = som(lambda r, i=i: r["domeinen"][i]["aantal_verandering"])
        domeinen.append({
            "naam": d["naam"], "aantal": n, "aantal_verandering": m,
            "gemiddelde": som(lambda r, i=i: (r["domeinen"][i]["gemiddelde"] or 0) * r["domeinen"][i]["aantal"]) / n
            if n else None,
            "verandering": som(lambda r, i=i: (r["domeinen"][i]["verandering"] or 0)
                               * r["domeinen"][i]["aantal_verandering"]) / m if m else None,
        })
    return {
        "id": None, "personen": som(lambda r: r["personen"]), "domeinen": domeinen,
        "weinig_kracht": {"teller": som(lambda r: r["weinig_kracht"]["teller"]),
                          "noemer": som(lambda r: r["weinig_kracht"]["noemer"])},
        "onvoldoende_contacten": {"teller": som(lambda r: r["onvoldoende_contacten"]["teller"]),
                                  "noemer": som(lambda r: r["onvoldoende_contacten"]["noemer"])},
    }


@registreer("zrm", codes=["zrm_gemeten", "zrm_gemiddelde_domein", "zrm_verandering", "zrm_weinig_kracht",
                          "zrm_onvoldoende_contacten"])
def zrm(*, gemeente_id, van, tot, codes=None):
    from zelfredzaamheid import aggregaten

    versies = aggregaten.versies_in_periode(gemeente=gemeente_id, van=van, tot=tot)
    uit = []
    for versie in versies:
        per_versie = f"ZRM {versie.code}" if len(versies) > 1 else ""
        per_gebied = aggregaten.zrm_aggregaten(gemeente=gemeente_id, van=van, tot=tot, niveau="gebied",
                                               versie=versie)
        if not per_gebied:
            continue
        for rij in [r for r in per_gebied if r["id"] is not None] + [_totaal(per_gebied)]:
            gebied = rij["id"]
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
