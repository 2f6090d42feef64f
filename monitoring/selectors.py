"""Reads of monitoring, always within the user's gemeente and only for beleidsmedewerkers and coördinatoren.
Everything returned here is an aggregate with suppression applied (see weergave)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.http import Http404

from monitoring import weergave
from monitoring.models import Indicator, IndicatorWaarde, MonitorActie, MonitorBestand, MonitorRun
from monitoring.services import mag_monitoren
from wijkteams.models import Gebied, Gemeente, Wijk
from wijkteams.selectors import gemeente_id_van

Status = MonitorRun.Status


def runs_voor(user):
    if not mag_monitoren(user):
        return MonitorRun.objects.none()
    return MonitorRun.objects.filter(gemeente_id=gemeente_id_van(user))


def klare_runs_voor(user):
    return runs_voor(user).filter(status=Status.KLAAR)


def get_run_voor(user, pk, *, klaar=False):
    qs = klare_runs_voor(user) if klaar else runs_voor(user)
    run = qs.select_related("gemeente", "gestart_door").filter(pk=pk).first()
    if run is None:
        raise Http404
    return run


def gebied_voor(run, gebied_id):
    """A gebied of the run's gemeente, or None for the whole gemeente; 404 for any other id."""
    if gebied_id in (None, ""):
        return None
    gebied = Gebied.objects.filter(gemeente_id=run.gemeente_id, pk=gebied_id).first()
    if gebied is None:
        raise Http404
    return gebied


def vorige_run(run):
    return (MonitorRun.objects.filter(gemeente_id=run.gemeente_id, soort=run.soort, status=Status.KLAAR,
                                      tot__lt=run.van).order_by("-van").first())


def nulmeting(run):
    """The first finished run of this kind of period: the baseline every later run is compared with."""
    return (MonitorRun.objects.filter(gemeente_id=run.gemeente_id, soort=run.soort, status=Status.KLAAR)
            .order_by("van").first())


def reeks_runs(run, maximaal=12):
    """The finished runs of the same kind up to this one, oldest first (for line charts)."""
    runs = list(MonitorRun.objects.filter(gemeente_id=run.gemeente_id, soort=run.soort, status=Status.KLAAR,
                                          van__lte=run.van).order_by("-van")[:maximaal])
    return list(reversed(runs))


def gebieden_van(run):
    return list(Gebied.objects.filter(gemeente_id=run.gemeente_id).order_by("naam"))


def indicatoren(status=Indicator.Status.STARTSET):
    """The catalogue in the order of the themes (as in Indicator.Thema) and then the catalogue order."""
    volgorde = {code: i for i, code in enumerate(Indicator.Thema.values)}
    return sorted(Indicator.objects.filter(status=status), key=lambda i: (volgorde.get(i.thema, 99), i.volgorde))


@dataclass
class Regel:
    indicator: Indicator
    categorie: str = ""
    categorie_naam: str = ""
    cellen: dict = field(default_factory=dict)  # gebied_id (None = gemeente) → Cel
    vorig: dict = field(default_factory=dict)
    nul: dict = field(default_factory=dict)
    pijl_vorig: dict = field(default_factory=dict)
    pijl_nul: dict = field(default_factory=dict)

    @property
    def naam(self):
        return self.categorie_naam or self.indicator.naam

    @property
    def is_categorie(self):
        return bool(self.categorie)


@dataclass
class Thema:
    code: str
    naam: str
    regels: list


@dataclass
class Overzicht:
    run: MonitorRun
    vorige: MonitorRun | None
    nul: MonitorRun | None
    gebieden: list
    themas: list
    acties_vorige: list  # actions recorded beside the previous run's numbers: shown in this monitor
    acties: list  # actions recorded beside this run's numbers

    @property
    def regels(self):
        return [r for t in self.themas for r in t.regels]

    def kernregels(self):
        return [r for r in self.regels if r.indicator.kern and not r.is_categorie]


def _waarden(run):
    if run is None:
        return {}
    return {(w.indicator_id, w.gebied_id, w.categorie): w
            for w in IndicatorWaarde.objects.filter(run=run, wijk__isnull=True)}


def overzicht(run):
    """All startset indicators of a run per gebied and for the gemeente, suppressed, with the comparisons."""
    vorige, nul = vorige_run(run), nulmeting(run)
    if nul is not None and nul.pk == run.pk:
        nul = None
    gebieden = gebieden_van(run)
    kolommen = [g.pk for g in gebieden] + [None]
    nu, eerder, basis = _waarden(run), _waarden(vorige), _waarden(nul)
    weg_nu, weg_eerder, weg_basis = weergave.verborgen(run), weergave.verborgen(vorige), weergave.verborgen(nul)
    categorieen_in_data = defaultdict(set)
    for (ind_id, _g, cat) in nu:
        if cat:
            categorieen_in_data[ind_id].add(cat)
    themas = {}
    for ind in indicatoren():
        sleutels = [("", "")]
        if ind.categorieen or categorieen_in_data.get(ind.pk):
            bekend = list(ind.categorieen.items())
            extra = sorted(categorieen_in_data.get(ind.pk, set()) - set(ind.categorieen))
            sleutels = bekend + [(c, c) for c in extra]
        for cat, cat_naam in sleutels:
            regel = Regel(ind, cat, cat_naam)
            for kol in kolommen:
                regel.cellen[kol] = _cel_of_nul(ind, nu, kol, cat, weg_nu)
                regel.vorig[kol] = _cel_of_nul(ind, eerder, kol, cat, weg_eerder) if vorige else None
                regel.nul[kol] = _cel_of_nul(ind, basis, kol, cat, weg_basis) if nul else None
                regel.pijl_vorig[kol] = weergave.pijl(regel.cellen[kol], regel.vorig[kol], ind.hoger_is_beter)
                regel.pijl_nul[kol] = weergave.pijl(regel.cellen[kol], regel.nul[kol], ind.hoger_is_beter)
            themas.setdefault(ind.thema, Thema(ind.thema, ind.get_thema_display(), [])).regels.append(regel)
    acties = list(MonitorActie.objects.filter(gemeente_id=run.gemeente_id, periode_van=run.van, periode_tot=run.tot)
                  .select_related("indicator", "gebied", "door").order_by("op"))
    acties_vorige = []
    if vorige is not None:
        acties_vorige = list(MonitorActie.objects.filter(gemeente_id=run.gemeente_id, periode_van=vorige.van,
                                                         periode_tot=vorige.tot)
                             .select_related("indicator", "gebied", "door").order_by("op"))
    return Overzicht(run, vorige, nul, gebieden, list(themas.values()), acties_vorige, acties)


def _cel_of_nul(ind, waarden, kol, cat, weg):
    w = waarden.get((ind.pk, kol, cat))
    if w is None and not cat and ind.eenheid == "aantal" and kol is not None and (ind.pk, None, "") in waarden:
        # computed for the gemeente but no row for this gebied: nothing happened there
        w = IndicatorWaarde(indicator_id=ind.pk, gebied_id=kol, teller=0)
    if w is None and cat:
        # a category that did not occur: zero of the total of its column
        totaal = next((v.noemer for (i, g, _c), v in waarden.items() if i == ind.pk and g == kol and v.noemer), None)
        if totaal:
            w = IndicatorWaarde(indicator_id=ind.pk, gebied_id=kol, categorie=cat, teller=0, noemer=totaal, waarde=0)
    return weergave.cel(ind.eenheid, w, weg)


def reeks(run, regels, gebied_id):
    """Values over the earlier runs for line charts: {indicator code: [value or None per run]}, and the labels."""
    runs = reeks_runs(run)
    codes = {r.indicator.code: r.indicator for r in regels}
    waarden = {(w.run_id, w.indicator.code): w for w in IndicatorWaarde.objects.filter(
        run__in=runs, indicator__code__in=codes, gebied_id=gebied_id, wijk__isnull=True, categorie="",
    ).select_related("indicator")}
    weg = {r.pk: weergave.verborgen(run if r.pk == run.pk else r) for r in runs}
    data = {code: [weergave.cel(ind.eenheid, waarden.get((r.pk, code)), weg[r.pk]).getal for r in runs]
            for code, ind in codes.items()}
    return [r.label for r in runs], data


def wijkregels(run, gebied=None):
    """Per wijk: the indicators that are computed per wijk (inhabitants, reach per 1,000, imported shares)."""
    qs = IndicatorWaarde.objects.filter(run=run, wijk__isnull=False).select_related("indicator")
    if gebied is not None:
        qs = qs.filter(gebied=gebied)
    per_wijk = defaultdict(dict)
    inds = {}
    weg = weergave.verborgen(run)
    for w in qs:
        per_wijk[w.wijk_id][w.indicator.code] = weergave.cel(w.indicator.eenheid, w, weg)
        inds[w.indicator.code] = w.indicator
    wijken = {w.pk: w for w in Wijk.objects.filter(pk__in=per_wijk).order_by("cbs_code")}
    kolommen = sorted(inds.values(), key=lambda i: (i.thema != "bevolking", i.volgorde))
    return kolommen, [(wijken[pk], [per_wijk[pk].get(i.code, weergave.LEEG) for i in kolommen])
                      for pk in sorted(per_wijk, key=lambda pk: wijken[pk].cbs_code)]


def bestanden(run):
    return {b.gebied_id: b for b in MonitorBestand.objects.filter(run=run)}


def lopende_runs(user):
    """Runs being computed; one still 'bezig' after the task's time limit was abandoned (killed worker) and is
    left out: its period can simply be started again (its numbers were never committed)."""
    from django.utils import timezone

    from monitoring.services import VERLATEN_NA

    return list(runs_voor(user).filter(status__in=[Status.WACHTEND, Status.BEZIG],
                                       aangemaakt_op__gte=timezone.now() - VERLATEN_NA)
                .order_by("-aangemaakt_op")[:5])


def vergelijking_gemeenten(user, run):
    """The user's gemeente beside the gemeenten in this installation that agreed to share their figures
    (``Gemeente.deelt_monitorcijfers``, off by default), for the same period: gemeente totals only, suppressed
    as in each gemeente's own monitor."""
    eigen = Q(gemeente_id=run.gemeente_id) if run.gemeente_id == gemeente_id_van(user) else Q(pk__in=[])
    runs = {r.gemeente_id: r for r in MonitorRun.objects.filter(eigen | Q(gemeente__deelt_monitorcijfers=True))
            .filter(van=run.van, tot=run.tot, status=Status.KLAAR)}
    gemeenten = list(Gemeente.objects.filter(pk__in=runs).order_by("naam"))
    waarden = {(w.run.gemeente_id, w.indicator_id, w.categorie): w for w in IndicatorWaarde.objects.filter(
        run__in=runs.values(), gebied__isnull=True, wijk__isnull=True).select_related("run")}
    regels = []
    for ind in indicatoren():
        if ind.categorieen:
            continue
        regels.append((ind, [weergave.cel(ind.eenheid, waarden.get((g.pk, ind.pk, "")),
                                          weergave.verborgen(runs[g.pk])) for g in gemeenten]))
    return gemeenten, regels
