"""CSV and XLSX of a run's numbers (the same numbers as the PDF, suppressed the same way), and the aggregate-only
export for the Wmo-adviesraad and the gemeenteraad."""

import csv
import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from common import opmaak
from common.onderdrukking import drempel
from monitoring import selectors, weergave
from monitoring.models import IndicatorWaarde

KOPPEN = ["periode", "van", "tot", "gebied", "wijk", "indicator", "naam", "categorie", "eenheid", "waarde",
          "teller", "noemer", "cliëntcijfer", "bron"]


def _getal_of_tekst(cel):
    """A number when it may be shown, else the suppression text ("< 5", "(< 5)" or "–")."""
    return cel.getal if cel.getal is not None else cel.tekst


def _teller_noemer(ind, w, cel, weg):
    """Counts shown beside a value: the teller hidden with the value; the noemer shown unless it is hidden itself
    (exactly what the complementary suppression counted as published)."""
    noemer = weergave.veilig_aantal(w.noemer, weergave.sleutel(w, "noemer") in weg)
    if cel.onderdrukt and ind.eenheid != "aantal":
        return cel.tekst, noemer
    return weergave.veilig_aantal(w.teller, weergave.sleutel(w, "teller") in weg), noemer


def rijen(run):
    """Every stored number of the run as a dict, suppressed. One query."""
    uit = []
    weg = weergave.verborgen(run)
    waarden = (IndicatorWaarde.objects.filter(run=run).select_related("indicator", "gebied", "wijk")
               .order_by("indicator__thema", "indicator__volgorde", "gebied__naam", "wijk__cbs_code", "categorie"))
    for w in waarden:
        ind = w.indicator
        cel = weergave.cel(ind.eenheid, w, weg)
        teller, noemer = _teller_noemer(ind, w, cel, weg)
        uit.append({
            "periode": run.label, "van": run.van, "tot": run.tot,
            "gebied": w.gebied.naam if w.gebied else ("" if w.wijk else "Gemeente"),
            "wijk": f"{w.wijk.naam} ({w.wijk.cbs_code})" if w.wijk else "",
            "indicator": ind.code, "naam": ind.naam,
            "categorie": ind.categorieen.get(w.categorie, w.categorie),
            "eenheid": ind.get_eenheid_display(), "waarde": _getal_of_tekst(cel),
            "teller": teller if teller is not None else "", "noemer": noemer if noemer is not None else "",
            "cliëntcijfer": "ja" if ind.is_clientcijfer else "nee", "bron": ind.get_bron_display(),
            "_cel": cel,
        })
    return uit


def _uitleg():
    return (f"Aantallen kleiner dan {drempel()} staan als '< {drempel()}'; aantallen die verborgen zijn om zo'n klein "
            f"aantal te beschermen als '×'; verhoudingen die daarop rusten als '(< {drempel()})' of '(×)'.")


def csv_bytes(run):
    buf = io.StringIO()
    schrijver = csv.writer(buf, delimiter=";")
    schrijver.writerow(KOPPEN)
    for rij in rijen(run):
        waarden = []
        for kop in KOPPEN:
            v = rij[kop]
            if isinstance(v, float):
                v = weergave.nl_getal(v, 1 if v % 1 else 0)
            waarden.append(v)
        schrijver.writerow(waarden)
    schrijver.writerow([])
    schrijver.writerow([_uitleg()])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _blad(wb, titel, koppen, regels):
    ws = wb.create_sheet(titel)
    ws.append(koppen)
    for cel in ws[1]:
        cel.font = Font(bold=True)
    for regel in regels:
        ws.append(regel)
    for kolom in ws.columns:
        ws.column_dimensions[kolom[0].column_letter].width = min(60, max(10, *(len(str(c.value or "")) for c in kolom)))
    return ws


def _definities(wb):
    _blad(wb, "Definities", ["indicator", "naam", "definitie", "eenheid", "bron", "wet", "status"], [
        [i.code, i.naam, i.omschrijving, i.get_eenheid_display(), i.get_bron_display(), i.get_wet_display(),
         i.get_status_display()]
        for i in selectors.indicatoren() + selectors.indicatoren("ontwikkelagenda")
    ])


def _xlsx(wb):
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def xlsx_bytes(run):
    wb = Workbook()
    wb.remove(wb.active)
    _blad(wb, "Cijfers", KOPPEN, [[r[k] for k in KOPPEN] for r in rijen(run)])
    _definities(wb)
    _blad(wb, "Toelichting", ["toelichting"], [
        [f"Monitor wijkteams {run.gemeente.naam}, periode {run.label} "
         f"({opmaak.datum_nl(run.van)} t/m {opmaak.datum_nl(run.tot)})."],
        [_uitleg()],
        ["Cliëntcijfers gaan over cliënten van de wijkteams, niet over alle inwoners."],
        [f"Gemaakt op {opmaak.datum_nl(timezone.localtime(), 'tijd')}."],
    ])
    return _xlsx(wb)


def adviesraad_xlsx(run):
    """For the Wmo-adviesraad and the gemeenteraad: the gemeente and gebied figures only (no wijk level, no
    names of staff, no actions), with the previous period and the nulmeting, suppressed."""
    ov = selectors.overzicht(run)
    kolommen = [(g.pk, g.naam) for g in ov.gebieden] + [(None, "Gemeente")]
    koppen = ["indicator", "categorie", "eenheid", "cliëntcijfer"] + [n for _pk, n in kolommen]
    if ov.vorige:
        koppen.append(f"Gemeente {ov.vorige.label}")
    if ov.nul:
        koppen.append(f"Gemeente nulmeting {ov.nul.label}")
    regels = []
    for r in ov.regels:
        regel = [r.indicator.naam, r.categorie_naam, r.indicator.get_eenheid_display(),
                 "ja" if r.indicator.is_clientcijfer else "nee"]
        regel += [_getal_of_tekst(r.cellen[pk]) for pk, _n in kolommen]
        if ov.vorige:
            regel.append(_getal_of_tekst(r.vorig[None]))
        if ov.nul:
            regel.append(_getal_of_tekst(r.nul[None]))
        regels.append(regel)
    wb = Workbook()
    wb.remove(wb.active)
    _blad(wb, f"Monitor {run.label}"[:31], koppen, regels)
    _definities(wb)
    return _xlsx(wb)
