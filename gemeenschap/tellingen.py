"""Counts per wijk and per gebied for the monitor: plain numbers from SQL aggregates (no loop over rows).

All periods are inclusive (``van`` ≤ datum ≤ ``tot``). What each number counts:

- ``hulpvragen``: help requests entered in the period (by ``ingediend_op``), per wijk of the request;
- ``koppelingen``: matches accepted in the period (by ``geaccepteerd_op``);
- ``mediaan_dagen_tot_koppeling``: median days from request to acceptance of those matches (None if none);
- ``dagen_tot_koppeling_som``: the sum of those days (teller; noemer is ``koppelingen``) for an average;
- ``mantelzorgers``: carers with a support record running on ``tot`` (``sinds`` ≤ tot);
- ``mantelzorgers_met_steun``: distinct carers who received support (respijtzorg, ...) in the period;
- ``mantelzorgers_overbelast``: distinct carers with a burden check flagged overbelast in the period;
- ``vrijwilligers``: active volunteers registered on ``tot``;
- ``activiteiten`` / ``bereik``: collective activities starting in the period and their total reach;
- ``klachten``: complaints received in the period (per wijk only when a household is linked; per gebied by the
  complaint's gebied).

Per gebied, wijk-based numbers use the wijk's current gebied.
"""

from django.db.models import Aggregate, Count, F, FloatField, Func, IntegerField, Sum

from common import onderdrukking
from gemeenschap.models import (
    Belastingcheck,
    CollectieveActiviteit,
    Hulpvraag,
    Klacht,
    Koppeling,
    Mantelzorger,
    MantelzorgSteun,
    Vrijwilliger,
)
from wijkteams.models import Gebied, Wijk

SLEUTELS = ("hulpvragen", "koppelingen", "mediaan_dagen_tot_koppeling", "dagen_tot_koppeling_som", "mantelzorgers",
            "mantelzorgers_met_steun", "mantelzorgers_overbelast", "vrijwilligers", "activiteiten", "bereik",
            "klachten")


class Mediaan(Aggregate):
    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def _dagen(eind, begin):
    return Func(F(eind), F(begin), template="(%(expressions)s)", arg_joiner=" - ", output_field=IntegerField())


def _leeg():
    return {k: (None if k == "mediaan_dagen_tot_koppeling" else 0) for k in SLEUTELS}


def _groepeer(qs, sleutel, **aggregaten):
    return {r[sleutel]: r for r in qs.values(sleutel).annotate(**aggregaten).order_by()}


def _tel(gemeente, van, tot, *, per):
    """``per`` is "wijk" or "gebied"; returns {id: {sleutel: getal}}."""
    g = gemeente.pk if hasattr(gemeente, "pk") else gemeente
    wijk_pad = {"wijk": "wijk_id", "gebied": "wijk__gebied_id"}[per]
    hv_pad = {"wijk": "hulpvraag__wijk_id", "gebied": "hulpvraag__wijk__gebied_id"}[per]
    mz_pad = {"wijk": "mantelzorger__wijk_id", "gebied": "mantelzorger__wijk__gebied_id"}[per]
    bronnen = [
        _groepeer(Hulpvraag.objects.filter(gemeente_id=g, ingediend_op__range=(van, tot)), wijk_pad,
                  hulpvragen=Count("id")),
        _groepeer(Koppeling.objects.filter(hulpvraag__gemeente_id=g, geaccepteerd_op__range=(van, tot)), hv_pad,
                  koppelingen=Count("id"),
                  mediaan_dagen_tot_koppeling=Mediaan(_dagen("geaccepteerd_op", "hulpvraag__ingediend_op")),
                  dagen_tot_koppeling_som=Sum(_dagen("geaccepteerd_op", "hulpvraag__ingediend_op"))),
        _groepeer(Mantelzorger.objects.filter(gemeente_id=g, sinds__lte=tot), wijk_pad, mantelzorgers=Count("id")),
        _groepeer(MantelzorgSteun.objects.filter(mantelzorger__gemeente_id=g, datum__range=(van, tot)), mz_pad,
                  mantelzorgers_met_steun=Count("mantelzorger_id", distinct=True)),
        _groepeer(Belastingcheck.objects.filter(mantelzorger__gemeente_id=g, datum__range=(van, tot),
                                                overbelast=True), mz_pad,
                  mantelzorgers_overbelast=Count("mantelzorger_id", distinct=True)),
        _groepeer(Vrijwilliger.objects.filter(gemeente_id=g, actief=True, aangemeld_op__lte=tot), wijk_pad,
                  vrijwilligers=Count("id")),
    ]
    activiteiten = CollectieveActiviteit.objects.filter(gemeente_id=g, startdatum__range=(van, tot))
    klachten = Klacht.objects.filter(gemeente_id=g, ontvangen_op__range=(van, tot))
    if per == "wijk":
        bronnen.append(_groepeer(activiteiten.filter(wijk__isnull=False), "wijk_id", activiteiten=Count("id"),
                                 bereik=Sum("bereik")))
        bronnen.append(_groepeer(klachten.filter(huishouden__isnull=False), "huishouden__wijk_id",
                                 klachten=Count("id")))
    else:
        bronnen.append(_groepeer(activiteiten, "gebied_id", activiteiten=Count("id"), bereik=Sum("bereik")))
        bronnen.append(_groepeer(klachten.filter(gebied__isnull=False), "gebied_id", klachten=Count("id")))

    model = Wijk if per == "wijk" else Gebied
    resultaat = {pk: _leeg() for pk in model.objects.filter(gemeente_id=g).values_list("pk", flat=True)}
    for bron in bronnen:
        for pk, rij in bron.items():
            if pk not in resultaat:
                continue
            for k, v in rij.items():
                if k in SLEUTELS and v is not None:
                    resultaat[pk][k] = float(v) if k == "mediaan_dagen_tot_koppeling" else int(v)
    return resultaat


def tellingen_per_wijk(gemeente, van, tot):
    """{wijk_id: {sleutel: getal}} for every wijk of the gemeente (zeros included)."""
    return _tel(gemeente, van, tot, per="wijk")


def tellingen_per_gebied(gemeente, van, tot):
    """{gebied_id: {sleutel: getal}} for every gebied of the gemeente (zeros included)."""
    return _tel(gemeente, van, tot, per="gebied")


def totalen(tellingen):
    """Sum over wijken or gebieden (the median is not additive and left out)."""
    som = {k: 0 for k in SLEUTELS if k != "mediaan_dagen_tot_koppeling"}
    for rij in tellingen.values():
        for k in som:
            som[k] += rij[k]
    return som


# the counts of a row (the median and the sum of days are not counts: hidden together with ``koppelingen``)
AANTALLEN = tuple(k for k in SLEUTELS if k not in ("mediaan_dagen_tot_koppeling", "dagen_tot_koppeling_som"))


def gepubliceerd(gemeente, van, tot):
    """The counts per wijk and per gebied as they may be published: small counts as '< 5', and complementary
    suppression (common.onderdrukking.aanvullend) over gebied = sum of its wijken and the gemeente total = sum of
    the gebieden = sum of the wijken, so no hidden count follows from the others. Returns (per_wijk, per_gebied,
    gemeente) with the gemeente totals (the sum of the gebieden) suppressed the same way."""
    g = gemeente.pk if hasattr(gemeente, "pk") else gemeente
    per_wijk, per_gebied = tellingen_per_wijk(g, van, tot), tellingen_per_gebied(g, van, tot)
    wijk_gebied = dict(Wijk.objects.filter(gemeente_id=g).values_list("pk", "gebied_id"))
    waarden, kandidaten = {}, []
    for soort, tabel in (("wijk", per_wijk), ("gebied", per_gebied)):
        for pk, rij in tabel.items():
            for k in AANTALLEN:
                waarden[(soort, pk, k)] = rij[k]
    for k in AANTALLEN:
        waarden[("gemeente", g, k)] = sum(rij[k] for rij in per_gebied.values())
        kandidaten.append((("gemeente", g, k), [("gebied", pk, k) for pk in per_gebied]))
        kandidaten.append((("gemeente", g, k), [("wijk", pk, k) for pk in per_wijk]))
        for gebied_id in per_gebied:
            kandidaten.append((("gebied", gebied_id, k),
                               [("wijk", pk, k) for pk in per_wijk if wijk_gebied.get(pk) == gebied_id]))
    primair, extra = onderdrukking.aanvullend(waarden, onderdrukking.relaties_die_kloppen(waarden, kandidaten))
    weg = primair | extra

    def toon(soort, tabel):
        uit = {}
        for pk, rij in tabel.items():
            regel = {k: onderdrukking.toon_aantal(rij[k], aanvullend_onderdrukt=(soort, pk, k) in weg)
                     for k in AANTALLEN}
            koppelingen_weg = (soort, pk, "koppelingen") in weg
            for k in ("mediaan_dagen_tot_koppeling", "dagen_tot_koppeling_som"):
                regel[k] = None if koppelingen_weg else rij[k]
            uit[pk] = regel
        return uit

    gemeente_rij = {k: waarden[("gemeente", g, k)] for k in AANTALLEN} | {"mediaan_dagen_tot_koppeling": None,
                                                                          "dagen_tot_koppeling_som": None}
    return toon("wijk", per_wijk), toon("gebied", per_gebied), toon("gemeente", {g: gemeente_rij})[g]


__all__ = ["gepubliceerd", "tellingen_per_wijk", "tellingen_per_gebied", "totalen"]
