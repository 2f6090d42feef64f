"""Retention (bewaring.registry): what a melding keeps about a household is anonymised with it.

The question in the reporter's words, the reporter's name and contact details and the free texts go; the
structured facts (kanaal, signaalgever type, leefgebieden, urgency, dates, route) stay for the figures.
"""

from django.db.models import Q

from toegang.models import CasusoverlegAgendapunt, Melding

WEG = "Geanonimiseerd"

# What retention does with each free-text field (tests/bewaring checks this against the models); the models of
# toegang without household data are listed in toegang/maatwerk/anonimiseren.py.
VELDEN = {
    "toegang.Melding": {"vraag": WEG, "melder_naam": "gewist", "melder_contact": "gewist",
                        "geen_toestemming_reden": WEG, "wat_gedaan": WEG, "route_toelichting": WEG,
                        "doorverwezen_naar": WEG, "opgegeven_adres": "gewist (het adres zoals de melder het gaf)",
                        "ontvangstnummer": "blijft: volgnummer zonder persoonsgegevens"},
    "toegang.CasusoverlegAgendapunt": {"volgende_stap": WEG, "reden": WEG},
}
GEEN_HUISHOUDGEGEVENS = {
    "toegang.Ontvangstteller": "teller van ontvangstnummers",
    "toegang.PostcodeWijk": "postcodetabel van de gemeente",
    "toegang.PartnerToken": "sleutels van partnerorganisaties",
    "toegang.Afwezigheid": "afwezigheid van medewerkers",
}


def anonimiseer(huishouden_ids):
    ids = list(huishouden_ids)
    meldingen = Melding.objects.filter(huishouden_id__in=ids)
    meldingen.update(vraag=WEG, melder_naam="", melder_contact="", opgegeven_adres={})
    for veld in ("geen_toestemming_reden", "wat_gedaan", "route_toelichting", "doorverwezen_naar"):
        meldingen.exclude(**{veld: ""}).update(**{veld: WEG})
    # a discussed agenda item keeps a (non-empty) next step, an existing case its reason: database constraints
    punten = CasusoverlegAgendapunt.objects.filter(Q(melding__huishouden_id__in=ids)
                                                   | Q(traject__huishouden_id__in=ids))
    punten.exclude(volgende_stap="").update(volgende_stap=WEG)
    punten.exclude(reden="").update(reden=WEG)


def nieuw_sinds(huishouden_ids, sinds):
    """Households with a melding received or registered since ``sinds`` (bewaring.registry.NIEUW_SINDS)."""
    nieuw = Melding.objects.filter(Q(ontvangen_op__gte=sinds) | Q(aangemaakt_op__gte=sinds),
                                   huishouden_id__in=list(huishouden_ids))
    return dict.fromkeys(nieuw.values_list("huishouden_id", flat=True), "nieuwe melding")
