"""The keukentafelgesprek form fits the work (issue 16): professionals and network members are chosen in a list of
checkboxes (no multi-select with Ctrl-click), each checkbox right before its label; a search box is only shown by
JavaScript, so the form works without it."""

import re

from django.urls import reverse

from huishoudens.models import Keukentafelgesprek
from tests.huishoudens.factories import NetwerkLidFactory, maak_dossier
from tests.huishoudens.test_gesprek import _gegevens


def _fieldset(html, naam):
    return re.search(rf'<fieldset class="utrecht-form-fieldset veld vinkjes[^"]*" id="id_{naam}".*?</fieldset>',
                     html, re.S).group(0)


def test_professionals_en_netwerk_als_vinkjeslijst(client, org):
    h = maak_dossier(org, regisseur=org.mensen["teamlid"])
    lid = NetwerkLidFactory(huishouden=h, naam="Buurman Kees")
    client.force_login(org.mensen["teamlid"])
    html = client.get(reverse("huishoudens:gesprek_nieuw", args=[h.pk])).content.decode()
    assert not re.search(r"<select[^>]*multiple", html)

    professionals = _fieldset(html, "deelnemers_professionals")
    assert '<legend class="utrecht-form-fieldset__legend">' in professionals
    collega = org.mensen["medewerker_ander_team"]
    naam = collega.get_full_name() or collega.username
    # the checkbox, then its label, for each professional of the gemeente; the user is checked by default
    assert re.search(rf'<input type="checkbox" name="deelnemers_professionals" value="{collega.pk}" '
                     rf'id="(id_deelnemers_professionals_\d+)" class="utrecht-checkbox utrecht-checkbox--html-input"> '
                     rf'<label class="utrecht-form-label utrecht-form-label--checkbox" for="\1">'
                     rf'{re.escape(naam)}</label>', professionals)
    assert re.search(rf'value="{org.mensen["teamlid"].pk}" [^>]* checked>', professionals)
    andere = org.mensen["medewerker_andere_gemeente"]
    assert f'value="{andere.pk}"' not in professionals  # only professionals of the own gemeente
    # the search box exists for JavaScript only: hidden without it, with its own label
    zoek = re.search(r"<div class=\"vinkjes__zoek\" data-vinkjesfilter hidden>.*?</div>", professionals, re.S)
    assert zoek and 'for="id_deelnemers_professionals_zoek"' in zoek.group(0)
    assert "js/vinkjesfilter.js" in html

    netwerk = _fieldset(html, "deelnemers_netwerk")
    assert re.search(rf'value="{lid.pk}" id="(id_deelnemers_netwerk_\d+)" [^>]*> <label [^>]*for="\1">Buurman Kees',
                     netwerk)
    # the cliëntondersteuning checkbox sits right before its label
    assert re.search(r'<input type="checkbox" name="clientondersteuning_aangeboden"[^>]*> <label class="utrecht-form-'
                     r'label utrecht-form-label--checkbox" for="id_clientondersteuning_aangeboden">', html)


def test_aangevinkte_professionals_worden_opgeslagen_en_blijven_aangevinkt(client, org):
    h = maak_dossier(org, regisseur=org.mensen["teamlid"])
    teamlid, collega = org.mensen["teamlid"], org.mensen["medewerker_ander_team"]
    client.force_login(teamlid)
    url = reverse("huishoudens:gesprek_nieuw", args=[h.pk])
    antwoord = client.post(url, _gegevens(h, actie="concept", deelnemers_professionals=[teamlid.pk, collega.pk]))
    assert antwoord.status_code == 302
    gesprek = Keukentafelgesprek.objects.get(traject__huishouden=h)
    assert set(gesprek.deelnemers_professionals.values_list("pk", flat=True)) == {teamlid.pk, collega.pk}
    html = client.get(reverse("huishoudens:gesprek_wijzigen", args=[h.pk, gesprek.pk])).content.decode()
    professionals = _fieldset(html, "deelnemers_professionals")
    assert len(re.findall(r" checked>", professionals)) == 2


def test_gespreksformulier_niet_voor_wie_het_dossier_niet_mag_zien(client, org):
    h = maak_dossier(org, regisseur=org.mensen["teamlid"])
    client.force_login(org.mensen["medewerker_andere_gemeente"])
    assert client.get(reverse("huishoudens:gesprek_nieuw", args=[h.pk])).status_code == 404
