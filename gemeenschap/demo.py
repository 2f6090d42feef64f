"""Demo data for gemeenschap in Ridderkerk: volunteers, help requests (from the demo plans' activities on the step
‘vrijwilligers’ and standalone) and matches in each wijk, carers with support records and burden checks, a season
of collective activities, some complaints and one year of the cliëntervaringsonderzoek.

Writes go through the services (then dates are moved into the past, as the huishoudens demo does).
Idempotent: nothing happens when Ridderkerk already has volunteers.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from gemeenschap import mantelzorg, services
from gemeenschap.matching import rangschik
from gemeenschap.models import (
    Belastingcheck,
    Hulpvraag,
    Klacht,
    Koppeling,
    MantelzorgSteun,
    Vaardigheid,
    Vrijwilliger,
)
from huishoudens.models import Actie, Ladder, Persoon, Traject
from huishoudens.selectors import huidige_regisseur
from wijkteams import rollen
from wijkteams.models import Gemeente

VOORNAMEN = ["Ria", "Henk", "Samira", "Joost", "Gerda", "Youssef", "Marloes", "Cor", "Ilse", "Bram", "Nel", "Omar",
             "Tineke", "Jan", "Hatice", "Wouter", "Lies", "Arie", "Sevda", "Truus", "Koos", "Linda", "Ton", "Aylin"]
ACHTERNAMEN = ["de Ridder", "Vermeulen", "Bos", "Kok", "Mulder", "Dekker", "van Leeuwen", "Brouwer", "Aydin",
               "Hendriks", "van Dijk", "Benali", "Schouten", "Post"]
ORGANISATIES = ["Vrijwilligerscentrale Ridderkerk", "Humanitas", "Schuldhulpmaatje", "Sport en Welzijn",
                "Stichting Present", "Kerk in de wijk"]
VRAGEN = [
    ("Iemand die wekelijks meegaat naar de supermarkt", ["boodschappen"], "wekelijks"),
    ("Vervoer naar het ziekenhuis in Rotterdam", ["vervoer"], "maandelijks"),
    ("Hulp bij het ordenen van de post en rekeningen", ["administratie"], "tweewekelijks"),
    ("Een maatje voor een kop koffie en een praatje", ["gezelschap"], "wekelijks"),
    ("Tuin winterklaar maken", ["tuin", "klussen"], "eenmalig"),
    ("Hulp bij DigiD en de telefoon", ["digitaal"], "eenmalig"),
    ("Samen wandelen om in beweging te blijven", ["bewegen", "gezelschap"], "wekelijks"),
    ("Voorlezen aan de kinderen en huiswerkbegeleiding", ["kinderen", "taal"], "wekelijks"),
]
ACTIVITEITEN = [
    ("voorlichting", "Valpreventie voor 65-plussers", "Aafje"),
    ("voorlichting", "Informatieavond mantelzorg en respijtzorg", "Vivenz"),
    ("groepsaanbod", "Wandelgroep", "Sport en Welzijn"),
    ("groepsaanbod", "Opvoedcursus ‘Positief opvoeden’", "Jeugd- en Gezinsteam"),
    ("ontmoeting", "Buurtkamer: koffie-inloop", "Sport en Welzijn"),
    ("ontmoeting", "Samen eten in het wijkcentrum", "Kerk in de wijk"),
    ("preventieproject", "Geldzorgen? Praat erover", "Schuldhulpmaatje"),
    ("preventieproject", "Eenzaamheid signaleren met de wijkagent", "Woonvisie"),
]
CEV_VRAGEN = [
    ("Ik voel me serieus genomen door mijn contactpersoon", 78, 90),
    ("Ik weet waar ik terecht kan met een hulpvraag", 70, 86),
    ("De ondersteuning past bij mijn hulpvraag", 72, 88),
    ("Door de ondersteuning kan ik de dingen doen die ik wil", 64, 80),
    ("Door de ondersteuning heb ik een betere kwaliteit van leven", 62, 79),
]
KLACHTEN = [
    ("Niet teruggebeld na de melding", "gegrond"),
    ("Lange wachttijd voor het keukentafelgesprek", "deels_gegrond"),
    ("Bejegening door een medewerker", "informeel_opgelost"),
    ("Het plan is niet met mij besproken", None),
    ("Onduidelijke informatie over de eigen bijdrage", "ongegrond"),
    ("Vrijwilliger kwam afspraken niet na", None),
]


def _gebruiker(username):
    return get_user_model().objects.filter(username=username).first()


def laad(stdout=None):
    ridderkerk = Gemeente.objects.filter(cbs_code="0597").first()
    makelaar, mw, coord = _gebruiker("makelaar"), _gebruiker("medewerker"), _gebruiker("coordinator")
    if ridderkerk is None or makelaar is None or mw is None or coord is None:
        return {}
    if Vrijwilliger.objects.filter(gemeente=ridderkerk).exists():
        return {}
    rng = random.Random(8)
    vandaag = timezone.localdate()
    wijken = list(ridderkerk.wijken.select_related("gebied").order_by("cbs_code"))

    # Volunteers: three to five per wijk.
    vrijwilligers = []
    for wijk in wijken:
        for _i in range(rng.randint(3, 5)):
            vog = rng.random() < 0.7
            v = services.registreer_vrijwilliger(
                door=makelaar, naam=f"{rng.choice(VOORNAMEN)} {rng.choice(ACHTERNAMEN)}", wijk=wijk,
                email=f"vrijwilliger{len(vrijwilligers) + 1}@example.org",
                telefoon=f"06-{rng.randint(10**7, 10**8 - 1)}",
                vaardigheden=rng.sample(Vaardigheid.values, rng.randint(1, 3)),
                beschikbaarheid=sorted(rng.sample(["ma_ochtend", "ma_middag", "di_ochtend", "di_middag", "wo_ochtend",
                                                   "wo_middag", "do_middag", "do_avond", "vr_ochtend", "za_ochtend"],
                                                  rng.randint(2, 5))),
                vog_gecontroleerd=vog, vog_datum=vandaag - timedelta(days=rng.randint(30, 700)) if vog else None,
                organisatie=rng.choice(ORGANISATIES), interesses=rng.choice(["Ouderen", "Gezinnen", "Sport", "Natuur",
                                                                             "Techniek", ""]))
            Vrijwilliger.objects.filter(pk=v.pk).update(aangemeld_op=vandaag - timedelta(days=rng.randint(60, 720)))
            vrijwilligers.append(v)

    # Help requests: plan activities on the step ‘vrijwilligers’ (up to three per wijk) and two standalone per wijk.
    aanvragen = []
    acties = (Actie.objects.filter(ladder=Ladder.VRIJWILLIGERS, doel__plan__status="actief")
              .exclude(doel__plan__traject__status=Traject.Status.AFGESLOTEN)
              .select_related("doel__plan__traject__huishouden").order_by("id"))
    per_wijk = {}
    for actie in acties:
        traject = actie.doel.plan.traject
        regisseur = huidige_regisseur(traject)
        if regisseur is None or per_wijk.get(traject.huishouden.wijk_id, 0) >= 3:
            continue
        per_wijk[traject.huishouden.wijk_id] = per_wijk.get(traject.huishouden.wijk_id, 0) + 1
        tekst, vaardigheden, hoe_vaak = rng.choice(VRAGEN)
        hv = services.maak_hulpvraag_voor_actie(door=regisseur, actie=actie, wat=actie.omschrijving,
                                                vaardigheden=vaardigheden, hoe_vaak=hoe_vaak,
                                                wanneer=rng.sample(["di_middag", "wo_ochtend", "do_middag"], 1))
        aanvragen.append(hv)
    for wijk in wijken:
        for _i in range(2):
            tekst, vaardigheden, hoe_vaak = rng.choice(VRAGEN)
            aanvragen.append(services.maak_hulpvraag(
                door=makelaar, wijk=wijk, bron=rng.choice(["bewoner", "partner"]), wat=tekst,
                aanvrager=rng.choice(["Mevrouw Kok", "Meneer Bos", "Woonvisie", "Huisartsenpraktijk Bolnes",
                                      "Mevrouw El Idrissi"]),
                vaardigheden=vaardigheden, hoe_vaak=hoe_vaak, vog_nodig="kinderen" in vaardigheden))
    for hv in aanvragen:
        ingediend = vandaag - timedelta(days=rng.randint(5, 420))
        Hulpvraag.objects.filter(pk=hv.pk).update(ingediend_op=ingediend)
        hv.ingediend_op = ingediend

    # Matches: most requests get the best suggestion (at least one per wijk, so every wijk shows the matching
    # at work); acceptance after 2-30 days, some started and ended.
    wijken_met_koppeling = set()
    for hv in aanvragen:
        if rng.random() > 0.7 and hv.wijk_id in wijken_met_koppeling:
            continue
        kandidaten = [v for v in vrijwilligers if v.wijk.gebied_id == hv.wijk.gebied_id]
        suggesties = rangschik(hv, kandidaten, aantal=1)
        if not suggesties:
            continue
        k = services.stel_koppeling_voor(hulpvraag=hv, vrijwilliger=suggesties[0].vrijwilliger, door=makelaar,
                                         op=hv.ingediend_op + timedelta(days=rng.randint(0, 3)))
        wijken_met_koppeling.add(hv.wijk_id)
        geaccepteerd = k.voorgesteld_op + timedelta(days=rng.randint(2, 27))
        if geaccepteerd > vandaag:
            continue
        services.wijzig_koppeling(koppeling=k, naar=Koppeling.Status.GEACCEPTEERD, door=makelaar,
                                  datum=geaccepteerd)
        start = geaccepteerd + timedelta(days=rng.randint(1, 7))
        if start <= vandaag:
            services.wijzig_koppeling(koppeling=k, naar=Koppeling.Status.GESTART, door=makelaar, datum=start)
            eind = start + timedelta(days=rng.randint(30, 200))
            if eind <= vandaag and rng.random() < 0.5:
                services.wijzig_koppeling(koppeling=k, naar=Koppeling.Status.BEEINDIGD, door=makelaar, datum=eind)

    # Mantelzorgers: persons marked as carer in households with an open traject and a regisseur.
    personen = (Persoon.objects.filter(huishouden__gemeente=ridderkerk, is_mantelzorger=True,
                                       samengevoegd_in__isnull=True)
                .exclude(huishouden__trajecten__status=Traject.Status.AFGESLOTEN).order_by("id")[:40])
    for persoon in personen:
        traject = Traject.objects.filter(huishouden_id=persoon.huishouden_id).exclude(
            status=Traject.Status.AFGESLOTEN).first()
        regisseur = huidige_regisseur(traject) if traject else None
        if regisseur is None:
            continue
        sinds = vandaag - timedelta(days=rng.randint(200, 2000))
        mz = mantelzorg.registreer_mantelzorger(door=regisseur, persoon=persoon, sinds=sinds,
                                                zorgt_voor=rng.choice(["Partner met dementie", "Moeder (87)",
                                                                       "Zoon met een beperking", "Buurman"]),
                                                uren_per_week=rng.choice([4, 8, 12, 16, 24, 30]))
        for _i in range(rng.randint(0, 3)):
            mantelzorg.registreer_steun(mantelzorger=mz, door=regisseur, soort=rng.choice(MantelzorgSteun.Soort.values),
                                        datum=vandaag - timedelta(days=rng.randint(0, 180)))
        zwaar = regisseur.username == "medewerker" or rng.random() < 0.3
        antwoorden = {code: rng.randint(2, 3) if zwaar else rng.randint(0, 1)
                      for code, _t in mantelzorg.BELASTING_VRAGEN}
        check = mantelzorg.neem_belastingcheck_af(mantelzorger=mz, door=regisseur, antwoorden=antwoorden)
        Belastingcheck.objects.filter(pk=check.pk).update(datum=vandaag - timedelta(days=rng.randint(0, 120)))

    # A season of collective activities, per gebied and per wijk.
    for i, wijk in enumerate(wijken * 2):
        soort, titel, partner = ACTIVITEITEN[i % len(ACTIVITEITEN)]
        start = vandaag - timedelta(days=rng.randint(0, 180))
        per_gebied = i % 3 == 0
        services.registreer_activiteit(
            door=mw, wijk=None if per_gebied else wijk, gebied=wijk.gebied if per_gebied else None, soort=soort,
            titel=f"{titel} {wijk.gebied.naam if per_gebied else wijk.naam}", partner=partner, startdatum=start,
            einddatum=start + timedelta(days=rng.choice([0, 0, 42, 90])), bereik=rng.randint(6, 60))

    # Some complaints: handled, in progress and one overdue; about teams of the coördinator's own gebieden (only
    # the coördinator of a complaint's gebied handles it).
    teams = [t for t in ridderkerk.teams.order_by("id") if rollen.is_coordinator_van(coord, t.gebied_id)]
    for i, (onderwerp, uitkomst) in enumerate(KLACHTEN):
        ontvangen = vandaag - timedelta(days=[200, 150, 90, 60, 30, 5][i])
        k = services.registreer_klacht(door=coord, ontvangen_op=ontvangen, onderwerp=onderwerp,
                                       team=teams[i % len(teams)])
        if uitkomst:
            services.behandel_klacht(klacht=k, door=coord, naar=Klacht.Status.AFGEHANDELD, uitkomst=uitkomst,
                                     behandeling="Gesprek met de klager en de teamleider; afspraken vastgelegd.",
                                     afgehandeld_op=min(ontvangen + timedelta(days=rng.randint(10, 40)), vandaag))
        elif i == 3:
            services.behandel_klacht(klacht=k, door=coord, naar=Klacht.Status.IN_BEHANDELING,
                                     behandeling="In behandeling bij de coördinator.")

    # One year of the cliëntervaringsonderzoek, per gebied and for the whole gemeente.
    beleid = _gebruiker("beleid") or coord
    jaar = vandaag.year - 1
    for vraag, laag, hoog in CEV_VRAGEN:
        for gebied in [*ridderkerk.gebieden.order_by("naam"), None]:
            services.sla_clientervaring_op(door=beleid, jaar=jaar, vraag=vraag, gebied=gebied,
                                           score=rng.randint(laag, hoog), respondenten=rng.randint(60, 180))
    if stdout:
        stdout.write(f"  gemeenschap: {len(vrijwilligers)} vrijwilligers, {len(aanvragen)} hulpvragen")
    return {}
