"""Retention (bewaring.registry): what gemeenschap keeps about a household is anonymised with it.

- help requests: the question and the requester's name go (skills, times, status and dates stay for the figures),
  and so does the makelaar's note on each match;
- carer records of the household: removed with their support and burden checks — each points at a household
  member or network member and is about that person (network members themselves are removed by bewaring);
- complaints about the household: subject and handling text go, and the link to the household is cut.
Volunteers and collective activities are not household data and stay.
"""

from django.db.models import Q

from gemeenschap.models import Hulpvraag, Klacht, Koppeling, Mantelzorger

WEG = "Geanonimiseerd"

# What retention does with each free-text field (tests/bewaring checks this against the models).
VELDEN = {
    "gemeenschap.Hulpvraag": {"wat": WEG, "aanvrager": "gewist"},
    "gemeenschap.Koppeling": {"toelichting": WEG},
    "gemeenschap.Mantelzorger": {"zorgt_voor": "verwijderd (de rij)"},
    "gemeenschap.MantelzorgSteun": {"toelichting": "verwijderd met de mantelzorger"},
    "gemeenschap.Belastingcheck": {"antwoorden": "verwijderd met de mantelzorger"},
    "gemeenschap.Klacht": {"onderwerp": WEG, "behandeling": WEG},
}
GEEN_HUISHOUDGEGEVENS = {
    "gemeenschap.Vrijwilliger": "vrijwilligersregister, geen cliënten",
    "gemeenschap.CollectieveActiviteit": "aanbod in de wijk", "gemeenschap.ActieActiviteit": "koppeling plan-aanbod",
    "gemeenschap.ClientervaringScore": "geaggregeerde scores",
}


def anonimiseer(huishouden_ids):
    ids = list(huishouden_ids)
    hulpvragen = Hulpvraag.objects.filter(
        Q(huishouden_id__in=ids) | Q(actie__doel__plan__traject__huishouden_id__in=ids))
    hulpvraag_ids = list(hulpvragen.values_list("id", flat=True))
    Hulpvraag.objects.filter(pk__in=hulpvraag_ids).update(wat=WEG, aanvrager="")
    Koppeling.objects.filter(hulpvraag_id__in=hulpvraag_ids).exclude(toelichting="").update(toelichting=WEG)
    Mantelzorger.objects.filter(huishouden_id__in=ids).delete()
    klachten = Klacht.objects.filter(huishouden_id__in=ids)
    klachten.exclude(behandeling="").update(behandeling=WEG)
    klachten.update(onderwerp=WEG, huishouden=None)
