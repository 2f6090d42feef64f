"""The profile of one wijk (gebiedsscan): the population (CBS kerncijfers) beside the casework of a period —
households supported per 1,000 inhabitants, meldingen per leefgebied, the ZRM distribution, the ladder mix, maatwerk,
volunteers and activities, the sociale kaart offers in the wijk. Aggregates only, counted in PostgreSQL, with
small-cell suppression (``common.onderdrukking``: "< 5" and, within a table whose parts add up to its total, the
complementary "×").

The nulmeting per wijk is the first complete quarter after the gemeente's go-live (``Gemeente.live_sinds``, set in the
beheer screens): a quarter that starts on the go-live day counts, one that has already begun does not. The profile
shows its figures, computed and suppressed the same way, beside those of the chosen quarter.

Some per-wijk figures are also in the quarterly monitor, with the same definition and period, beside the totals of
the gebied and the gemeente (``MONITOR``: supported households ``hh_ondersteund_per_1000``, active volunteers
``vrijwilligers_actief``, help requests ``hulpvragen_vrijwilligers``, Wmo clients ``wmo_clienten_per_1000``,
Jeugdwet clients ``jeugdhulp_aandeel_jeugdigen``: those under 25, which Jeugdwet clients in practice all are); there
the complementary suppression runs over the whole table of the run (gemeente, gebieden, wijken). So the profile shows
those figures only as the gemeente's finished run of exactly that period shows them (:func:`_volgens_monitor`:
``weergave.cel`` with ``weergave.verborgen(run)``), and not at all while there is no finished run: a live count
suppressed on its own would show a wijk the run hides, and the run's gebied total would give the hidden cell away.
For the same reason the table of clients per wet has no total: total minus the other laws would give such a row.
Maatwerk requests (``maatwerk_aanvragen``) the monitor counts per gebied only: the profile's counts of a gebied's
wijken add up to that gebied's cell (a one-wijk gebied is its cell), which the run may hide. They go the same way, so
while the run has no row per wijk for them the profile shows "–".
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Q, Sum
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.onderdrukking import aanvullend, toon_aantal
from gemeenschap.models import CollectieveActiviteit
from huishoudens.models import Actie, Ladder, Leefgebied
from monitoring import perioden, weergave
from monitoring.indicatoren.register import rijen
from monitoring.models import IndicatorWaarde, MonitorRun
from toegang.models import Toewijzing, Wet
from wijkteams import rollen
from wijkteams.models import Aanbod, Wijk, WijkInwoners
from wijkteams.selectors import gemeente_id_van

ROLLEN = (rollen.BELEIDSMEDEWERKER, rollen.COORDINATOR, rollen.FUNCTIONEEL_BEHEER)
ZRM_KLASSEN = [("1", gettext_lazy("1 (acute problematiek)")), ("2", gettext_lazy("2 (niet zelfredzaam)")),
               ("3", gettext_lazy("3 (beperkt zelfredzaam)")), ("4", gettext_lazy("4 (voldoende zelfredzaam)")),
               ("5", gettext_lazy("5 (volledig zelfredzaam)"))]


def mag_wijkprofiel_zien(user):
    return rollen.heeft_rol(user, *ROLLEN) and gemeente_id_van(user) is not None


def get_wijk_voor(user, pk):
    """A wijk of the user's gemeente for a beleidsmedewerker, coördinator or functioneel beheerder; else 404."""
    if not mag_wijkprofiel_zien(user):
        raise Http404
    wijk = Wijk.objects.select_related("gemeente", "gebied").filter(pk=pk, gemeente_id=gemeente_id_van(user)).first()
    if wijk is None:
        raise Http404
    return wijk


def wijken_voor(user):
    if not mag_wijkprofiel_zien(user):
        return Wijk.objects.none()
    return Wijk.objects.filter(gemeente_id=gemeente_id_van(user)).order_by("naam")


@dataclass
class Tabel:
    """Categories with their count as shown; ``totaal`` is the sum of the parts (``None``: the parts overlap)."""

    titel: str
    rijen: list = field(default_factory=list)
    totaal: object = None
    naast: list = field(default_factory=list)  # (label, count, count in the nulmeting) when compared
    totaal_nul: object = None


def _tabel(titel, tellingen, labels, *, optelbaar=True):
    waarden = {code: tellingen.get(code, 0) for code, _label in labels}
    totaal = sum(waarden.values())
    extra = set()
    if optelbaar:
        waarden["__totaal__"] = totaal
        _primair, extra = aanvullend(waarden, [("__totaal__", [code for code, _label in labels])])
    rijen_ = [(label, toon_aantal(waarden[code], aanvullend_onderdrukt=code in extra)) for code, label in labels]
    getoond_totaal = toon_aantal(totaal, aanvullend_onderdrukt="__totaal__" in extra) if optelbaar else None
    return Tabel(titel, rijen_, getoond_totaal)


def _zrm_laagste(wijk, van, tot):
    """Per measured client (last final measurement in the period, in this wijk): the lowest domain score."""
    sql = """
        WITH laatste AS (
            SELECT DISTINCT ON (m.persoon_id) m.persoon_id, m.scores
            FROM zelfredzaamheid_meting m
            WHERE m.wijk_id = %(wijk)s AND m.status = 'definitief' AND m.datum BETWEEN %(van)s AND %(tot)s
            ORDER BY m.persoon_id, m.datum DESC, m.id DESC
        )
        SELECT (SELECT MIN(s) FROM unnest(l.scores) s WHERE s BETWEEN 1 AND 5) AS laagste, COUNT(*) AS aantal
        FROM laatste l GROUP BY 1
    """
    return {str(r["laagste"]): r["aantal"] for r in rijen(sql, {"wijk": wijk.pk, "van": van, "tot": tot})
            if r["laagste"] is not None}


def _meldingen_per_leefgebied(wijk, van, tot):
    sql = """
        SELECT lg, COUNT(*) AS aantal
        FROM toegang_melding m JOIN huishoudens_huishouden h ON h.id = m.huishouden_id,
             unnest(m.leefgebieden) AS lg
        WHERE h.wijk_id = %(wijk)s
          AND (m.ontvangen_op AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN %(van)s AND %(tot)s
        GROUP BY lg
    """
    return {r["lg"]: r["aantal"] for r in rijen(sql, {"wijk": wijk.pk, "van": van, "tot": tot})}


# profile figure → the monitor indicator that has the same count per wijk (its teller)
MONITOR = {"ondersteund": "hh_ondersteund_per_1000", "vrijwilligers": "vrijwilligers_actief",
           "hulpvragen": "hulpvragen_vrijwilligers", "wmo": "wmo_clienten_per_1000",
           "jeugdwet": "jeugdhulp_aandeel_jeugdigen", "aanvragen": "maatwerk_aanvragen"}
# the rows of the table of clients per wet that the monitor has per wijk
PER_WET = {Wet.WMO: MONITOR["wmo"], Wet.JEUGDWET: MONITOR["jeugdwet"]}


def _volgens_monitor(wijk, van, tot, codes):
    """{indicator code: (count as shown, value as shown)} for the wijk's rows of these indicators in the gemeente's
    finished (klaar) run of exactly this period, shown as the monitor shows them: '< 5' / '(< 5)' below the
    threshold, '×' / '(×)' where the run hides the count to protect another cell. A code without such a run (or
    without a row for the wijk in it) is absent. One query, plus the run's suppression table once (two)."""
    waarden = list(IndicatorWaarde.objects.select_related("run", "indicator")
                   .filter(run__gemeente_id=wijk.gemeente_id, run__van=van, run__tot=tot,
                           run__status=MonitorRun.Status.KLAAR, indicator__code__in=codes, wijk=wijk,
                           categorie=""))
    if not waarden:
        return {}
    run = waarden[0].run  # one finished run per period (constraint een_klare_run_per_periode)
    weg = weergave.verborgen(run)
    return {w.indicator.code: (weergave.cel("aantal", w, weg).tekst, weergave.cel(w.indicator.eenheid, w, weg).tekst)
            for w in waarden}


def _toewijzingen(titel, live, monitor):
    """Clients per wet: the Wmo and Jeugdwet rows as the monitor shows them ('–' without a finished run), the
    Participatiewet (not in the monitor per wijk) with primary suppression. No total: total minus the other laws
    would give a count the run hides."""
    rijen_ = [(label, monitor.get(PER_WET[code], ("–",))[0] if code in PER_WET else toon_aantal(live.get(code, 0)))
              for code, label in Wet.choices]
    return Tabel(titel, rijen_, None)


def wijkprofiel(wijk, van, tot):
    """Everything the profile page shows, as displayed (suppressed) values."""
    inwoners = WijkInwoners.objects.filter(wijk=wijk, jaar__lte=tot.year).order_by("-jaar").first()
    monitor = _volgens_monitor(wijk, van, tot, MONITOR.values())
    ondersteund, per_duizend = monitor.get(MONITOR["ondersteund"], (None, None))
    ladder = dict(Actie.objects.filter(doel__plan__status="actief", doel__plan__traject__huishouden__wijk=wijk,
                                       doel__plan__traject__aangemeld_op__lte=tot)
                  .filter(Q(doel__plan__traject__afgesloten_op__isnull=True)
                          | Q(doel__plan__traject__afgesloten_op__gte=van))
                  .values_list("ladder").annotate(n=Count("id")))
    toewijzingen = dict(Toewijzing.objects.filter(client__huishouden__wijk=wijk, start__lte=tot, eind__gte=van)
                        .exclude(categorie__wet__in=PER_WET)
                        .values_list("categorie__wet").annotate(n=Count("client_id", distinct=True)))
    activiteiten = CollectieveActiviteit.objects.filter(wijk=wijk, startdatum__range=(van, tot)).aggregate(
        n=Count("id"), bereik=Sum("bereik"))
    return {
        "inwoners": inwoners,
        "ondersteund": ondersteund,
        "per_1000": per_duizend,
        "uit_monitor": bool(monitor),
        "meldingen": _tabel(_("Meldingen per leefgebied (een melding kan meer leefgebieden raken)"),
                            _meldingen_per_leefgebied(wijk, van, tot), Leefgebied.choices, optelbaar=False),
        "zrm": _tabel(_("Gemeten cliënten naar laagste ZRM-score"), _zrm_laagste(wijk, van, tot), ZRM_KLASSEN),
        "ladder": _tabel(_("Activiteiten in actieve plannen naar trede van de ladder"), ladder, Ladder.choices),
        "aanvragen": monitor.get(MONITOR["aanvragen"], (None,))[0],
        "toewijzingen": _toewijzingen(_("Cliënten met een lopende toewijzing per wet"), toewijzingen, monitor),
        "vrijwilligers": monitor.get(MONITOR["vrijwilligers"], (None,))[0],
        "hulpvragen": monitor.get(MONITOR["hulpvragen"], (None,))[0],
        "activiteiten": activiteiten["n"],
        "activiteiten_bereik": activiteiten["bereik"] or 0,
        "aanbod": list(Aanbod.objects.filter(wijk=wijk, actief=True).order_by("soort", "naam")
                       .values_list("naam", "soort")),
    }


TABELLEN = ("meldingen", "zrm", "ladder", "toewijzingen")
GETALLEN = ("ondersteund", "per_1000", "aanvragen", "vrijwilligers", "hulpvragen", "activiteiten",
            "activiteiten_bereik")


def nulmeting_periode(gemeente):
    """The first complete quarter after go-live (a quarter starting on the go-live day itself counts); None when
    the gemeente has no go-live date."""
    if gemeente.live_sinds is None:
        return None
    kwartaal = perioden.kwartaal_van(gemeente.live_sinds)
    if kwartaal.van == gemeente.live_sinds:
        return kwartaal
    return perioden.kwartaal_van(kwartaal.tot + timedelta(days=1))


def met_nulmeting(profiel, nul):
    """Put the nulmeting's figures beside the profile's: ``profiel["nul"]`` (the same keys) and, per table,
    ``naast`` rows (label, count, count in the nulmeting). Both are suppressed already."""
    for sleutel in TABELLEN:
        tabel, tabel_nul = profiel[sleutel], nul[sleutel]
        tabel.naast = [(label, aantal, aantal_nul) for (label, aantal), (_l, aantal_nul)
                       in zip(tabel.rijen, tabel_nul.rijen, strict=True)]
        tabel.totaal_nul = tabel_nul.totaal
    profiel["nul"] = nul
    return profiel
