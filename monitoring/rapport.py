"""The quarterly PDF monitor, per gebied and for the whole gemeente: made with the single PDF helper
(common.pdf.maak_pdf) and charts from the single chart helper (common.charts), and stored per run."""


from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from common import charts
from common.onderdrukking import drempel
from common.pdf import maak_pdf, zonder_gc
from monitoring import selectors
from monitoring.kaart import wijkkaart
from monitoring.models import Indicator, MonitorBestand, MonitorRun

EENHEID_AS = {"aantal": "aantal", "percentage": "%", "dagen": "dagen", "per_1000": "per 1.000 inwoners",
              "score": "score", "euro": "euro"}


def staafspecs(ov, thema, gebied):
    """What the bar charts of one theme show, from the figures already in the overview (no query): its kern
    indicator per gebied beside the gemeente (the comparison), and its categories for the gebied (or gemeente).
    Each as ``(arguments of charts.staafdiagram, alt)``, alt being its text alternative (every figure it shows; a
    hidden one named as hidden)."""
    uit = []
    hoofd = [r for r in thema.regels if not r.is_categorie]
    kategorie = [r for r in thema.regels if r.is_categorie]
    kolom = gebied.pk if gebied else None
    if hoofd and ov.gebieden:
        r = next((r for r in hoofd if r.indicator.kern), hoofd[0])
        labels = [g.naam for g in ov.gebieden] + ["Gemeente"]
        waarden = [r.cellen[g.pk].getal for g in ov.gebieden] + [r.cellen[None].getal]
        if any(waarden):
            titel, eenheid = f"{r.indicator.naam} per gebied", EENHEID_AS[r.indicator.eenheid]
            uit.append(({"labels": labels, "waarden": waarden, "titel": titel, "ylabel": eenheid},
                        charts.beschrijf_staven(labels, waarden, titel=titel, eenheid=eenheid)))
    if kategorie:
        ind = kategorie[0].indicator
        waarden = [r.cellen[kolom].getal for r in kategorie]
        if any(waarden):
            titel, eenheid = f"{ind.naam} ({gebied.naam if gebied else 'gemeente'})", EENHEID_AS[ind.eenheid]
            uit.append(({"labels": [r.categorie_naam[:28] for r in kategorie], "waarden": waarden, "titel": titel,
                         "ylabel": eenheid, "grootte": (6, 3.4)},
                        charts.beschrijf_staven([r.categorie_naam for r in kategorie], waarden, titel=titel,
                                                eenheid=eenheid)))
    return uit


def verloopregels(thema):
    """The (at most four) indicators of a theme whose course over the periods is drawn: the main lines of the
    theme's first unit."""
    hoofd = [r for r in thema.regels if not r.is_categorie]
    return [r for r in hoofd if r.indicator.eenheid == (hoofd[0].indicator.eenheid if hoofd else None)][:4]


def verloop(run, thema, gebied):
    """The course of a theme over the earlier periods of the same kind for the gebied (or gemeente):
    ``(labels, {indicator name: values}, titel, eenheid)``, or None without two periods with figures."""
    lijn = verloopregels(thema)
    if not lijn:
        return None
    labels, data = selectors.reeks(run, lijn, gebied.pk if gebied else None)
    if len(labels) < 2 or not any(w for reeks in data.values() for w in reeks):
        return None
    namen = {r.indicator.code: r.indicator.naam[:40] for r in lijn}
    reeksen = {namen[c]: v for c, v in data.items()}
    titel = f"{thema.naam}: verloop ({gebied.naam if gebied else 'gemeente'})"
    return labels, reeksen, titel, EENHEID_AS[lijn[0].indicator.eenheid]


def verloopgrafiek(ov, thema, gebied):
    """The line chart of :func:`verloop` as ``(svg, alt)``, or None."""
    gegevens = verloop(ov.run, thema, gebied)
    if gegevens is None:
        return None
    labels, reeksen, titel, eenheid = gegevens
    return (charts.lijndiagram(labels, reeksen, titel=titel, ylabel=eenheid, grootte=(6.5, 3)),
            charts.beschrijf_lijnen(labels, reeksen, titel=titel, eenheid=eenheid))


def _grafieken(ov, gebied):
    """Per theme (in the order of ``ov.themas``) a bar chart by gebied, one of its categories and a line chart over
    the periods: each as ``{"bron", "alt"}``, an SVG data URI and its text alternative (the figures it shows, for the
    PDF/UA figure and screen readers).

    The bar charts come from ``charts.staafdiagrammen`` in one cache round trip: the same arguments as the monitor
    page draws, and the comparison per gebied is the same picture in every gebied's PDF of a run, so a run's PDFs
    (and the page) draw each only once."""
    specs = [staafspecs(ov, t, gebied) for t in ov.themas]
    svgs = iter(charts.staafdiagrammen([k for per_thema in specs for k, _alt in per_thema]))
    uit = []
    for thema, per_thema in zip(ov.themas, specs, strict=True):
        grafieken = [(next(svgs), alt) for _k, alt in per_thema]
        lijn = verloopgrafiek(ov, thema, gebied)
        if lijn is not None:
            grafieken.append(lijn)
        uit.append([{"bron": charts.als_afbeelding(svg), "alt": alt} for svg, alt in grafieken])
    return uit


def context(run, gebied, *, ov=None):
    """The PDF's context; ``ov`` is the run's overview (``selectors.overzicht``) when the caller already has it (it
    is the same for every gebied of a run)."""
    ov = ov if ov is not None else selectors.overzicht(run)
    # a zero-width space after "/" lets long gebied names wrap in narrow table columns
    kolommen = [(g.pk, g.naam.replace("/", "/\u200b")) for g in ([gebied] if gebied else ov.gebieden)]
    kolommen.append((None, "Gemeente"))
    wijk_kolommen, wijk_rijen = selectors.wijkregels(run, gebied)
    themas = [{"thema": t, "rijen": [(r, [r.cellen[pk] for pk, _naam in kolommen]) for r in t.regels],
               "grafieken": grafieken} for t, grafieken in zip(ov.themas, _grafieken(ov, gebied), strict=True)]
    kolom = gebied.pk if gebied else None
    return {
        "gemeente": run.gemeente,
        "run": run,
        "gebied": gebied,
        "ov": ov,
        "kolom": kolom,
        "kolommen": kolommen,
        "themas": themas,
        "kern": [(r, r.cellen[kolom], r.vorig.get(kolom), r.pijl_vorig.get(kolom), r.nul.get(kolom),
                  r.pijl_nul.get(kolom)) for r in ov.kernregels()],
        "acties_vorige": [a for a in ov.acties_vorige if gebied is None or a.gebied_id in (None, gebied.pk)],
        "wijk_kolommen": wijk_kolommen,
        "wijk_rijen": wijk_rijen,
        "kaart": wijkkaart(run, gebied, wijkregels=(wijk_kolommen, wijk_rijen), id_voorvoegsel="pdfkaart"),
        "definities": selectors.indicatoren(),
        "ontwikkelagenda": selectors.indicatoren(Indicator.Status.ONTWIKKELAGENDA),
        "drempel": drempel(),
        "gemaakt_op": timezone.localtime(),
    }


def maak_monitor_pdf(run, gebied=None, *, ov=None, afbeeldingen=None):
    """The monitor PDF of a run for a gebied (None = gemeente). For several PDFs of the same run pass the same ``ov``
    (the overview, computed once) and ``afbeeldingen`` (a dict: WeasyPrint keeps the charts it read in it, and the
    comparison per gebied is the same image in every gebied's PDF)."""
    with zonder_gc():  # the charts too (matplotlib): see common.pdf.zonder_gc
        return maak_pdf("pdf/monitor.html", context(run, gebied, ov=ov), afbeeldingen=afbeeldingen)


def bestandsnaam(run, gebied):
    deel = slugify(gebied.naam) if gebied else "gemeente"
    return f"monitor-{slugify(run.gemeente.naam)}-{run.label.replace(' ', '')}-{deel}.pdf".lower()


def sla_pdf_op(run, gebied=None, *, ov=None, afbeeldingen=None):
    """Make and store the PDF of a run for a gebied (None = gemeente); an existing one is replaced. ``ov`` and
    ``afbeeldingen`` as for :func:`maak_monitor_pdf`."""
    inhoud = maak_monitor_pdf(run, gebied, ov=ov, afbeeldingen=afbeeldingen)
    bestaand = MonitorBestand.objects.filter(run=run, gebied=gebied).first()
    if bestaand is not None:
        # the new file first (it gets a new name while the old one exists: no cached link shows new content
        # under an old name, and there is always a file), then the old one goes
        oud = bestaand.bestand.name
        bestaand.bestand.save(bestandsnaam(run, gebied), ContentFile(inhoud), save=True)
        if oud and oud != bestaand.bestand.name:
            bestaand.bestand.storage.delete(oud)
        return bestaand
    bestand = MonitorBestand(run=run, gebied=gebied)
    bestand.bestand.save(bestandsnaam(run, gebied), ContentFile(inhoud), save=False)
    try:
        with transaction.atomic():
            bestand.save()
    except IntegrityError:  # made at the same moment by the worker: keep that one
        bestand.bestand.delete(save=False)
        return MonitorBestand.objects.get(run=run, gebied=gebied)
    return bestand


def pdf_van(run, gebied=None):
    """The stored PDF, made now when the worker has not made it yet."""
    bestaand = MonitorBestand.objects.filter(run=run, gebied=gebied).first()
    if bestaand is not None and bestaand.bestand and bestaand.bestand.storage.exists(bestaand.bestand.name):
        return bestaand
    return sla_pdf_op(run, gebied)


def maak_alle_pdfs(run_id):
    run = MonitorRun.objects.select_related("gemeente").filter(pk=run_id, status=MonitorRun.Status.KLAAR).first()
    if run is None:
        return 0
    gebieden = [None, *selectors.gebieden_van(run)]
    # one overview and one image cache for all the run's PDFs
    ov, afbeeldingen = selectors.overzicht(run), {}
    for gebied in gebieden:
        sla_pdf_op(run, gebied, ov=ov, afbeeldingen=afbeeldingen)
    return len(gebieden)
