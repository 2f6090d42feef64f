"""Retention: what huishoudens keeps about a household is anonymised when its term has passed (called by bewaring).

Every free-text field of the dossier goes: names, address, BSN, the kitchen-table conversation and its report,
the conversation per leefgebied, the plan (network, goals, results, activities, who does what, consent notes),
evaluations, closing notes, reasons of status changes and handovers. Network members and existing support are
removed. What stays are the structured facts for the (anonymous) figures: statuses, dates, choices, teams.

``VELDEN`` lists every free-text field of this app and what retention does with it; ``GEEN_HUISHOUDGEGEVENS``
the models that hold none. tests/bewaring checks both against the models, so a new field is noticed.
"""

from datetime import date

from huishoudens.models import (
    Actie,
    BestaandeOndersteuning,
    Doel,
    Evaluatie,
    GesprekLeefgebied,
    Huishouden,
    Keukentafelgesprek,
    KindveiligheidWijziging,
    NetwerkLid,
    Noodtoegang,
    Persoon,
    Plan,
    PlanAkkoord,
    RegisseurToewijzing,
    StatusWijziging,
    Traject,
    TrajectVerplaatsing,
)

WEG = "Geanonimiseerd"
GEWIST = "gewist"
VERWIJDERD = "verwijderd (de rij)"

VELDEN = {
    "huishoudens.Huishouden": {"naam": WEG, "straat": GEWIST, "toevoeging": GEWIST, "postcode": GEWIST,
                               "woonplaats": GEWIST},
    "huishoudens.Persoon": {"voornamen": WEG, "tussenvoegsel": GEWIST, "achternaam": GEWIST, "bsn": GEWIST,
                            "mantelzorger_voor": GEWIST},
    "huishoudens.NetwerkLid": {"naam": VERWIJDERD, "relatie": VERWIJDERD, "wat_kan": VERWIJDERD,
                               "contact": VERWIJDERD},
    "huishoudens.BestaandeOndersteuning": {"omschrijving": VERWIJDERD, "aanbieder": VERWIJDERD},
    "huishoudens.Traject": {"afsluit_toelichting": GEWIST, "reden_geen_eindmeting": WEG},
    "huishoudens.StatusWijziging": {"reden": WEG},
    "huishoudens.KindveiligheidWijziging": {"reden": WEG},  # why there were concerns, and the decision
    "huishoudens.RegisseurToewijzing": {"reden": WEG},
    "huishoudens.TrajectVerplaatsing": {"reden": WEG},  # the reason may describe the household
    "huishoudens.Keukentafelgesprek": {"overige_deelnemers": GEWIST, "eigen_woorden": GEWIST, "afspraken": GEWIST,
                                       "verslag_pdf": "bestand verwijderd"},
    "huishoudens.GesprekLeefgebied": {"wat_speelt": GEWIST, "eigen_kracht": GEWIST, "netwerk": GEWIST,
                                      "nodig": GEWIST},
    "huishoudens.Plan": {"inzet_netwerk": GEWIST},
    "huishoudens.PlanAkkoord": {"toelichting": WEG},
    "huishoudens.Doel": {"omschrijving": WEG, "resultaat": WEG},
    "huishoudens.Actie": {"omschrijving": WEG, "wie": WEG},
    "huishoudens.Evaluatie": {"verslag": WEG},
    "huishoudens.Relatie": {},  # only the kind of relation (a choice) between two anonymised persons
    "huishoudens.Noodtoegang": {"reden": WEG},  # the professional's reason may describe the household
    "huishoudens.Uitstroom": {},  # only a choice and a date (the monitor's Participatiewet figures)
}
GEEN_HUISHOUDGEGEVENS = {
    "huishoudens.HuishoudenUserObjectPermission": "toegangsrechten: verwijderd door huishoudens.rechten",
    "huishoudens.HuishoudenGroupObjectPermission": "toegangsrechten: verwijderd door huishoudens.rechten",
}

# the fields that are emptied (""), and those replaced by WEG where filled (a constraint or form needs text)
_LEEG = {
    Huishouden: ("straat", "toevoeging", "postcode", "woonplaats"),
    Persoon: ("tussenvoegsel", "achternaam", "mantelzorger_voor"),
    Traject: ("afsluit_toelichting",),
    Keukentafelgesprek: ("overige_deelnemers", "eigen_woorden", "afspraken"),
    GesprekLeefgebied: ("wat_speelt", "eigen_kracht", "netwerk", "nodig"),
    Plan: ("inzet_netwerk",),
}
_VERVANGEN = {
    Traject: ("reden_geen_eindmeting",),
    StatusWijziging: ("reden",),
    KindveiligheidWijziging: ("reden",),
    RegisseurToewijzing: ("reden",),
    TrajectVerplaatsing: ("reden",),
    PlanAkkoord: ("toelichting",),
    Doel: ("omschrijving", "resultaat"),
    Actie: ("omschrijving", "wie"),
    Evaluatie: ("verslag",),
}
# from each model to the household
_PAD = {
    Huishouden: "pk", Persoon: "huishouden_id", Traject: "huishouden_id", StatusWijziging: "traject__huishouden_id",
    RegisseurToewijzing: "traject__huishouden_id", TrajectVerplaatsing: "traject__huishouden_id",
    Keukentafelgesprek: "traject__huishouden_id",
    KindveiligheidWijziging: "traject__huishouden_id",
    GesprekLeefgebied: "gesprek__traject__huishouden_id", Plan: "traject__huishouden_id",
    PlanAkkoord: "plan__traject__huishouden_id", Doel: "plan__traject__huishouden_id",
    Actie: "doel__plan__traject__huishouden_id", Evaluatie: "plan__traject__huishouden_id",
}


def _van(model, ids):
    return model.objects.filter(**{f"{_PAD[model]}__in": ids})


def anonimiseer(huishouden_ids):
    ids = list(huishouden_ids)
    for gesprek in _van(Keukentafelgesprek, ids).exclude(verslag_pdf=""):
        gesprek.verslag_pdf.delete(save=False)
    _van(Keukentafelgesprek, ids).update(verslag_pdf="")
    for model, velden in _LEEG.items():
        _van(model, ids).update(**dict.fromkeys(velden, ""))
    for model, velden in _VERVANGEN.items():
        for veld in velden:
            _van(model, ids).exclude(**{veld: ""}).update(**{veld: WEG})
    _van(Persoon, ids).update(voornamen=WEG, bsn=None, geboortedatum=date(1900, 1, 1))
    Noodtoegang.objects.filter(huishouden_id__in=ids).update(reden=WEG)
    NetwerkLid.objects.filter(huishouden_id__in=ids).delete()
    BestaandeOndersteuning.objects.filter(huishouden_id__in=ids).delete()
    Huishouden.objects.filter(pk__in=ids).update(naam=WEG, huisnummer=0)
