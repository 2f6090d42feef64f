"""Demo households in Ridderkerk: persons (BSN in the test range only), networks, trajecten in every
status with regisseurs, spread over the teams and over the last quarters so the monitor has history.

Idempotent: it does nothing when the demo households are already there.
"""

import random
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone

from huishoudens import services
from huishoudens.bsn import is_geldig_bsn
from huishoudens.models import (
    Actie,
    Doel,
    Huishouden,
    Ladder,
    Leefgebied,
    NetwerkLid,
    Persoon,
    Plan,
    RegisseurToewijzing,
    StatusWijziging,
    Traject,
)
from wijkteams.models import Gemeente, Team

AANTAL = 300
BEGIN = date(2025, 7, 1)  # about five quarters of history before today's demo date
STRATEN = ["Kerkweg", "Dillenburgplein", "Vlietsingel", "Rijksstraatweg", "Molensingel", "Populierenlaan",
           "Lagendijk", "Slikkerveerstraat", "Bolnesserkade", "Jan Steenstraat", "Kastanjelaan", "Sint Jorisstraat"]
ACHTERNAMEN = ["Jansen", "de Vries", "van den Berg", "Bakker", "Yilmaz", "El Amrani", "Visser", "Smit", "de Graaf",
               "Koster", "Verbeek", "van Wijk", "Pietersen", "Boukhari", "Willemsen", "Hoogendoorn", "Kaya", "Maas"]
VOORNAMEN_VOLW = ["Johan", "Ingrid", "Mohamed", "Fatima", "Kees", "Annie", "Peter", "Sandra", "Ahmet", "Els",
                  "Gerrit", "Wilma", "Rachid", "Marja", "Dirk", "Joke"]
VOORNAMEN_KIND = ["Sem", "Emma", "Noah", "Julia", "Liam", "Mila", "Adam", "Zoë", "Finn", "Saar", "Yusuf", "Lina"]
DOELEN = [
    (Leefgebied.FINANCIEN, "Schulden zijn in beeld en er is een betaalregeling", "Alle rekeningen op tijd betaald"),
    (Leefgebied.SOCIAAL_NETWERK, "Minder eenzaam, wekelijks contact met anderen", "Eén vaste activiteit per week"),
    (Leefgebied.HUISVESTING, "Huis is schoon en veilig", "Huishouden op orde met hulp van de dochter"),
    (Leefgebied.OPVOEDING, "Rust in huis en een vast dagritme voor de kinderen", "Kinderen op tijd naar school"),
    (Leefgebied.GEESTELIJKE_GEZONDHEID, "Beter omgaan met somberheid", "Gesprekken bij de huisarts-POH"),
    (Leefgebied.ZELFZORG, "Zelfstandig blijven wonen", "Dagelijkse verzorging geregeld"),
]
ACTIES = [
    (Ladder.EIGEN_KRACHT, "Zelf post openen en sorteren", "Bewoner"),
    (Ladder.NETWERK, "Dochter helpt wekelijks met boodschappen", "Dochter"),
    (Ladder.VRIJWILLIGERS, "Maatje via Schuldhulpmaatje", "Vrijwilliger"),
    (Ladder.ALGEMENE_VOORZIENING, "Deelname aan de inloop in het wijkcentrum", "Sport en Welzijn"),
    (Ladder.PROFESSIONEEL, "Gesprekken met het maatschappelijk werk", "Vivenz"),
    (Ladder.MAATWERK, "Hulp bij het huishouden (maatwerk)", "Zorgaanbieder"),
]


def bsn_reeks(start=999900006):
    """BSNs in the test range 999900006-999999990 that pass the elfproef."""
    n = start
    while n <= 999999990:
        kandidaat = str(n)
        if is_geldig_bsn(kandidaat):
            yield kandidaat
        n += 1


def laad(stdout=None):
    ridderkerk = Gemeente.objects.filter(cbs_code="0597").first()
    if ridderkerk is None or Huishouden.objects.filter(gemeente=ridderkerk).count() >= AANTAL:
        return {}
    rng = random.Random(2026)
    vandaag = timezone.localdate()
    gebruikte = set(Persoon.objects.exclude(bsn=None).values_list("bsn", flat=True))
    bsns = (b for b in bsn_reeks() if b not in gebruikte)
    teams = list(Team.objects.filter(gemeente=ridderkerk).select_related("gebied", "type")
                 .annotate(n=Count("lidmaatschappen")))
    leden = {t.pk: list(get_user_model().objects.filter(groups=t.groep).order_by("id")) for t in teams}
    demo_mw = get_user_model().objects.filter(username="medewerker").first()
    beheerder = get_user_model().objects.filter(username="coordinator").first()
    dagen = (vandaag - BEGIN).days

    for i in range(Huishouden.objects.filter(gemeente=ridderkerk).count(), AANTAL):
        team = teams[i % len(teams)]
        wijken = list(team.gebied.wijken.all())
        wijk = wijken[i % len(wijken)]
        met_kinderen = team.type.voor_jeugd
        achternaam = rng.choice(ACHTERNAMEN)
        h = Huishouden.objects.create(
            gemeente=ridderkerk, wijk=wijk, straat=rng.choice(STRATEN), huisnummer=rng.randint(1, 180),
            postcode=f"298{rng.randint(0, 7)} {rng.choice('ABCDEGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}",
            woonplaats="Ridderkerk", naam=f"Huishouden {achternaam}",
            samenstelling=Huishouden.Samenstelling.GEZIN if met_kinderen else rng.choice(
                [Huishouden.Samenstelling.ALLEENSTAAND, Huishouden.Samenstelling.PAAR]),
        )
        volwassenen = 2 if met_kinderen or h.samenstelling == Huishouden.Samenstelling.PAAR else 1
        for v in range(volwassenen):
            Persoon.objects.create(
                huishouden=h, voornamen=rng.choice(VOORNAMEN_VOLW), achternaam=achternaam, bsn=next(bsns),
                geboortedatum=date(rng.randint(1940, 1995), rng.randint(1, 12), rng.randint(1, 28)),
                rol=Persoon.Rol.HOOFDBEWONER if v == 0 else Persoon.Rol.PARTNER,
                is_mantelzorger=rng.random() < 0.15, doet_vrijwilligerswerk=rng.random() < 0.2,
            )
        for _k in range(rng.randint(1, 3) if met_kinderen else 0):
            Persoon.objects.create(
                huishouden=h, voornamen=rng.choice(VOORNAMEN_KIND), achternaam=achternaam, bsn=next(bsns),
                geboortedatum=date(rng.randint(2009, 2023), rng.randint(1, 12), rng.randint(1, 28)),
                rol=Persoon.Rol.KIND,
            )
        if rng.random() < 0.7:
            NetwerkLid.objects.create(huishouden=h, naam=f"{rng.choice(VOORNAMEN_VOLW)} {rng.choice(ACHTERNAMEN)}",
                                      soort=rng.choice(NetwerkLid.Soort.values), relatie="Buurvrouw",
                                      wat_kan="Boodschappen, af en toe oppassen", contact="06-12345678")
        aangemeld = BEGIN + timedelta(days=rng.randint(0, max(dagen - 1, 1)))
        traject = services.open_traject(huishouden=h, team=team, door=beheerder, aangemeld_op=aangemeld)
        kandidaten = leden[team.pk]
        regisseur = demo_mw if demo_mw in kandidaten and i % 3 == 0 else kandidaten[i % len(kandidaten)]
        status = rng.choices(
            [Traject.Status.AANGEMELD, Traject.Status.IN_ONDERZOEK, Traject.Status.PLAN, Traject.Status.UITVOERING,
             Traject.Status.AFGESLOTEN], weights=[10, 15, 15, 35, 25])[0]
        if status != Traject.Status.AANGEMELD:
            services.wijs_regisseur_toe(traject=traject, regisseur=regisseur, door=beheerder, reden="Demo")
        pad = [Traject.Status.IN_ONDERZOEK, Traject.Status.PLAN, Traject.Status.UITVOERING]
        for stap in pad[: {Traject.Status.AANGEMELD: 0, Traject.Status.IN_ONDERZOEK: 1, Traject.Status.PLAN: 2}.get(
                status, 3)]:
            services.wijzig_status(traject=traject, naar=stap, door=regisseur)
        if status in (Traject.Status.PLAN, Traject.Status.UITVOERING, Traject.Status.AFGESLOTEN):
            plan = Plan.objects.create(traject=traject, status=Plan.Status.ACTIEF, gewijzigd_door=regisseur,
                                       inzet_netwerk="Familie en buren helpen bij praktische zaken.")
            for d, (leefgebied, omschrijving, resultaat) in enumerate(rng.sample(DOELEN, rng.randint(1, 3))):
                doel = Doel.objects.create(plan=plan, leefgebied=leefgebied, omschrijving=omschrijving,
                                           resultaat=resultaat, volgorde=d)
                for ladder, tekst, wie in rng.sample(ACTIES, rng.randint(1, 3)):
                    Actie.objects.create(doel=doel, omschrijving=tekst, ladder=ladder, wie=wie,
                                         start=aangemeld + timedelta(days=30))
            traject.volgende_evaluatie = aangemeld + timedelta(days=rng.randint(60, 240))
            traject.save(update_fields=["volgende_evaluatie"])
        if status == Traject.Status.AFGESLOTEN:
            sluit = min(aangemeld + timedelta(days=rng.randint(60, 300)), vandaag)
            services.sluit_traject_af(traject=traject, door=regisseur, op=sluit,
                                      reden=rng.choice(Traject.Afsluitreden.values[:6]))
        # Spread the history over the quarters: the audit trail shows when it was really loaded.
        StatusWijziging.objects.filter(traject=traject, naar=Traject.Status.AANGEMELD).update(
            op=timezone.make_aware(timezone.datetime.combine(aangemeld, timezone.datetime.min.time())))
        RegisseurToewijzing.objects.filter(traject=traject).update(
            van=timezone.make_aware(timezone.datetime.combine(aangemeld, timezone.datetime.min.time())))
    return {}
