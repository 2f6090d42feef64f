"""Demo organisation: Ridderkerk as in the seeds, and a small Alblasserdam to prove isolation.

Idempotent: every record is found by its natural key first, so running it twice changes nothing.
"""

import random
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wijkteams import rollen, services
from wijkteams.models import (
    Discipline,
    Gebied,
    Gemeente,
    Kanaal,
    Locatie,
    Medewerker,
    Organisatie,
    SignaalgeverType,
    Team,
    TeamType,
    Wijk,
    WijkInwoners,
)

DEMO_WACHTWOORD = "Wijkteam-demo-2026"
INDELING_PER = date(2015, 1, 1)

RIDDERKERK_GEBIEDEN = {
    "Bolnes/Slikkerveer": [("WK059701", "Bolnes", 5900), ("WK059702", "Slikkerveer", 9400)],
    "Centrum/Oost/West": [("WK059703", "Centrum", 5200), ("WK059704", "Oost", 5600), ("WK059705", "West", 6100)],
    "Drievliet-Het Zand/Rijsoord/Oostendam": [
        ("WK059706", "Drievliet-Het Zand", 9800), ("WK059707", "Rijsoord", 2600), ("WK059708", "Oostendam", 2300),
    ],
}
ALBLASSERDAM_WIJKEN = [("WK048201", "Centrum/Kinderdijk", 10100), ("WK048202", "Alblasserdam-Oost", 10000)]

ORGANISATIES = [
    ("senw", "Sport en Welzijn"), ("karaat", "Karaat"), ("vivenz", "Vivenz"), ("mee", "Stichting MEE"),
    ("aafje", "Aafje"), ("flexus", "Flexus Jeugdplein"), ("yulius", "Yulius"), ("pameijer", "Pameijer"),
    ("gemeente", "Gemeente"),
]
SIGNAALGEVERS = [
    ("huisarts", "Huisarts", True), ("school", "School", True), ("woningcorporatie", "Woningcorporatie", True),
    ("politie", "Politie", True), ("welzijn", "Welzijnsorganisatie", True), ("kerk", "Kerk", True),
    ("kinderdagverblijf", "Kinderdagverblijf", True), ("sociale-dienst", "Sociale Dienst", True),
    ("wijkplatform", "Wijkplatform", True), ("inwoner", "Inwoner zelf", False),
    ("naaste", "Familielid of naaste", False),
]
KANALEN = [("telefoon", "Telefoon"), ("ankerplaats", "Inloop ankerplaats"), ("partner", "Via partner"),
           ("email", "E-mail"), ("online", "Online formulier")]
DISCIPLINES = [
    ("wijkverpleegkundige", "Wijkverpleegkundige", "aafje"), ("wmo-consulent", "Wmo-consulent", "gemeente"),
    ("consulent-werk-inkomen", "Consulent werk en inkomen", "gemeente"),
    ("maatschappelijk-werker", "Maatschappelijk werker", "vivenz"), ("ouderenadviseur", "Ouderenadviseur", "karaat"),
    ("opbouwwerker", "Opbouwwerker", "senw"), ("clientondersteuner", "Cliëntondersteuner", "mee"),
    ("jongerencoach", "Jongerencoach", "senw"), ("jeugd-gezinscoach", "Jeugd- en gezinscoach", "flexus"),
    ("orthopedagoog", "Orthopedagoog", "yulius"), ("schoolmaatschappelijk-werker", "Schoolmaatschappelijk werker",
                                                       "flexus"),
]
SOCIAAL_DISCIPLINES = ["wijkverpleegkundige", "wmo-consulent", "maatschappelijk-werker", "ouderenadviseur",
                       "opbouwwerker", "clientondersteuner"]
JGT_DISCIPLINES = ["jeugd-gezinscoach", "orthopedagoog", "schoolmaatschappelijk-werker", "jongerencoach",
                   "maatschappelijk-werker"]
VOORNAMEN = ["Anouk", "Bram", "Daan", "Eva", "Fleur", "Joris", "Lotte", "Maarten", "Noor", "Pieter", "Sanne",
             "Thijs", "Yara", "Ilse", "Koen", "Marieke", "Ruben", "Femke", "Sem", "Esther", "Wouter", "Hanneke"]
ACHTERNAMEN = ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
               "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
               "Dijkstra", "Kok", "van den Berg", "Schouten"]


def _catalogus(model, gemeente, items, **extra):
    gevonden = {}
    for item in items:
        code, naam = item[0], item[1]
        obj, _ = model.objects.get_or_create(gemeente=gemeente, code=code, defaults={"naam": naam, **extra})
        gevonden[code] = obj
    return gevonden


def _gebruiker(username, voornaam, achternaam, gemeente, *, rol_namen, organisatie=None, discipline=None, uren=32):
    User = get_user_model()
    user, nieuw = User.objects.get_or_create(
        username=username, defaults={"first_name": voornaam, "last_name": achternaam,
                                     "email": f"{username}@{gemeente.naam.lower()}.example.nl"},
    )
    if nieuw:
        user.set_password(DEMO_WACHTWOORD)
        user.save()
    if rollen.FUNCTIONEEL_BEHEER in rol_namen and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.groups.add(*[Group.objects.get_or_create(name=n)[0] for n in rol_namen])
    mw, _ = Medewerker.objects.get_or_create(
        user=user, defaults={"gemeente": gemeente, "organisatie": organisatie, "discipline": discipline,
                             "uren_per_week": uren},
    )
    return mw


def _gemeente(naam, code, gebieden_wijken, *, zonder_gebieden=False):
    gemeente, _ = Gemeente.objects.get_or_create(cbs_code=code, defaults={"naam": naam})
    organisaties = _catalogus(Organisatie, gemeente, ORGANISATIES)
    _catalogus(Organisatie, gemeente, [(c, n) for c, n, p in SIGNAALGEVERS if p], soort=Organisatie.Soort.SIGNAALGEVER)
    for code_s, naam_s, partner in SIGNAALGEVERS:
        SignaalgeverType.objects.get_or_create(gemeente=gemeente, code=code_s,
                                               defaults={"naam": naam_s, "is_partner": partner})
    _catalogus(Kanaal, gemeente, KANALEN)
    disciplines = {}
    for code_d, naam_d, org in DISCIPLINES:
        disciplines[code_d], _ = Discipline.objects.get_or_create(gemeente=gemeente, code=code_d,
                                                                  defaults={"naam": naam_d})
        disciplines[code_d].organisatie_code = org
    sociaal, _ = TeamType.objects.get_or_create(gemeente=gemeente, code="sociaal",
                                                defaults={"naam": "Sociaal team", "voor_jeugd": False})
    jgt, _ = TeamType.objects.get_or_create(gemeente=gemeente, code="jgt",
                                            defaults={"naam": "Jeugd- en Gezinsteam", "voor_jeugd": True})
    teams = []
    for gebied_naam, wijken in gebieden_wijken.items():
        gebied = None
        if not zonder_gebieden:
            gebied, _ = Gebied.objects.get_or_create(gemeente=gemeente, naam=gebied_naam)
        for cbs, wijk_naam, inwoners in wijken:
            wijk, _ = Wijk.objects.get_or_create(cbs_code=cbs, defaults={"gemeente": gemeente, "naam": wijk_naam})
            if gebied is not None:
                services.deel_wijk_in(wijk=wijk, gebied=gebied, per=INDELING_PER)
            for jaar, factor in ((2025, 0.99), (2026, 1.0)):
                WijkInwoners.objects.get_or_create(wijk=wijk, jaar=jaar,
                                                   defaults={"aantal": int(inwoners * factor)})
            Locatie.objects.get_or_create(
                gemeente=gemeente, wijk=wijk, soort=Locatie.Soort.ANKERPLAATS, naam=f"Ankerplaats {wijk_naam}",
                defaults={"adres": f"Wijkcentrum {wijk_naam}", "spreekuren": "Dinsdag 9.00-11.00 uur, "
                          "donderdag 13.30-15.30 uur", "telefoon": "0180 - 451 234"},
            )
            for soort_vp in ("Basisschool", "Huisartsenpraktijk"):
                Locatie.objects.get_or_create(gemeente=gemeente, wijk=wijk, soort=Locatie.Soort.VINDPLAATS,
                                              naam=f"{soort_vp} {wijk_naam}")
        if zonder_gebieden:
            team_defs = [(f"Knooppunt {naam}", sociaal)]
        else:
            team_defs = [(f"Sociaal team {gebied_naam}", sociaal), (f"Jeugd- en Gezinsteam {gebied_naam}", jgt)]
        for team_naam, team_type in team_defs:
            team = Team.objects.filter(gemeente=gemeente, naam=team_naam).first()
            if team is None:
                team = services.maak_team(gemeente=gemeente, gebied=gebied, type=team_type, naam=team_naam)
            teams.append(team)
    if code == "0597":  # the example CBS file (made-up figures, labelled as such) for the age groups and households
        from wijkteams.bevolking import VOORBEELD, importeer_kerncijfers

        importeer_kerncijfers(gemeente=gemeente, jaar=2026, inhoud=VOORBEELD.read_bytes(), door=None,
                              bron="Voorbeelddata in de indeling van CBS Kerncijfers wijken en buurten")
        from wijkteams.grenzen import VOORBEELD as GRENZEN
        from wijkteams.grenzen import importeer_wijkgrenzen

        importeer_wijkgrenzen(gemeente=gemeente, inhoud=GRENZEN.read_bytes(), door=None,
                              bron="Verzonnen voorbeeldgrenzen (rechthoeken), geen CBS-kaart")
        _plaatsen_op_de_kaart(gemeente)
    Locatie.objects.get_or_create(gemeente=gemeente, soort=Locatie.Soort.BASISLOCATIE, naam=f"Gemeentehuis {naam}",
                                  defaults={"spreekuren": "Maandag t/m vrijdag 8.30-17.00 uur"})
    return gemeente, teams, organisaties, disciplines


def _plaatsen_op_de_kaart(gemeente):
    """Made-up positions for the demo's ankerplaatsen and vindplaatsen, inside the made-up wijk boundaries (labelled
    as such in the address), valid since the demo's indeling so they are on the maps of every period."""
    from django.utils.text import slugify

    from common.kaart import omhullende
    from wijkteams.models import WijkGrens

    verschuiving = {"Ankerplaats": (0.5, 0.5), "Basisschool": (0.25, 0.3), "Huisartsenpraktijk": (0.75, 0.7)}
    for grens in WijkGrens.objects.filter(wijk__gemeente=gemeente).select_related("wijk"):
        min_lon, min_lat, max_lon, max_lat = omhullende([grens.geometrie])
        for plaats in Locatie.objects.filter(wijk=grens.wijk, soort__in=Locatie.OP_DE_KAART, breedtegraad=None):
            fx, fy = verschuiving.get(plaats.naam.split(" ")[0], (0.5, 0.5))
            plaats.lengtegraad = round(min_lon + fx * (max_lon - min_lon), 6)
            plaats.breedtegraad = round(min_lat + fy * (max_lat - min_lat), 6)
            plaats.adres = f"{plaats.adres or plaats.naam} (verzonnen voorbeeldplaats)"
            plaats.code = slugify(plaats.naam)[:60]
            plaats.geldig_van = INDELING_PER
            plaats.save()


def _team_vullen(gemeente, team, disciplines, organisaties, rng, prefix):
    codes = JGT_DISCIPLINES if team.type.voor_jeugd else SOCIAAL_DISCIPLINES
    for i, code in enumerate(codes):
        username = f"{prefix}{team.pk}-{i + 1}"
        voornaam, achternaam = rng.choice(VOORNAMEN), rng.choice(ACHTERNAMEN)
        d = disciplines[code]
        mw = _gebruiker(username, voornaam, achternaam, gemeente, rol_namen=[rollen.MEDEWERKER],
                        organisatie=organisaties[d.organisatie_code], discipline=d, uren=rng.choice([16, 24, 32, 36]))
        services.voeg_teamlid_toe(team=team, medewerker=mw, uren_per_week=mw.uren_per_week)


def laad(stdout=None):
    rng = random.Random(597)
    ridderkerk, teams, organisaties, disciplines = _gemeente("Ridderkerk", "0597", RIDDERKERK_GEBIEDEN)
    for team in teams:
        _team_vullen(ridderkerk, team, disciplines, organisaties, rng, "rk")
    gebieden = list(ridderkerk.gebieden.order_by("naam"))
    bolnes_teams = [t for t in teams if t.gebied_id == gebieden[0].pk]

    accounts = []
    mw = _gebruiker("medewerker", "Mila", "de Jong", ridderkerk, rol_namen=[rollen.MEDEWERKER],
                    organisatie=organisaties["vivenz"], discipline=disciplines["maatschappelijk-werker"])
    for team in bolnes_teams:
        services.voeg_teamlid_toe(team=team, medewerker=mw, uren_per_week=16)
    accounts.append(("medewerker", "Wijkteammedewerker, Sociaal team en JGT Bolnes/Slikkerveer"))
    wmo = _gebruiker("wmoconsulent", "Wim", "Verhoef", ridderkerk, rol_namen=[rollen.MEDEWERKER],
                     organisatie=organisaties["gemeente"], discipline=disciplines["wmo-consulent"])
    services.voeg_teamlid_toe(team=bolnes_teams[0] if not bolnes_teams[0].type.voor_jeugd else bolnes_teams[1],
                              medewerker=wmo, uren_per_week=32)
    accounts.append(("wmoconsulent", "Wmo-consulent, Sociaal team Bolnes/Slikkerveer"))
    coord = _gebruiker("coordinator", "Carla", "Bouman", ridderkerk, rol_namen=[rollen.COORDINATOR],
                       organisatie=organisaties["gemeente"])
    services.maak_coordinator(medewerker=coord, gebieden=gebieden[:2])
    accounts.append(("coordinator", "Coördinator Welzijn en Zorg, " + " en ".join(g.naam for g in gebieden[:2])))
    coord2 = _gebruiker("coordinator2", "Hans", "Kramer", ridderkerk, rol_namen=[rollen.COORDINATOR],
                        organisatie=organisaties["gemeente"])
    services.maak_coordinator(medewerker=coord2, gebieden=gebieden[2:])
    accounts.append(("coordinator2", "Coördinator Welzijn en Zorg, " + gebieden[2].naam))
    for username, voornaam, achternaam, rol, omschrijving in [
        ("lzn", "Lieke", "Zwart", rollen.LZN, "Coördinator Lokaal Zorgnetwerk"),
        ("beleid", "Bart", "Eijkelenboom", rollen.BELEIDSMEDEWERKER, "Beleidsmedewerker (alleen cijfers)"),
        ("beheer", "Bea", "Heemskerk", rollen.FUNCTIONEEL_BEHEER, "Functioneel beheerder"),
        ("makelaar", "Mo", "Akkerman", rollen.SOCIAAL_MAKELAAR, "Sociaal makelaar"),
        ("bestuurstafel", "Tessa", "Rijnders", rollen.BESTUURSTAFEL, "Lid bestuurstafel"),
    ]:
        _gebruiker(username, voornaam, achternaam, ridderkerk, rol_namen=[rol], organisatie=organisaties["gemeente"])
        accounts.append((username, omschrijving))

    alblasserdam, a_teams, a_orgs, a_disc = _gemeente(
        "Alblasserdam", "0482", {"Alblasserdam": ALBLASSERDAM_WIJKEN}, zonder_gebieden=True
    )
    a_mw = _gebruiker("alblasserdam", "Anna", "Pronk", alblasserdam, rol_namen=[rollen.MEDEWERKER],
                      organisatie=a_orgs["mee"], discipline=a_disc["clientondersteuner"])
    services.voeg_teamlid_toe(team=a_teams[0], medewerker=a_mw, uren_per_week=24)
    accounts.append(("alblasserdam", "Medewerker knooppunt Alblasserdam (andere gemeente)"))
    _gebruiker("alblasserdam-beleid", "Arjen", "Bos", alblasserdam, rol_namen=[rollen.BELEIDSMEDEWERKER])
    accounts.append(("alblasserdam-beleid", "Beleidsmedewerker Alblasserdam"))
    _sociale_kaart(ridderkerk)
    _sociale_kaart(alblasserdam, per_wijk=False)
    return {"accounts": accounts}


# Sociale kaart: (soort, naam, aanbieder, doelgroep, omschrijving, openingstijden, geïndiceerd)
AANBOD_GEMEENTE = [
    ("vrijwilligers", "Schuldhulpmaatje", "Schuldhulpmaatje Ridderkerk", "Volwassenen met geldzorgen",
     "Een getrainde vrijwilliger helpt de administratie op orde te krijgen.", "Op afspraak", False),
    ("vrijwilligers", "Maatjesproject", "Sport en Welzijn", "Eenzame ouderen en volwassenen",
     "Een vaste vrijwilliger komt wekelijks langs voor een wandeling of een kop koffie.", "Op afspraak", False),
    ("algemene_voorziening", "Formulierenbrigade", "Karaat", "Iedereen",
     "Hulp bij het invullen van formulieren en aanvragen (toeslagen, kwijtschelding).", "Di en do 9.00-12.00", False),
    ("algemene_voorziening", "Mantelzorgsteunpunt", "Karaat", "Mantelzorgers",
     "Informatie, respijtzorg en lotgenotencontact voor mantelzorgers.", "Ma-vr 9.00-17.00", False),
    ("professioneel", "Algemeen maatschappelijk werk", "Vivenz", "Volwassenen en gezinnen",
     "Kortdurende hulp bij problemen op meerdere leefgebieden.", "Ma-vr 8.30-17.00", False),
    ("professioneel", "Opvoedondersteuning", "Flexus Jeugdplein", "Ouders met kinderen tot 18 jaar",
     "Gesprekken en trainingen over opvoeden en opgroeien.", "Op afspraak", False),
    ("professioneel", "Begeleiding individueel (Wmo)", "Pameijer", "Volwassenen met een beperking",
     "Geïndiceerde individuele begeleiding thuis.", "Op afspraak", True),
]
AANBOD_PER_WIJK = [
    ("activiteit", "Inloop en koffieochtend {wijk}", "Sport en Welzijn", "Alle bewoners",
     "Elke week koffie, een praatje en informatie over wat er in de wijk te doen is.", "Wo 10.00-12.00", False),
    ("algemene_voorziening", "Huiswerkbegeleiding {wijk}", "Sport en Welzijn", "Kinderen 8-16 jaar",
     "Vrijwilligers helpen na school met huiswerk en plannen.", "Ma en do 15.30-17.00", False),
    ("vrijwilligers", "Burenhulp {wijk}", "Wijkplatform {wijk}", "Bewoners die kleine klussen niet zelf kunnen",
     "Buren helpen buren met boodschappen, kleine klussen en vervoer.", "Via het wijkplatform", False),
]


# The category of each demo offer (the taxonomy of Aanbod.Categorie), by the start of its name.
AANBOD_CATEGORIE = {
    "Schuldhulpmaatje": "werk_inkomen", "Maatjesproject": "welzijn", "Formulierenbrigade": "werk_inkomen",
    "Mantelzorgsteunpunt": "zorg", "Algemeen maatschappelijk werk": "welzijn", "Opvoedondersteuning": "zorg",
    "Begeleiding individueel": "zorg", "Inloop en koffieochtend": "leefbaarheid", "Huiswerkbegeleiding": "onderwijs",
    "Burenhulp": "leefbaarheid",
}


def _categorie(naam):
    return next((c for begin, c in AANBOD_CATEGORIE.items() if naam.startswith(begin)), "welzijn")


def _sociale_kaart(gemeente, *, per_wijk=True):
    """Offers per wijk and gemeente-wide (idempotent: found by gemeente and name)."""
    from wijkteams.models import Aanbod

    def maak(item, **waar):
        soort, naam, aanbieder, doelgroep, omschrijving, open_, geindiceerd = item
        Aanbod.objects.get_or_create(
            gemeente=gemeente, naam=naam.format(**waar.get("_fmt", {})),
            defaults={"soort": soort, "categorie": _categorie(naam),
                      "aanbieder": aanbieder.format(**waar.get("_fmt", {})), "doelgroep": doelgroep,
                      "omschrijving": omschrijving.format(**waar.get("_fmt", {})), "openingstijden": open_,
                      "geindiceerd": geindiceerd, "contact": "0180-" + str(450000 + len(naam) * 97)[-6:],
                      **{k: v for k, v in waar.items() if k != "_fmt"}})

    for item in AANBOD_GEMEENTE:
        maak(item)
    for wijk in gemeente.wijken.order_by("cbs_code") if per_wijk else []:
        for item in AANBOD_PER_WIJK:
            maak(item, wijk=wijk, gebied=wijk.gebied, _fmt={"wijk": wijk.naam})
