"""The indicator catalogue as loaded by the data migrations: the startset (measured now) and the
ontwikkelagenda (wanted, but not measurable until the part of the application that registers it exists).

``synchroniseer`` adds new indicators and updates only the technical fields (function, status, source,
unit, breakdown) of existing ones, so names and descriptions edited in beheer are kept — except when an indicator
leaves the ontwikkelagenda: then its definition becomes the one that is now measured, so all fields are set.
"""

AFSLUITREDENEN = {
    "doelen_bereikt": "Doelen bereikt",
    "afgeschaald": "Afgeschaald naar eigen kracht en netwerk",
    "wlz": "Verhuisd naar zorginstelling / Wlz",
    "verhuisd": "Verhuisd buiten de gemeente",
    "overleden": "Overleden",
    "afgezien": "Huishouden ziet af van ondersteuning",
    "doorverwezen": "Doorverwezen",
    "nooit_gestart": "Nooit gestart",
}
LADDER = {
    "eigen_kracht": "Eigen kracht",
    "netwerk": "Sociaal netwerk",
    "vrijwilligers": "Vrijwilligers",
    "algemene_voorziening": "Algemene voorziening",
    "professioneel": "Professionele ondersteuning (niet geïndiceerd)",
    "maatwerk": "Maatwerkvoorziening (geïndiceerd)",
}

OPSCHALINGSOORTEN = {  # the kinds of toegang's OpschalingDoel
    "lzn": "Lokaal Zorgnetwerk (LZN)",
    "bestuurstafel": "Bestuurstafel",
    "jeugd": "Jeugdnetwerk",
    "veiligheid": "Veiligheid",
    "zorgnetwerk": "Zorgnetwerk",
}

S, ONTW = "startset", "ontwikkelagenda"
B, IMP, ENQ = "berekend", "import", "enquete"


def _i(code, naam, omschrijving, eenheid, thema, *, hoger=None, wet="sociaal_domein", status=S, bron=B,
       functie="", client=False, kern=False, categorieen=None):
    return {
        "code": code, "naam": naam, "omschrijving": omschrijving, "eenheid": eenheid, "thema": thema,
        "hoger_is_beter": hoger, "wet": wet, "status": status, "bron": bron, "functie": functie,
        "is_clientcijfer": client, "kern": kern, "categorieen": categorieen or {},
    }


INDICATOREN = [
    # --- bereik -----------------------------------------------------------------------------------------
    _i("hh_ondersteund", "Ondersteunde huishoudens",
       "Huishoudens met een traject dat in de periode liep (aangemeld vóór het einde en niet afgesloten vóór het "
       "begin van de periode).", "aantal", "bereik", functie="bereik", kern=True),
    _i("hh_nieuw", "Nieuwe huishoudens", "Huishoudens met een traject dat in de periode is aangemeld.",
       "aantal", "bereik", functie="bereik", kern=True),
    _i("hh_lopend", "Lopende huishoudens",
       "Huishoudens met een traject dat vóór de periode begon en in de periode nog liep.", "aantal", "bereik",
       functie="bereik"),
    _i("hh_afgesloten", "Afgesloten huishoudens", "Huishoudens van wie het traject in de periode is afgesloten.",
       "aantal", "bereik", functie="bereik", kern=True),
    _i("personen_ondersteund", "Ondersteunde personen",
       "Personen (volwassenen en kinderen) in de ondersteunde huishoudens.", "aantal", "bereik",
       functie="personen"),
    _i("hh_ondersteund_per_1000", "Ondersteunde huishoudens per 1.000 inwoners",
       "Ondersteunde huishoudens per 1.000 inwoners, per wijk (wijk van het huishouden) en per gebied "
       "(indeling van de wijk aan het einde van de periode).", "per_1000", "bereik", functie="bevolking"),
    # --- toegang ----------------------------------------------------------------------------------------
    _i("dt_aanmelding_gesprek_mediaan", "Doorlooptijd aanmelding → keukentafelgesprek (mediaan)",
       "Dagen van de aanmelding van het traject tot het eerste keukentafelgesprek, voor eerste gesprekken in de "
       "periode. Mediaan.", "dagen", "toegang", hoger=False, functie="doorlooptijden", kern=True),
    _i("dt_aanmelding_gesprek_p80", "Doorlooptijd aanmelding → keukentafelgesprek (80e percentiel)",
       "Als hierboven; 80% van de huishoudens had binnen dit aantal dagen een gesprek.", "dagen", "toegang",
       hoger=False, functie="doorlooptijden"),
    _i("dt_gesprek_plan_mediaan", "Doorlooptijd keukentafelgesprek → plan (mediaan)",
       "Dagen van het eerste keukentafelgesprek tot het eerste plan, voor eerste plannen in de periode. Mediaan.",
       "dagen", "toegang", hoger=False, functie="doorlooptijden"),
    _i("dt_gesprek_plan_p80", "Doorlooptijd keukentafelgesprek → plan (80e percentiel)",
       "Als hierboven; 80e percentiel.", "dagen", "toegang", hoger=False, functie="doorlooptijden"),
    _i("meldingen_nieuw", "Nieuwe meldingen", "Meldingen en signalen die in de periode binnenkwamen.",
       "aantal", "toegang", functie="meldingen", kern=True),
    _i("meldingen_meervoudig", "Meervoudige meldingen",
       "Aandeel van de nieuwe meldingen dat twee of meer leefgebieden raakt (naar het wijkteam); de rest is "
       "enkelvoudig en wordt direct afgehandeld.", "percentage", "toegang", functie="meldingen"),
    _i("meldingen_per_kanaal", "Meldingen per kanaal",
       "Nieuwe meldingen naar kanaal (telefoon, inloop, partner, e-mail, online): aandeel van alle nieuwe meldingen.",
       "percentage", "toegang", functie="meldingen"),
    _i("dt_melding_gesprek_mediaan", "Doorlooptijd melding → keukentafelgesprek (mediaan)",
       "Dagen van de melding tot het eerste keukentafelgesprek daarna in het traject van de melding, voor "
       "gesprekken in de periode. Mediaan.", "dagen", "toegang", hoger=False, functie="meldingen", kern=True),
    _i("dt_melding_gesprek_p80", "Doorlooptijd melding → keukentafelgesprek (80e percentiel)",
       "Als hierboven; 80e percentiel.", "dagen", "toegang", hoger=False, functie="meldingen"),
    _i("onderzoek_binnen_6_weken", "Onderzoek binnen 6 weken",
       "Van de meervoudige meldingen waarvan de onderzoekstermijn (6 weken, Wmo 2015) in de periode afliep: het "
       "aandeel met een keukentafelgesprek uiterlijk op de termijn.", "percentage", "toegang", hoger=True,
       wet="wmo", functie="meldingen", kern=True),
    # --- ondersteuning ----------------------------------------------------------------------------------
    _i("ladder_mix", "Activiteiten naar trede van de ladder",
       "Activiteiten in de actieve plannen van lopende trajecten, naar trede: eigen kracht, sociaal netwerk, "
       "vrijwilligers, algemene voorziening, professioneel, maatwerk. Aandeel van alle activiteiten.",
       "percentage", "ondersteuning", functie="ladder", kern=True, categorieen=LADDER),
    # --- zelfredzaamheid --------------------------------------------------------------------------------
    _i("zrm_gemeten", "ZRM: gemeten cliënten",
       "Personen met minstens één definitieve ZRM-meting in de periode (elk telt één keer, met de laatste meting).",
       "aantal", "zelfredzaamheid", functie="zrm", client=True),
    _i("zrm_gemiddelde_domein", "ZRM: gemiddelde score per domein (cliënten)",
       "Gemiddelde score per domein over de laatste meting in de periode van elke gemeten cliënt; ‘niet van "
       "toepassing’ en ‘niet gescoord’ tellen niet mee. Per matrixversie, nooit gemengd. Cliëntcijfer, geen "
       "bevolkingscijfer.", "score", "zelfredzaamheid", hoger=True, functie="zrm", client=True),
    _i("zrm_verandering", "ZRM: gemiddelde verandering eerste → laatste meting (cliënten)",
       "Gemiddelde verandering per domein tussen de eerste meting van de cliënt en de laatste in de periode, voor "
       "cliënten met minstens twee metingen. Cliëntcijfer.", "score", "zelfredzaamheid", hoger=True,
       functie="zrm", client=True),
    _i("zrm_weinig_kracht", "ZRM: cliënten met weinig kracht",
       "Aandeel gemeten cliënten met score 1 of 2 op minstens één domein. Cliëntcijfer, geen bevolkingsaandeel "
       "(zie ‘Inwoners met weinig kracht (onderzoek)’).", "percentage", "zelfredzaamheid", hoger=False,
       functie="zrm", client=True, kern=True),
    _i("zrm_onvoldoende_contacten", "ZRM: cliënten met onvoldoende sociale contacten",
       "Aandeel cliënten gescoord op sociaal netwerk met score 1 of 2 daar. Cliëntcijfer.",
       "percentage", "zelfredzaamheid", hoger=False, functie="zrm", client=True),
    # --- maatwerk ---------------------------------------------------------------------------------------
    _i("maatwerk_aanvragen", "Maatwerkaanvragen", "Aanvragen voor een maatwerkvoorziening (Wmo en jeugdhulp) die in "
       "de periode zijn gedaan.", "aantal", "maatwerk", functie="maatwerk", kern=True),
    _i("maatwerk_toegekend", "Toegekende maatwerkaanvragen",
       "Aandeel toegekend van de besluiten (toegekend of afgewezen) die in de periode zijn genomen.",
       "percentage", "maatwerk", functie="maatwerk"),
    _i("maatwerk_afgewezen", "Afgewezen maatwerkaanvragen",
       "Aandeel afgewezen van de besluiten die in de periode zijn genomen.", "percentage", "maatwerk",
       functie="maatwerk"),
    _i("besluit_binnen_2_weken", "Besluit binnen 2 weken",
       "Aandeel van de besluiten in de periode dat uiterlijk 2 weken na de aanvraag is genomen (Wmo 2015).",
       "percentage", "maatwerk", hoger=True, wet="wmo", functie="maatwerk", kern=True),
    _i("maatwerk_kosten_budget", "Verplichtingen maatwerk tegenover budget",
       "Verplichtingen van de toewijzingen (volume × tarief, of budget) in het kalenderjaar van de periode, als "
       "aandeel van het beschikbare budget van dat jaar (begroting plus herschikkingen): blijven we binnen budget? "
       "Teller en noemer in euro’s.", "percentage", "maatwerk", hoger=False, functie="budget", kern=True),
    _i("wmo_clienten_per_1000", "Wmo-cliënten per 1.000 inwoners",
       "Personen met een Wmo-toewijzing die in de periode liep, per 1.000 inwoners; per wijk (wijk van het "
       "huishouden), per gebied en voor de gemeente (Monitor Sociaal Domein).", "per_1000", "maatwerk",
       wet="wmo", functie="wmo_clienten"),
    # --- opschaling -------------------------------------------------------------------------------------
    _i("escalaties_lzn", "Opschalingen naar het Lokaal Zorgnetwerk", "Casussen die in de periode zijn opgeschaald "
       "naar het LZN.", "aantal", "opschaling", functie="opschaling"),
    _i("escalaties_bestuurstafel", "Opschalingen naar de bestuurstafel", "Casussen die in de periode zijn "
       "opgeschaald naar de bestuurstafel.", "aantal", "opschaling", functie="opschaling"),
    _i("escalaties_alle", "Opschalingen (alle doelen)",
       "Casussen die in de periode zijn opgeschaald, naar welk doel ook: LZN, bestuurstafel, jeugdnetwerk, "
       "veiligheid, zorgnetwerk of een ander opschalingsdoel van de gemeente.", "aantal", "opschaling",
       functie="opschaling"),
    _i("escalaties_naar_soort", "Opschalingen naar soort doel",
       "Casussen die in de periode zijn opgeschaald, naar de soort van het opschalingsdoel. Aandeel van alle "
       "opschalingen in de periode.", "percentage", "opschaling", functie="opschaling", categorieen=OPSCHALINGSOORTEN),
    _i("escalaties_uitkomst", "Afgeronde opschalingen naar uitkomst",
       "Opschalingen die in de periode zijn beëindigd: teruggegeven aan het team (afgeschaald) of daar "
       "afgesloten. Aandeel van alle beëindigde.", "percentage", "opschaling", functie="opschaling",
       categorieen={"afgeschaald": "Afgeschaald naar het team", "afgesloten": "Afgesloten"}),
    # --- afsluiting -------------------------------------------------------------------------------------
    _i("afgesloten_naar_reden", "Afgesloten trajecten naar reden",
       "Trajecten die in de periode zijn afgesloten, naar reden van afsluiten. Aandeel van alle afgesloten.",
       "percentage", "afsluiting", functie="afsluiting", categorieen=AFSLUITREDENEN),
    _i("heropend_binnen_jaar", "Heropend binnen een jaar",
       "Trajecten die in de periode zijn heropend binnen 365 dagen nadat ze waren afgesloten (noemer: alle "
       "heropeningen in de periode).", "aantal", "afsluiting", hoger=False, functie="heropening", kern=True),
    # --- cliëntervaring ---------------------------------------------------------------------------------
    _i("clienttevredenheid", "Tevreden cliënten (cliëntervaringsonderzoek)",
       "Aandeel respondenten van het cliëntervaringsonderzoek dat (zeer) tevreden is, per wijk geïmporteerd.",
       "percentage", "clientervaring", hoger=True, wet="wmo", bron=ENQ, functie="import_per_wijk", client=True),
    _i("clientervaring_score", "Cliëntervaringsonderzoek: score per vraag",
       "Percentage positieve antwoorden per vraag van het jaarlijkse cliëntervaringsonderzoek (Wmo), laatst bekende "
       "jaar; voor de gemeente haar eigen score of het gemiddelde van de gebieden gewogen naar respondenten. De "
       "teller is het aantal respondenten.", "percentage", "clientervaring", hoger=True, wet="wmo", bron=ENQ,
       functie="clientervaring", client=True),
    _i("klachten", "Klachten", "Klachten over de wijkteams die in de periode binnenkwamen (gemeente: alle klachten; "
       "gebied: klachten met dat gebied).", "aantal", "clientervaring", hoger=False, functie="gemeenschap",
       kern=True),
    # --- eigen kracht en gemeenschap --------------------------------------------------------------------
    _i("mantelzorgers_clienten", "Mantelzorgers onder volwassen cliënten",
       "Aandeel volwassenen in ondersteunde huishoudens dat mantelzorger is. Cliëntcijfer, geen bevolkingsaandeel.",
       "percentage", "eigen_kracht", functie="personen", client=True),
    _i("vrijwilligers_clienten", "Vrijwilligers onder volwassen cliënten",
       "Aandeel volwassenen in ondersteunde huishoudens dat vrijwilligerswerk doet. Cliëntcijfer.",
       "percentage", "eigen_kracht", hoger=True, functie="personen", client=True),
    _i("hulpvragen_vrijwilligers", "Hulpvragen voor vrijwilligers",
       "Hulpvragen (uit een plan, van een bewoner of een partner) die in de periode zijn ingediend, per wijk.",
       "aantal", "eigen_kracht", functie="gemeenschap"),
    _i("vrijwilligersmatches", "Matches vrijwilliger – hulpvraag",
       "Koppelingen van een vrijwilliger aan een hulpvraag die in de periode zijn geaccepteerd, per wijk.",
       "aantal", "eigen_kracht", hoger=True, functie="gemeenschap", kern=True),
    _i("dt_hulpvraag_koppeling", "Doorlooptijd hulpvraag → koppeling (gemiddeld)",
       "Gemiddeld aantal dagen van het indienen van de hulpvraag tot de geaccepteerde koppeling, voor koppelingen in "
       "de periode.", "dagen", "eigen_kracht", hoger=False, functie="gemeenschap"),
    _i("vrijwilligers_actief", "Actieve vrijwilligers", "Ingeschreven actieve vrijwilligers aan het einde van de "
       "periode, per wijk.", "aantal", "eigen_kracht", hoger=True, functie="gemeenschap"),
    _i("mantelzorgers_met_steun", "Mantelzorgers met ondersteuning",
       "Mantelzorgers die in de periode ondersteuning kregen (respijtzorg, lotgenotencontact, waardering).",
       "aantal", "eigen_kracht", functie="gemeenschap"),
    _i("collectieve_activiteiten", "Collectieve en preventieve activiteiten",
       "Collectieve en preventieve activiteiten die in de periode begonnen.", "aantal", "eigen_kracht",
       functie="gemeenschap"),
    _i("collectieve_bereik", "Bereik van collectieve activiteiten",
       "Deelnemers aan de collectieve en preventieve activiteiten die in de periode begonnen.", "aantal",
       "eigen_kracht", hoger=True, functie="gemeenschap"),
    _i("jeugdhulp_aandeel_jeugdigen", "Jongeren met jeugdhulp",
       "Aandeel jongeren (0 tot 25 jaar: de leeftijdsgroepen 0-15 en 15-25 van de CBS-kerncijfers wijken en buurten) "
       "met een jeugdhulptoewijzing die in de periode liep; per wijk (wijk van het huishouden), gebied en gemeente, "
       "alleen over wijken met bekende leeftijdsgroepen (Monitor Sociaal Domein telt 0-17; die groep geeft het CBS "
       "per wijk niet).", "percentage", "maatwerk", wet="jeugd", functie="jeugdhulp_jongeren"),
    # --- participatie (Participatiewet) ----------------------------------------------------------------
    _i("participatie_uitstroom_werk", "Uitstroom naar werk",
       "Cliënten die in de periode (weer) betaald werk vonden, vastgelegd bij het einde van een traject of een "
       "activiteit (Participatiewet). Elke cliënt telt één keer; per gebied van het traject.", "aantal",
       "participatie", hoger=True, wet="participatie", functie="participatie", client=True),
    _i("participatie_uitstroom_opleiding", "Uitstroom naar opleiding",
       "Cliënten die in de periode met een opleiding of onderwijs begonnen, vastgelegd bij het einde van een traject "
       "of een activiteit (Participatiewet). Elke cliënt telt één keer; per gebied van het traject.", "aantal",
       "participatie", hoger=True, wet="participatie", functie="participatie", client=True),
    # --- bevolking (import per wijk) --------------------------------------------------------------------
    _i("inwoners", "Inwoners", "Inwoners per wijk (laatst bekende jaar), opgeteld per gebied.", "aantal",
       "bevolking", functie="bevolking"),
    _i("bevolking_weinig_kracht", "Inwoners met weinig kracht (onderzoek)",
       "Aandeel inwoners met weinig kracht volgens bewonersonderzoek/-panel, per wijk geïmporteerd. "
       "Bevolkingscijfer, niet uit de ZRM van cliënten.", "percentage", "bevolking", hoger=False, bron=IMP,
       functie="import_per_wijk"),
    _i("bevolking_mantelzorgt", "Inwoners die mantelzorg geven (onderzoek)",
       "Aandeel inwoners dat mantelzorg geeft volgens bewonersonderzoek, per wijk geïmporteerd.", "percentage",
       "bevolking", bron=IMP, functie="import_per_wijk"),
    _i("bevolking_onvoldoende_contacten", "Inwoners met onvoldoende contacten (onderzoek)",
       "Aandeel inwoners met onvoldoende sociale contacten volgens bewonersonderzoek, per wijk geïmporteerd.",
       "percentage", "bevolking", hoger=False, bron=IMP, functie="import_per_wijk"),
    _i("bevolking_vrijwilligerswerk", "Inwoners die vrijwilligerswerk doen (onderzoek)",
       "Aandeel inwoners dat vrijwilligerswerk doet volgens bewonersonderzoek, per wijk geïmporteerd.",
       "percentage", "bevolking", hoger=True, bron=IMP, functie="import_per_wijk"),
]

TECHNISCH = ("eenheid", "status", "bron", "functie", "thema", "is_clientcijfer", "categorieen", "wet")


def synchroniseer(Indicator):
    """Add new indicators, update the technical fields of existing ones. ``Indicator`` may be a historical model."""
    for volgorde, gegevens in enumerate(INDICATOREN):
        velden = dict(gegevens, volgorde=volgorde)
        code = velden.pop("code")
        indicator, nieuw = Indicator.objects.get_or_create(code=code, defaults=velden)
        if not nieuw:
            wordt_gemeten = indicator.status == ONTW and velden["status"] == S
            for veld in (velden if wordt_gemeten else TECHNISCH):
                setattr(indicator, veld, velden[veld])
            indicator.save()
