"""Ranking of volunteers for a help request, in one function so the rule is in one place (and tested).

Points: same wijk 3, same gebied (a nearby wijk) 1; each requested skill the volunteer has 2; available
on at least one requested day part 2 (a request without a time counts as available). A request that
needs a VOG only gets volunteers with a checked VOG; inactive volunteers never appear.
"""

from dataclasses import dataclass, field

PUNTEN_ZELFDE_WIJK = 3
PUNTEN_ZELFDE_GEBIED = 1
PUNTEN_PER_VAARDIGHEID = 2
PUNTEN_BESCHIKBAAR = 2


@dataclass
class Suggestie:
    vrijwilliger: object
    score: int
    redenen: list = field(default_factory=list)


def rangschik(hulpvraag, vrijwilligers, *, aantal=None):
    """Volunteers for ``hulpvraag``, best first (ties by name, then id). Each with its score and reasons."""
    gevraagd = set(hulpvraag.vaardigheden or ())
    wanneer = set(hulpvraag.wanneer or ())
    gebied_vraag = hulpvraag.wijk.gebied_id
    suggesties = []
    for v in vrijwilligers:
        if not v.actief or v.gemeente_id != hulpvraag.gemeente_id:
            continue
        if hulpvraag.vog_nodig and not v.vog_gecontroleerd:
            continue
        score, redenen = 0, []
        if v.wijk_id == hulpvraag.wijk_id:
            score += PUNTEN_ZELFDE_WIJK
            redenen.append("zelfde wijk")
        elif gebied_vraag is not None and v.wijk.gebied_id == gebied_vraag:
            score += PUNTEN_ZELFDE_GEBIED
            redenen.append("wijk in hetzelfde gebied")
        gemeenschappelijk = gevraagd & set(v.vaardigheden or ())
        if gemeenschappelijk:
            score += PUNTEN_PER_VAARDIGHEID * len(gemeenschappelijk)
            redenen.append(f"{len(gemeenschappelijk)} van {len(gevraagd)} vaardigheden")
        if not wanneer or wanneer & set(v.beschikbaarheid or ()):
            score += PUNTEN_BESCHIKBAAR
            redenen.append("beschikbaar op het gevraagde moment")
        suggesties.append(Suggestie(v, score, redenen))
    suggesties.sort(key=lambda s: (-s.score, s.vrijwilliger.naam, s.vrijwilliger.pk))
    return suggesties[:aantal] if aantal else suggesties
