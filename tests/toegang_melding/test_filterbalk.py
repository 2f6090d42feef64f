"""The werkvoorraad's compact filter bar (issue 16): the fields through the form components (Utrecht classes, a
label each), folded in a <details> that is open, a count per filter option from the one aggregate the page
already ran, and the child-safety flag as a badge in the rows."""

import re

import pytest

from huishoudens.models import Traject
from tests.huishoudens.factories import maak_dossier
from tests.toegang_melding.factories import maak_huishouden, melding
from tests.toegang_melding.test_werkvoorraad import URL, _verschuif
from toegang.melding import selectors
from toegang.melding.forms import WerkvoorraadFilterForm
from toegang.models import Melding

pytestmark = pytest.mark.django_db


def _optie(html, naam, waarde):
    select = re.search(rf'<select name="{naam}".*?</select>', html, re.S).group(0)
    return re.search(rf'<option value="{waarde}"[^>]*>([^<]*)</option>', select).group(1)


def test_filterbalk_met_componentklassen_en_aantallen_per_keuze(client, org):
    teamlid = org.mensen["teamlid_jgt"]
    te_laat = melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=["financien", "opvoeding"])
    melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=["financien"])
    _verschuif(te_laat, 45)
    client.force_login(teamlid)
    html = client.get(URL).content.decode()

    balk = re.search(r'<details class="filterbalk" open>.*?</details>', html, re.S).group(0)
    assert '<form method="get" class="filterbalk__form"' in balk
    for naam in ("weergave", "status", "team", "wijk", "termijn", "leefgebied", "sorteer"):
        assert re.search(rf'<select name="{naam}" class="utrecht-select utrecht-select--html-select"', balk), naam
        assert re.search(rf'<label class="utrecht-form-label" for="id_{naam}">', balk), naam
    assert 'class="utrecht-textbox utrecht-textbox--html-input"' in balk  # the search field

    assert _optie(html, "leefgebied", "financien") == "Financiën (2)"
    assert _optie(html, "leefgebied", "opvoeding").endswith("(1)")
    assert _optie(html, "termijn", "te_laat") == "Te laat (1)"
    assert _optie(html, "termijn", "op_tijd") == "Op tijd (1)"
    assert _optie(html, "status", "nieuw") == "Nieuw, op te pakken (2)"
    assert _optie(html, "status", "open") == "Alle open (2)"
    assert _optie(html, "sorteer", "termijn") == "Termijn, eerst verlopend"  # no count where it means nothing


def test_tellingen_volgen_de_filters_van_de_lijst(org):
    """Each count equals the length of the list that option would show (same view, other filters empty)."""
    teamlid = org.mensen["teamlid_jgt"]
    for dagen, gebieden in ((45, ["financien"]), (38, ["financien", "huisvesting"]), (0, ["opvoeding"])):
        _verschuif(melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=gebieden), dagen)
    bereik = selectors.bereik_van(teamlid)
    opties = selectors.werkvoorraad_samenvatting(bereik, weergave="mijn", per_optie=True)["opties"]
    for termijn in ("te_laat", "binnen_week", "op_tijd", "due"):
        lijst = selectors.werkvoorraad_meldingen(bereik, weergave="mijn", termijn=termijn)
        assert opties["termijn"][termijn] == lijst.count(), termijn
    for code in ("financien", "huisvesting", "opvoeding", "werk_opleiding"):
        lijst = selectors.werkvoorraad_meldingen(bereik, weergave="mijn", leefgebied=code)
        assert opties["leefgebied"][code] == lijst.count(), code
    for status in ("open", "alle", *Melding.Status.values):
        assert opties["status"][status] == selectors.werkvoorraad_meldingen(bereik, weergave="mijn",
                                                                            status=status).count(), status


def test_toon_tellingen_laat_keuzes_zonder_telling_ongemoeid():
    form = WerkvoorraadFilterForm(teams=[], wijken=[], is_coordinator=False)
    form.toon_tellingen({"termijn": {"te_laat": 4}})
    keuzes = dict(form.fields["termijn"].choices)
    assert keuzes["te_laat"] == "Te laat (4)" and keuzes[""] == "Alle"


def test_kindveiligheid_als_badge_in_de_rijen(client, org):
    coordinator = org.mensen["coordinator_eigen_gebied"]
    huishouden = maak_dossier(org, regisseur=org.mensen["teamlid"])
    traject = huishouden.trajecten.get()
    Traject.objects.filter(pk=traject.pk).update(zorgen_kindveiligheid=True)
    m = melding(huishouden)
    Melding.objects.filter(pk=m.pk).update(traject=traject)
    gewoon = maak_dossier(org, regisseur=org.mensen["teamlid"], naam="Familie Zonder Zorgen")
    client.force_login(coordinator)
    html = client.get(URL + "?weergave=gebied").content.decode()
    badge = '<span class="utrecht-badge-status kindveiligheid-badge">'
    rij_melding = re.search(rf"<tr[^>]*>(?:(?!</tr>).)*{m.ontvangstnummer}.*?</tr>", html, re.S).group(0)
    assert badge in rij_melding and "Kindveiligheid" in rij_melding
    rij_huishouden = re.search(rf"<tr[^>]*>(?:(?!</tr>).)*{re.escape(huishouden.naam)}</a>.*?</tr>", html,
                               re.S).group(0)
    assert badge in rij_huishouden
    rij_gewoon = re.search(r"<tr[^>]*>(?:(?!</tr>).)*Familie Zonder Zorgen</a>.*?</tr>", html, re.S).group(0)
    assert badge not in rij_gewoon and gewoon.naam in rij_gewoon


def test_werkvoorraad_niet_voor_wie_geen_medewerker_is(client, org):
    client.force_login(org.mensen["beleidsmedewerker"])
    assert client.get(URL).status_code == 403
