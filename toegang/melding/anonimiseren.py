"""Retention (bewaring.registry): what a melding keeps about a household is anonymised with it.

The question in the reporter's words, the reporter's name and contact details and the free texts go; the
structured facts (kanaal, signaalgever type, leefgebieden, urgency, dates, route) stay for the figures.
"""

from toegang.models import CasusoverlegAgendapunt, Melding

WEG = "Geanonimiseerd"


def anonimiseer(huishouden_ids):
    ids = list(huishouden_ids)
    meldingen = Melding.objects.filter(huishouden_id__in=ids)
    meldingen.update(vraag=WEG, melder_naam="", melder_contact="")
    for veld in ("geen_toestemming_reden", "wat_gedaan", "route_toelichting"):
        meldingen.exclude(**{veld: ""}).update(**{veld: WEG})
    # a discussed agenda item keeps a (non-empty) next step: database constraint
    CasusoverlegAgendapunt.objects.filter(melding__huishouden_id__in=ids).exclude(volgende_stap="").update(
        volgende_stap=WEG)
