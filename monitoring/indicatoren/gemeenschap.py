"""Indicators from the community registration (gemeenschap) through its own count selector
(gemeenschap.tellingen: SQL aggregates per wijk and per gebied), complaints, and the scores of the yearly
cliëntervaringsonderzoek (gemeenschap.ClientervaringScore)."""

from decimal import Decimal

from monitoring.indicatoren.register import Uitkomst, afgerond, registreer

# indicator code → key in gemeenschap.tellingen
TELLINGEN = {
    "hulpvragen_vrijwilligers": "hulpvragen",
    "vrijwilligersmatches": "koppelingen",
    "vrijwilligers_actief": "vrijwilligers",
    "mantelzorgers_met_steun": "mantelzorgers_met_steun",
    "collectieve_activiteiten": "activiteiten",
    "collectieve_bereik": "bereik",
    "klachten": "klachten",
}
PER_WIJK = ("hulpvragen_vrijwilligers", "vrijwilligersmatches", "vrijwilligers_actief")


def _uitkomsten(tellingen, gebied, wijk=None, codes=TELLINGEN):
    uit = [Uitkomst(code, gebied, int(tellingen[TELLINGEN[code]]), wijk_id=wijk) for code in codes]
    if wijk is None:
        n = int(tellingen["koppelingen"])
        gemiddeld = afgerond(Decimal(tellingen["dagen_tot_koppeling_som"]) / n) if n else None
        uit.append(Uitkomst("dt_hulpvraag_koppeling", gebied, n, None, gemiddeld))
    return uit


@registreer("gemeenschap", codes=[*TELLINGEN, "dt_hulpvraag_koppeling"])
def gemeenschap(*, gemeente_id, van, tot, codes=None):
    from gemeenschap.models import Klacht
    from gemeenschap.tellingen import tellingen_per_gebied, tellingen_per_wijk, totalen

    per_wijk = tellingen_per_wijk(gemeente_id, van, tot)
    per_gebied = tellingen_per_gebied(gemeente_id, van, tot)
    uit = []
    for gebied_id, tellingen in per_gebied.items():
        uit += _uitkomsten(tellingen, gebied_id)
    from wijkteams.models import Wijk

    gebied_van_wijk = dict(Wijk.objects.filter(pk__in=per_wijk).values_list("pk", "gebied_id"))
    for wijk_id, tellingen in per_wijk.items():
        uit += _uitkomsten(tellingen, gebied_van_wijk.get(wijk_id), wijk_id, PER_WIJK)
    # gemeente: wijk-based counts over all wijken (also wijken without gebied); activities per gebied (they always
    # have one); complaints all, with or without gebied or household
    totaal = totalen(per_wijk)
    gebieden = totalen(per_gebied)
    totaal["activiteiten"], totaal["bereik"] = gebieden["activiteiten"], gebieden["bereik"]
    totaal["klachten"] = Klacht.objects.filter(gemeente_id=gemeente_id, ontvangen_op__range=(van, tot)).count()
    return uit + _uitkomsten(totaal, None)


@registreer("clientervaring", codes=["clientervaring_score"])
def clientervaring(*, gemeente_id, van, tot, codes=None):
    """The latest yearly survey up to the period's year, per question: per gebied, and for the gemeente its own
    row or else the average of the gebieden weighted by respondents."""
    from gemeenschap.models import ClientervaringScore

    scores = ClientervaringScore.objects.filter(gemeente_id=gemeente_id, jaar__lte=tot.year)
    jaar = scores.order_by("-jaar").values_list("jaar", flat=True).first()
    if jaar is None:
        return []
    uit, per_vraag = [], {}
    for s in scores.filter(jaar=jaar).order_by("vraag", "gebied_id"):  # a few questions × gebieden
        vraag = s.vraag[:60]
        uit.append(Uitkomst("clientervaring_score", s.gebied_id, s.respondenten, None, s.score, categorie=vraag))
        per_vraag.setdefault(vraag, []).append(s)
    for vraag, rijen in per_vraag.items():
        if any(s.gebied_id is None for s in rijen):
            continue
        if all(s.respondenten for s in rijen):
            n = sum(s.respondenten for s in rijen)
            gemiddeld = sum(s.score * s.respondenten for s in rijen) / n
            uit.append(Uitkomst("clientervaring_score", None, n, None, afgerond(gemiddeld), categorie=vraag))
    return uit
