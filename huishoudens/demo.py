"""Demo households in Ridderkerk: persons (BSN in the test range only), networks, trajecten in every
status with regisseurs, gesprekken, plans with agreement, evaluations and sociale kaart offers, spread over the
teams and over the last quarters so the monitor has history.

Idempotent: households are only made when fewer than AANTAL exist; gesprekken, akkoorden and evaluations only
where a traject or plan has none yet.
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
    Evaluatie,
    GesprekLeefgebied,
    Huishouden,
    Keukentafelgesprek,
    Ladder,
    Leefgebied,
    NetwerkLid,
    Persoon,
    Plan,
    PlanAkkoord,
    RegisseurToewijzing,
    StatusWijziging,
    Traject,
)
from wijkteams.models import Aanbod, Gemeente, Team

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
    if ridderkerk is None:
        return {}
    if Huishouden.objects.filter(gemeente=ridderkerk).count() < AANTAL:
        _maak_huishoudens(ridderkerk)
    _verrijk(ridderkerk)
    return {}


def _maak_huishoudens(ridderkerk):
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
        traject = services.open_traject(huishouden=h, team=team, door=beheerder, aangemeld_op=aangemeld,
                                         zonder_teamcontrole=True)
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
                                      reden=rng.choice(Traject.Afsluitreden.values[:6]),
                                      reden_geen_eindmeting="Demo: geladen zonder eindmeting")
        # Spread the history over the quarters: the audit trail shows when it was really loaded.
        StatusWijziging.objects.filter(traject=traject, naar=Traject.Status.AANGEMELD).update(
            op=timezone.make_aware(timezone.datetime.combine(aangemeld, timezone.datetime.min.time())))
        RegisseurToewijzing.objects.filter(traject=traject).update(
            van=timezone.make_aware(timezone.datetime.combine(aangemeld, timezone.datetime.min.time())))


LEEFGEBIED_TEKSTEN = {
    Leefgebied.FINANCIEN: ("Betalingsachterstanden bij huur en energie; post blijft ongeopend liggen.",
                           "Wil zelf weer overzicht; opent de post samen met de dochter.",
                           "Dochter kan één keer per week helpen.", "Overzicht van de schulden en een betaalregeling."),
    Leefgebied.SOCIAAL_NETWERK: ("Weinig contact sinds het overlijden van de partner.",
                                 "Gaat zelf naar de supermarkt en de kerk.", "Buurvrouw komt af en toe langs.",
                                 "Een vaste activiteit per week en een maatje."),
    Leefgebied.HUISVESTING: ("Het huis raakt vervuild; trap is moeilijk.", "Doet lichte schoonmaak zelf.",
                             "Zoon helpt met zware klussen.", "Hulp bij het huishouden en een traplift onderzoeken."),
    Leefgebied.OPVOEDING: ("Veel ruzie in huis; de oudste spijbelt.", "Ouders willen graag leren hoe het anders kan.",
                           "Oma past op woensdag op.", "Opvoedondersteuning en contact met school."),
}


def _verrijk(ridderkerk):
    """Gesprekken, akkoorden, evaluaties and sociale kaart offers on the demo dossiers (idempotent)."""
    rng = random.Random(597)
    aanbod = {a.soort: a for a in Aanbod.objects.filter(gemeente=ridderkerk, wijk__isnull=True).order_by("id")}
    trajecten = (Traject.objects.filter(huishouden__gemeente=ridderkerk)
                 .exclude(status=Traject.Status.AANGEMELD).filter(gesprekken__isnull=True)
                 .select_related("huishouden").order_by("id"))
    for traject in trajecten:
        regie = traject.regisseurs.order_by("id").first()
        if regie is None:
            continue
        definitief = traject.status != Traject.Status.IN_ONDERZOEK or rng.random() < 0.5
        gesprek = Keukentafelgesprek.objects.create(
            traject=traject, datum=traject.aangemeld_op + timedelta(days=rng.randint(5, 35)),
            plaats=rng.choice(Keukentafelgesprek.Plaats.values), gevoerd_door=regie.regisseur,
            eigen_woorden="We willen weer zelf grip krijgen, maar nu lukt het even niet.",
            afspraken="Het wijkteam zoekt een maatje; over zes weken evalueren we samen.",
            clientondersteuning_aangeboden=True,
            status=Keukentafelgesprek.Status.DEFINITIEF if definitief else Keukentafelgesprek.Status.CONCEPT,
            definitief_op=timezone.now() if definitief else None)
        gesprek.deelnemers_huishouden.set(traject.huishouden.personen.filter(rol__in=["hoofdbewoner", "partner"]))
        gesprek.deelnemers_netwerk.set(traject.huishouden.netwerk.all()[:1])
        gesprek.deelnemers_professionals.set([regie.regisseur])
        for leefgebied in rng.sample(list(LEEFGEBIED_TEKSTEN), 2):
            wat, zelf, netwerk, nodig = LEEFGEBIED_TEKSTEN[leefgebied]
            GesprekLeefgebied.objects.create(gesprek=gesprek, leefgebied=leefgebied, wat_speelt=wat,
                                             eigen_kracht=zelf, netwerk=netwerk, nodig=nodig)
    plannen = (Plan.objects.filter(traject__huishouden__gemeente=ridderkerk, akkoorden__isnull=True)
               .select_related("traject").order_by("id"))
    for plan in plannen:
        hoofd = plan.traject.huishouden.personen.filter(rol=Persoon.Rol.HOOFDBEWONER).first()
        if hoofd is None:
            continue
        PlanAkkoord.objects.create(plan=plan, persoon=hoofd, datum=plan.traject.aangemeld_op + timedelta(days=40),
                                   wijze=PlanAkkoord.Wijze.HANDTEKENING)
        if plan.traject.volgende_evaluatie:
            Evaluatie.objects.create(plan=plan, gepland_op=plan.traject.volgende_evaluatie)
        plan.vastgesteld_op = plan.traject.aangemeld_op + timedelta(days=40)
        plan.save(update_fields=["vastgesteld_op"])
        for actie in Actie.objects.filter(doel__plan=plan, aanbod__isnull=True):
            soort = {Ladder.VRIJWILLIGERS: "vrijwilligers", Ladder.ALGEMENE_VOORZIENING: "algemene_voorziening",
                     Ladder.PROFESSIONEEL: "professioneel"}.get(actie.ladder)
            if soort in aanbod:
                Actie.objects.filter(pk=actie.pk).update(aanbod=aanbod[soort])
