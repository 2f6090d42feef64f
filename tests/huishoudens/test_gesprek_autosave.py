"""Autosave of a keukentafelgesprek draft (issue 16): the endpoint behind static/js/autosave.js saves through the
same service as "Opslaan als concept": the first save creates the concept, later ones update that one; bad input
answers 400 with the field errors and changes nothing; a final gesprek is never overwritten; logged like a save."""

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditActie, AuditEvent
from huishoudens.models import Keukentafelgesprek
from tests.huishoudens.factories import maak_dossier
from tests.huishoudens.test_gesprek import _gegevens


def _gelogd(gesprek, actie, door):
    return AuditEvent.objects.filter(object_type="huishoudens.keukentafelgesprek", object_id=str(gesprek.pk),
                                     actie=actie, actor=door).exists()


def test_eerste_autosave_maakt_het_concept_daarna_hetzelfde_bijgewerkt(client, org, monkeypatch):
    teamlid = org.mensen["teamlid"]
    h = maak_dossier(org, regisseur=teamlid)
    client.force_login(teamlid)
    # the form carries the autosave URL and interval for the script; the live region is there, empty
    html = client.get(reverse("huishoudens:gesprek_nieuw", args=[h.pk])).content.decode()
    assert f'data-autosave-url="{reverse("huishoudens:gesprek_autosave", args=[h.pk])}"' in html
    assert 'data-autosave-seconden="60"' in html and "js/autosave.js" in html
    assert '<p id="autosave-status" class="autosave-status" role="status" aria-live="polite"></p>' in html

    # 12:32 UTC on a summer day is 14:32 in the Netherlands
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2026, 7, 1, 12, 32, tzinfo=dt.UTC))
    antwoord = client.post(reverse("huishoudens:gesprek_autosave", args=[h.pk]), _gegevens(h))
    assert antwoord.status_code == 200, antwoord.content
    j = antwoord.json()
    gesprek = Keukentafelgesprek.objects.get(traject__huishouden=h)
    assert gesprek.status == Keukentafelgesprek.Status.CONCEPT and gesprek.gevoerd_door == teamlid
    assert j["melding"] == "Concept opgeslagen om 14:32" and j["opgeslagen_om"] == "14:32"
    assert j["gesprek"] == gesprek.pk and j["lock_versie"] == gesprek.lock_versie
    assert j["autosave_url"] == reverse("huishoudens:gesprek_autosave_wijzigen", args=[h.pk, gesprek.pk])
    assert j["formulier_url"] == reverse("huishoudens:gesprek_wijzigen", args=[h.pk, gesprek.pk])
    assert _gelogd(gesprek, AuditActie.AANGEMAAKT, teamlid)

    # the next autosave goes to the concept's own URL with the lock version it got: the same concept is updated
    antwoord = client.post(j["autosave_url"], _gegevens(h, lock_versie=j["lock_versie"], afspraken="Bellen op maandag",
                                                        **{"lg-financien-nodig": "Een budgetcoach"}))
    assert antwoord.status_code == 200, antwoord.content
    assert Keukentafelgesprek.objects.filter(traject__huishouden=h).count() == 1
    gesprek.refresh_from_db()
    assert gesprek.afspraken == "Bellen op maandag" and gesprek.status == Keukentafelgesprek.Status.CONCEPT
    assert gesprek.leefgebieden.get(leefgebied="financien").nodig == "Een budgetcoach"
    assert antwoord.json()["lock_versie"] == gesprek.lock_versie == j["lock_versie"] + 1
    assert _gelogd(gesprek, AuditActie.GEWIJZIGD, teamlid)

    # "Opslaan als concept" afterwards (the form's action now points at the concept) updates it too
    antwoord = client.post(j["formulier_url"], _gegevens(h, actie="concept", lock_versie=gesprek.lock_versie))
    assert antwoord.status_code == 302 and Keukentafelgesprek.objects.filter(traject__huishouden=h).count() == 1
    # and the edit form autosaves to the concept's URL
    html = client.get(j["formulier_url"]).content.decode()
    assert f'data-autosave-url="{j["autosave_url"]}"' in html


def test_autosave_met_foute_datum_geeft_400_met_fouten_en_wijzigt_niets(client, org):
    teamlid = org.mensen["teamlid"]
    h = maak_dossier(org, regisseur=teamlid)
    client.force_login(teamlid)
    antwoord = client.post(reverse("huishoudens:gesprek_autosave", args=[h.pk]), _gegevens(h, datum="31-02-2026x"))
    assert antwoord.status_code == 400
    j = antwoord.json()
    assert j["opgeslagen"] is False and "datum" in j["fouten"]
    assert j["melding"].startswith("Niet opgeslagen: Datum: ")
    assert not Keukentafelgesprek.objects.filter(traject__huishouden=h).exists()

    client.post(reverse("huishoudens:gesprek_autosave", args=[h.pk]), _gegevens(h))
    gesprek = Keukentafelgesprek.objects.get(traject__huishouden=h)
    url = reverse("huishoudens:gesprek_autosave_wijzigen", args=[h.pk, gesprek.pk])
    antwoord = client.post(url, _gegevens(h, lock_versie=gesprek.lock_versie, datum="2026-13-45",
                                          afspraken="Wordt niet half opgeslagen"))
    assert antwoord.status_code == 400 and "datum" in antwoord.json()["fouten"]
    bewaard = Keukentafelgesprek.objects.get(pk=gesprek.pk)
    assert bewaard.afspraken == gesprek.afspraken and bewaard.lock_versie == gesprek.lock_versie

    # an outdated lock version (someone else saved meanwhile): 409, nothing overwritten
    antwoord = client.post(url, _gegevens(h, lock_versie=gesprek.lock_versie - 1 if gesprek.lock_versie else 99))
    assert antwoord.status_code == 409
    assert "Iemand anders heeft dit gesprek intussen gewijzigd" in antwoord.json()["melding"]


def test_definitief_gesprek_wordt_niet_overschreven(client, dossier):
    h, gesprek = dossier.huishouden, dossier.gesprek
    client.force_login(dossier.mensen["regisseur"])
    assert client.post(reverse("huishoudens:gesprek_wijzigen", args=[h.pk, gesprek.pk]),
                       _gegevens(h, actie="definitief", lock_versie=gesprek.lock_versie,
                                 clientondersteuning_aangeboden="on")).status_code == 302
    gesprek.refresh_from_db()
    assert gesprek.is_definitief
    antwoord = client.post(reverse("huishoudens:gesprek_autosave_wijzigen", args=[h.pk, gesprek.pk]),
                           _gegevens(h, lock_versie=gesprek.lock_versie, afspraken="Overschreven?"))
    assert antwoord.status_code == 409 and antwoord.json()["melding"].startswith("Niet opgeslagen: ")
    bewaard = Keukentafelgesprek.objects.get(pk=gesprek.pk)
    assert bewaard.afspraken != "Overschreven?" and bewaard.is_definitief and bewaard.lock_versie == gesprek.lock_versie


def test_autosave_niet_voor_wie_het_dossier_niet_mag_zien(client, dossier):
    h, gesprek = dossier.huishouden, dossier.gesprek
    for wie in ("medewerker_andere_gemeente", "medewerker_ander_team", "beleidsmedewerker"):
        client.force_login(dossier.mensen[wie])
        assert client.post(reverse("huishoudens:gesprek_autosave", args=[h.pk]), _gegevens(h)).status_code == 404
        assert client.post(reverse("huishoudens:gesprek_autosave_wijzigen", args=[h.pk, gesprek.pk]),
                           _gegevens(h, afspraken="Van een ander")).status_code == 404
    # a gesprek of another household through this household's URL: 404 too
    ander = maak_dossier(dossier.org, regisseur=dossier.mensen["regisseur"])
    client.force_login(dossier.mensen["regisseur"])
    assert client.post(reverse("huishoudens:gesprek_autosave_wijzigen", args=[ander.pk, gesprek.pk]),
                       _gegevens(ander)).status_code == 404
    gesprek.refresh_from_db()
    assert gesprek.afspraken != "Van een ander"
    assert Keukentafelgesprek.objects.filter(traject__huishouden__in=[h, ander]).count() == 1


def test_autosave_alleen_post_met_csrf_en_ingelogd(dossier):
    h = dossier.huishouden
    url = reverse("huishoudens:gesprek_autosave", args=[h.pk])
    anoniem = Client()
    assert anoniem.post(url, _gegevens(h)).status_code == 302  # to the login page
    csrf = Client(enforce_csrf_checks=True)
    csrf.force_login(dossier.mensen["regisseur"])
    assert csrf.get(url).status_code == 405
    assert csrf.post(url, _gegevens(h)).status_code == 403
    assert Keukentafelgesprek.objects.filter(traject__huishouden=h).count() == 1
