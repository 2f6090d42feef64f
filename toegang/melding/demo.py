"""Demo data of the melding part: postcodes per wijk, a few public sociale-kaart entries, a partner key, and
meldingen of every kind and status (some overdue), so the werkvoorraad shows due and overdue work.

Idempotent: postcodes and aanbod are found by natural key; meldingen are only made when Ridderkerk has none.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from huishoudens.models import Huishouden, Traject
from toegang.melding import services
from toegang.models import Afwezigheid, CasusoverlegAgendapunt, Melding, PartnerToken, PostcodeWijk
from wijkteams.models import Aanbod, Gemeente, Kanaal, Organisatie, SignaalgeverType, Team, Wijk

DEMO_PARTNERSLEUTEL = "demo-partnersleutel-huisarts-ridderkerk"  # demo only; real keys come from the service
POSTCODES = {  # PC4 → CBS wijk code (plausible, not official)
    "2981": "WK059701", "2982": "WK059702", "2983": "WK059703", "2984": "WK059704", "2985": "WK059705",
    "2986": "WK059706", "2987": "WK059707", "2988": "WK059708", "2951": "WK048201", "2952": "WK048202",
}
AANBOD = [
    ("Koffieochtend in het wijkcentrum", Aanbod.Soort.ACTIVITEIT, "Sport en Welzijn", "Iedereen die mensen wil "
     "ontmoeten", "Woensdag 10.00-12.00 uur"),
    ("Schuldhulpmaatje", Aanbod.Soort.VRIJWILLIGERSORGANISATIE, "Schuldhulpmaatje Ridderkerk",
     "Inwoners met geldzorgen", "Op afspraak"),
    ("Formulierenbrigade", Aanbod.Soort.ALGEMENE_VOORZIENING, "Karaat", "Hulp bij brieven en formulieren",
     "Dinsdag en donderdag 9.00-12.00 uur"),
    ("Mantelzorgondersteuning", Aanbod.Soort.ALGEMENE_VOORZIENING, "Karaat", "Mantelzorgers",
     "Maandag t/m vrijdag"),
    ("Opvoedspreekuur", Aanbod.Soort.PROFESSIONEEL, "Centrum voor Jeugd en Gezin", "Ouders met vragen over "
     "opvoeden", "Vrijdag 9.00-11.00 uur"),
]

VRAGEN = [
    ("Ik krijg mijn rekeningen niet meer betaald.", ["financien"]),
    ("Mijn moeder redt het niet meer alleen thuis, ze valt vaak en eet slecht.",
     ["zelfzorg", "lichamelijke_gezondheid", "sociaal_netwerk"]),
    ("Onze zoon gaat niet meer naar school en er is veel ruzie thuis; we hebben ook schulden.",
     ["opvoeding", "huiselijke_relaties", "financien"]),
    ("Ik zoek iets om overdag te doen, ik zit veel alleen thuis.", ["dagbesteding"]),
    ("Huurachterstand, dreigende uithuiszetting en de kinderen slapen slecht.", ["huisvesting", "financien",
                                                                                 "opvoeding"]),
    ("Meneer vervuilt zijn woning en lijkt verward.", ["huisvesting", "geestelijke_gezondheid"]),
    ("Vraag over mantelzorg voor mijn vader.", ["sociaal_netwerk"]),
]


def _postcodes_en_aanbod():
    wijken = {w.cbs_code: w for w in Wijk.objects.filter(cbs_code__in=POSTCODES.values())}
    for pc4, code in POSTCODES.items():
        wijk = wijken.get(code)
        if wijk is not None:
            PostcodeWijk.objects.get_or_create(postcode=pc4, defaults={"gemeente_id": wijk.gemeente_id, "wijk": wijk})
    ridderkerk = Gemeente.objects.filter(cbs_code="0597").first()
    if ridderkerk is None:
        return None
    for naam, soort, aanbieder, doelgroep, open_ in AANBOD:
        Aanbod.objects.get_or_create(gemeente=ridderkerk, naam=naam, defaults={
            "soort": soort, "aanbieder": aanbieder, "doelgroep": doelgroep, "openingstijden": open_,
            "omschrijving": f"{naam} voor inwoners van Ridderkerk.", "contact": "0180 - 451 234", "openbaar": True})
    return ridderkerk


def _partnersleutel(ridderkerk, stdout):
    huisarts = Organisatie.objects.filter(gemeente=ridderkerk, code="huisarts").first()
    if huisarts is None:
        return None
    PartnerToken.objects.get_or_create(sleutel_hash=PartnerToken.hash(DEMO_PARTNERSLEUTEL), defaults={
        "organisatie": huisarts, "naam": "Demo huisartsensysteem", "prefix": DEMO_PARTNERSLEUTEL[:8]})
    if stdout:
        stdout.write(f"  Partner-API (huisarts): Authorization: Partner {DEMO_PARTNERSLEUTEL}")
    return huisarts


def _verschuif(melding, dagen):
    """Let a melding have come in ``dagen`` days ago (the deadline follows the one deadline function)."""
    from toegang.melding.termijnen import onderzoek_uiterlijk

    ontvangen = timezone.now() - timedelta(days=dagen)
    Melding.objects.filter(pk=melding.pk).update(ontvangen_op=ontvangen,
                                                 onderzoek_uiterlijk=onderzoek_uiterlijk(ontvangen))


def _adres(i, wijk_pc4):
    return {"postcode": f"{wijk_pc4} D{'ABCDEFGHJK'[i % 10]}", "huisnummer": 200 + i, "straat": "Demoweg",
            "woonplaats": "Ridderkerk", "naam": ["Bos", "Kaya", "de Wit", "Maas", "Verbeek", "Smit", "Koster"][i % 7]}


def laad(stdout=None):
    ridderkerk = _postcodes_en_aanbod()
    if ridderkerk is None:
        return {}
    huisarts = _partnersleutel(ridderkerk, stdout)
    if Melding.objects.filter(gemeente=ridderkerk).exists():
        return {}
    User = get_user_model()
    medewerker = User.objects.filter(username="medewerker").first()
    coordinator = User.objects.filter(username="coordinator").first()
    if medewerker is None or coordinator is None:
        return {}
    soorten = {s.code: s for s in SignaalgeverType.objects.filter(gemeente=ridderkerk)}
    kanalen = {k.code: k for k in Kanaal.objects.filter(gemeente=ridderkerk)}
    basis = {"gemeente": ridderkerk, "toestemming": True}

    def nieuw(i, *, door=None, soort="inwoner", kanaal="telefoon", pc4="2981", huishouden=None, vraag_i=None,
              kinderen=False, **extra):
        vraag, leefgebieden = VRAGEN[(vraag_i if vraag_i is not None else i) % len(VRAGEN)]
        velden = {**basis, "door": door, "signaalgever_type": soorten[soort], "kanaal": kanalen[kanaal],
                  "vraag": vraag, "leefgebieden": leefgebieden, "kinderen_gemeld": kinderen, **extra}
        if huishouden is not None:
            return services.registreer_melding(huishouden=huishouden, **velden)
        return services.registreer_melding(adres=_adres(i, pc4), **velden)

    # 1. Enkelvoudig by phone, taken by the demo medewerker; one already closed with a short registration.
    eigen = nieuw(0, door=medewerker)
    _verschuif(eigen, 39)  # due within a week
    klaar = nieuw(3, door=medewerker, kanaal="ankerplaats")
    services.handel_melding_af(melding=klaar, door=medewerker, wat_gedaan="Inloop bij het wijkcentrum besproken.",
                               doorverwezen_naar="Koffieochtend in het wijkcentrum")
    # 2. Online and partner meldingen waiting in the team queues of Bolnes/Slikkerveer, some overdue.
    for i, (pc4, dagen) in enumerate([("2981", 50), ("2982", 44), ("2981", 37), ("2982", 3), ("2981", 1)]):
        m = nieuw(10 + i, soort="huisarts" if i % 2 else "inwoner", kanaal="partner" if i % 2 else "online",
                  signaalgever_organisatie=huisarts if i % 2 else None, pc4=pc4, vraag_i=i + 1,
                  kinderen=i in (1, 3), melder_naam="Huisartsenpraktijk" if i % 2 else "",
                  urgentie=Melding.Urgentie.HOOG if i == 1 else Melding.Urgentie.NORMAAL)
        _verschuif(m, dagen)
    # 3. A meervoudig case for a family, picked up by the demo medewerker (regisseur), overdue onderzoek.
    gezin = nieuw(20, door=coordinator, soort="school", kanaal="partner", vraag_i=2, kinderen=True)
    services.pak_melding_op(melding=gezin, door=medewerker)
    _verschuif(gezin, 46)
    # 4. Casusoverleg decision on the dossier.
    besproken = nieuw(21, door=coordinator, soort="woningcorporatie", kanaal="email", vraag_i=4, kinderen=True)
    punt = CasusoverlegAgendapunt.objects.get(melding=besproken)
    services.leg_casusoverleg_besluit_vast(agendapunt=punt, regisseur=medewerker, door=coordinator,
                                           volgende_stap="Keukentafelgesprek met het gezin binnen twee weken")
    # 5. Duplicates: a signal about households that already have an open traject is joined, not doubled.
    open_trajecten = (Traject.objects.filter(huishouden__gemeente=ridderkerk, team__gebied__naam="Bolnes/Slikkerveer")
                      .exclude(status=Traject.Status.AFGESLOTEN).select_related("huishouden").order_by("id")[:4])
    for i, traject in enumerate(open_trajecten):
        m = nieuw(30 + i, huishouden=traject.huishouden, soort="politie" if i % 2 else "naaste", vraag_i=i + 1)
        _verschuif(m, [20, 41, 50, 5][i])
    # 6. Other gebieden get their share too (coordinator2 and the other coordinator's second gebied).
    for i, pc4 in enumerate(["2983", "2984", "2986", "2987", "2985"]):
        m = nieuw(40 + i, pc4=pc4, kanaal="telefoon" if i % 2 else "online", vraag_i=i, kinderen=i == 2)
        _verschuif(m, [45, 30, 40, 2, 43][i])
    # 7. Achtervang: a colleague of the demo medewerker is away this week; the demo medewerker stands in.
    collega = (User.objects.filter(groups__team__in=Team.objects.filter(groep__user=medewerker))
               .exclude(pk=medewerker.pk).order_by("id").first())
    if collega is not None:
        vandaag = timezone.localdate()
        Afwezigheid.objects.get_or_create(medewerker=collega, van=vandaag - timedelta(days=1),
                                          defaults={"tot": vandaag + timedelta(days=6), "vervanger": medewerker,
                                                    "aangemaakt_door": coordinator})
        m = nieuw(50, direct_aan=collega, vraag_i=6)
        _verschuif(m, 40)
    if stdout:
        stdout.write(f"  Meldingen: {Melding.objects.filter(gemeente=ridderkerk).count()}, "
                     f"huishoudens: {Huishouden.objects.filter(gemeente=ridderkerk).count()}")
    return {}
