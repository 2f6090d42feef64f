"""Figures that cannot be undone: on generated runs with many small cells, an attacker who reads every published
output of the monitor (CSV/XLSX/API rows, dashboard/PDF/adviesraad cells) and tries totals minus siblings,
categories against their noemer and shares times the noemer, over all rows and columns until nothing changes,
pins down no hidden value. The same attacker does find values when only the primary "< 5" is applied, so the
check can fail."""

import random
from datetime import date
from decimal import Decimal

import pytest

from monitoring import exports, selectors, weergave
from monitoring.catalogus import synchroniseer
from monitoring.models import Indicator, IndicatorWaarde, MonitorRun
from wijkteams.models import Gebied

pytestmark = pytest.mark.django_db
VERBORGEN = {"< 5": (1, 4), "×": (0, float("inf")), "(< 5)": (0, float("inf")), "(×)": (0, float("inf"))}


@pytest.fixture
def indicatoren(db):
    synchroniseer(Indicator)
    aantallen = list(Indicator.objects.filter(eenheid="aantal", categorieen={}, status="startset")[:3])
    verdeeld = Indicator.objects.filter(eenheid="percentage", status="startset").exclude(categorieen={}).first()
    return aantallen, verdeeld


def _aandeel(teller, noemer):
    return Decimal(100 * teller / noemer).quantize(Decimal("0.01"))


def maak_run(org, indicatoren, seed):
    """A finished run with 6 gebieden; counts drawn so that many cells are small (0..9), categories that add up
    to their noemer, and the gemeente totals the sums of the gebieden."""
    rnd = random.Random(seed)
    gebieden = [org.gebied_a, org.gebied_b] + [Gebied.objects.create(gemeente=org.gemeente, naam=f"Gebied {i}")
                                               for i in range(4)]
    run = MonitorRun.objects.create(gemeente=org.gemeente, soort="kwartaal", van=date(2026, 1, 1),
                                    tot=date(2026, 3, 31), label="2026-K1", status=MonitorRun.Status.KLAAR)
    aantallen, verdeeld = indicatoren
    rijen = []
    for ind in aantallen:
        waarden = [rnd.choice([0, 1, 2, 3, 4, 5, 6, 8, 12, 30]) for _ in gebieden]
        rijen += [IndicatorWaarde(run=run, indicator=ind, gebied=g, teller=v) for g, v in zip(gebieden, waarden)]
        rijen.append(IndicatorWaarde(run=run, indicator=ind, teller=sum(waarden)))
    categorieen = list(verdeeld.categorieen)
    totaal = dict.fromkeys(categorieen, 0)
    for g in gebieden:
        tellers = {c: rnd.choice([0, 1, 2, 3, 6, 9, 20]) for c in categorieen}
        noemer = sum(tellers.values())
        for c, t in tellers.items():
            totaal[c] += t
            if noemer:
                rijen.append(IndicatorWaarde(run=run, indicator=verdeeld, gebied=g, categorie=c, teller=t,
                                             noemer=noemer, waarde=_aandeel(t, noemer)))
    noemer = sum(totaal.values())
    rijen += [IndicatorWaarde(run=run, indicator=verdeeld, categorie=c, teller=t, noemer=noemer,
                              waarde=_aandeel(t, noemer)) for c, t in totaal.items()]
    IndicatorWaarde.objects.bulk_create(rijen)
    return run


def _waarheid(run):
    """The true counts: {(indicator code, gebied naam or 'Gemeente', categorie code, veld): getal}."""
    uit = {}
    for w in IndicatorWaarde.objects.filter(run=run).select_related("indicator", "gebied"):
        kolom = w.gebied.naam if w.gebied else "Gemeente"
        uit[(w.indicator.code, kolom, w.categorie, "teller")] = w.teller
        if w.categorie:
            uit[(w.indicator.code, kolom, "*", "noemer")] = w.noemer
    return uit


def gepubliceerd_uit_rijen(run, rijen):
    """What the CSV, XLSX and API publish (exports.rijen): {cel: getal or suppression text}, plus shares."""
    namen = {}
    for ind in Indicator.objects.all():
        namen.update({(ind.code, naam): code for code, naam in ind.categorieen.items()})
    cellen, aandelen = {}, {}
    for r in rijen:
        kolom = r["gebied"] or "Gemeente"
        categorie = namen.get((r["indicator"], r["categorie"]), r["categorie"])
        cellen[(r["indicator"], kolom, categorie, "teller")] = r["teller"]
        if categorie:
            noemer = (r["indicator"], kolom, "*", "noemer")
            if not isinstance(cellen.get(noemer), int):  # a row that shows the noemer gives it for the column
                cellen[noemer] = r["noemer"]
            aandelen[(r["indicator"], kolom, categorie)] = r["waarde"]
    return cellen, aandelen


def gepubliceerd_uit_overzicht(run):
    """What the dashboard, the PDF and the adviesraad export show (selectors.overzicht): the cells as text."""
    ov = selectors.overzicht(run)
    kolommen = {g.pk: g.naam for g in ov.gebieden} | {None: "Gemeente"}
    cellen, aandelen = {}, {}
    for regel in ov.regels:
        for pk, cel in regel.cellen.items():
            if regel.indicator.eenheid == "aantal":
                cellen[(regel.indicator.code, kolommen[pk], regel.categorie, "teller")] = \
                    cel.tekst if cel.getal is None else int(cel.getal)
            elif regel.categorie:
                aandelen[(regel.indicator.code, kolommen[pk], regel.categorie)] = cel.tekst if cel.getal is None \
                    else cel.getal
    return cellen, aandelen


def aanval(waarheid, cellen, aandelen, relaties=None):
    """The attacker: every hidden cell narrowed by totals minus siblings, categories against their noemer and
    shares times the noemer, repeated until nothing changes. Returns the hidden cells whose value it pins down."""
    grenzen = {}
    for cel, getoond in cellen.items():
        grenzen[cel] = VERBORGEN[getoond] if isinstance(getoond, str) and getoond in VERBORGEN else \
            (int(getoond), int(getoond))
    for (code, kolom, categorie), aandeel in aandelen.items():  # a visible share times a visible noemer
        noemer = grenzen.get((code, kolom, "*", "noemer"))
        cel = (code, kolom, categorie, "teller")
        if not isinstance(aandeel, str) and noemer and noemer[0] == noemer[1] and cel in grenzen:
            grenzen[cel] = (round(float(aandeel) * noemer[0] / 100),) * 2
    relaties = relaties if relaties is not None else monitor_relaties(cellen)
    return _versmal(waarheid, cellen, grenzen, relaties)


def monitor_relaties(cellen):
    """gemeente = sum of the gebieden; the noemer of a column = sum of its categories."""
    relaties = []
    kolommen = {k[1] for k in cellen} - {"Gemeente"}
    groepen = {(k[0], k[2], k[3]) for k in cellen}
    for code, categorie, veld in groepen:
        totaal = (code, "Gemeente", categorie, veld)
        delen = [(code, kolom, categorie, veld) for kolom in kolommen if (code, kolom, categorie, veld) in cellen]
        relaties.append((totaal, delen))
    for code, kolom in {(k[0], k[1]) for k in cellen if k[2] == "*"}:
        relaties.append(((code, kolom, "*", "noemer"),
                         [k for k in cellen if k[0] == code and k[1] == kolom and k[2] not in ("", "*")]))
    return relaties


def _versmal(waarheid, cellen, grenzen, relaties):
    # the attacker knows the structure: only relations that hold in the data
    relaties = [(t, d) for t, d in relaties
                if t in waarheid and d and sum(waarheid.get(x, 0) for x in d) == waarheid[t]]
    veranderd = True
    while veranderd:
        veranderd = False
        for totaal, delen in relaties:
            for cel in [totaal, *delen]:
                if cel == totaal:
                    laag, hoog = sum(grenzen[x][0] for x in delen), sum(grenzen[x][1] for x in delen)
                else:
                    rest = [x for x in delen if x != cel]
                    laag = grenzen[totaal][0] - sum(grenzen[x][1] for x in rest)
                    hoog = grenzen[totaal][1] - sum(grenzen[x][0] for x in rest)
                nieuw = (max(grenzen[cel][0], laag), min(grenzen[cel][1], hoog))
                if nieuw != grenzen[cel]:
                    grenzen[cel], veranderd = nieuw, True
    verborgen = {c for c, getoond in cellen.items() if isinstance(getoond, str)}
    return {c for c in verborgen if grenzen[c][0] == grenzen[c][1]}


@pytest.mark.parametrize("seed", range(12))
def test_geen_onderdrukte_waarde_af_te_leiden_uit_enige_uitvoer(org, indicatoren, seed):
    run = maak_run(org, indicatoren, seed)
    waarheid = _waarheid(run)
    cellen, aandelen = gepubliceerd_uit_rijen(run, exports.rijen(run))
    cellen_ov, aandelen_ov = gepubliceerd_uit_overzicht(run)
    for cel, getoond in cellen_ov.items():  # dashboard/PDF agree with the rows; the union is what anyone has
        assert str(getoond) == str(cellen.get(cel, getoond)), cel
    aandelen |= {k: v for k, v in aandelen_ov.items() if k not in aandelen}
    # every small count is hidden, and no hidden count can be pinned down from everything published
    for cel, getal in waarheid.items():
        if 0 < getal < 5:
            assert cellen[cel] in VERBORGEN, cel
    assert aanval(waarheid, cellen, aandelen) == set()


def test_de_aanvaller_vindt_wel_iets_zonder_aanvullende_onderdrukking(org, indicatoren):
    """Control: with only the primary '< 5' (no complementary cells), the attacker recovers hidden values."""
    gevonden = 0
    for seed in range(6):
        run = maak_run(org, indicatoren, 100 + seed)
        run.__dict__["_verborgen"] = frozenset()  # as the monitor was before: no complementary suppression
        cellen, aandelen = gepubliceerd_uit_rijen(run, exports.rijen(run))
        gevonden += len(aanval(_waarheid(run), cellen, aandelen))
        IndicatorWaarde.objects.filter(run=run).delete()
        run.delete()
        Gebied.objects.filter(gemeente=org.gemeente, naam__startswith="Gebied ").delete()
    assert gevonden > 0


def test_aanvullende_cellen_staan_als_kruis_en_hun_aandelen_verborgen(org, indicatoren):
    run = maak_run(org, indicatoren, 3)
    weg = weergave.verborgen(run)
    assert weg, "the generated data has small cells that need a second hidden cell"
    teksten = {r["waarde"] for r in exports.rijen(run)} | {r["teller"] for r in exports.rijen(run)}
    assert "×" in teksten or "(×)" in teksten


def _zrm_rij(niveau, pk, rnd=None, som=None):
    """A ZRM aggregate row with small counts (or the sums of ``som``)."""
    velden = ("personen", "wk_t", "wk_n", "oc_t", "oc_n", "mv", "fin", "fin_v")
    g = som or {v: rnd.choice([0, 1, 2, 3, 4, 6, 9, 15]) for v in velden}
    return {"niveau": niveau, "id": pk, "naam": f"{niveau} {pk}", "versie": "2017", "van": date(2026, 1, 1),
            "tot": date(2026, 3, 31), "personen": g["personen"], "personen_met_verandering": g["mv"],
            "weinig_kracht": {"teller": g["wk_t"], "noemer": g["wk_n"]},
            "onvoldoende_contacten": {"teller": g["oc_t"], "noemer": g["oc_n"]},
            "domeinen": [{"code": "financien", "naam": "Financiën", "gemiddelde": 3.0, "aantal": g["fin"],
                          "verandering": 0.5, "aantal_verandering": g["fin_v"]}], "_ruw": g}


@pytest.mark.parametrize("seed", range(15))
def test_zrm_niveaus_samen_geven_geen_onderdrukte_waarde_prijs(seed):
    """The ZRM aggregate API answers one level per call; an attacker who asks all three (gebied, team, gemeente)
    and subtracts still pins down no hidden count."""
    from zelfredzaamheid.api import _tellingen, onderdruk, verborgen_cellen

    rnd = random.Random(seed)
    gebieden = [_zrm_rij("gebied", i, rnd) for i in range(5)]
    teams = [_zrm_rij("team", i, rnd) for i in range(3)]
    som = {v: sum(r["_ruw"][v] for r in gebieden) for v in gebieden[0]["_ruw"]}
    # the teams partition the same persons: make the last team the rest (never negative)
    for v in som:
        rest = som[v] - sum(t["_ruw"][v] for t in teams[:-1])
        if rest < 0:
            som[v] -= rest
            gebieden[0]["_ruw"][v] -= rest
        teams[-1]["_ruw"][v] = som[v] - sum(t["_ruw"][v] for t in teams[:-1])
    gebieden = [_zrm_rij("gebied", r["id"], som=r["_ruw"]) for r in gebieden]
    teams = [_zrm_rij("team", r["id"], som=r["_ruw"]) for r in teams]
    per_niveau = {"gebied": gebieden, "team": teams, "gemeente": [_zrm_rij("gemeente", 1, som=som)]}
    verborgen = verborgen_cellen(per_niveau)
    waarheid, cellen = {}, {}
    for niveau, rijen in per_niveau.items():
        for rij in rijen:
            kolom = "Gemeente" if niveau == "gemeente" else f"{niveau}:{rij['id']}"
            for veld, getal in _tellingen(rij).items():
                waarheid[(veld, kolom, "", "teller")] = getal
            for veld, getoond in _tellingen(onderdruk(rij, verborgen)).items():
                cellen[(veld, kolom, "", "teller")] = getoond
    for cel, getal in waarheid.items():
        if 0 < getal < 5:
            assert cellen[cel] == "< 5", cel
    velden = {k[0] for k in cellen}
    relaties = [((v, "Gemeente", "", "teller"), [(v, f"{n}:{r['id']}", "", "teller") for r in per_niveau[n]])
                for v in velden for n in ("gebied", "team")]
    assert aanval(waarheid, cellen, {}, relaties) == set()
