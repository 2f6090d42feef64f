"""Issue 17: child safety that cannot be missed. A professional with access sets the flag with a reason; it shows
as a banner on every page of the household and as a badge in every list; only the coördinator of the gebied
clears it, with a decision; every change leaves a history row and an audit row."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from huishoudens import services
from huishoudens.models import KindveiligheidWijziging

BANNER = "Zorgen over de veiligheid van een kind"
REDEN = "Kind kwam met blauwe plekken op school; moeder wil er niet over praten."
BESLUIT = "Veilig Thuis heeft onderzocht: geen onveiligheid, gezin krijgt opvoedondersteuning."


def _url(d):
    return reverse("huishoudens:kindveiligheid", args=[d.huishouden.pk])


def _meld(client, d, wie="teamlid", reden=REDEN):
    client.force_login(d.mensen[wie])
    return client.post(_url(d), {"actie": "melden", "melden-reden": reden})


def test_professional_meldt_zorgen_met_reden_en_het_wordt_gelogd(client, dossier):
    client.force_login(dossier.mensen["teamlid"])
    inhoud = client.get(_url(dossier)).content.decode()
    assert "Zorgen over kindveiligheid melden" in inhoud and BANNER not in inhoud
    antwoord = _meld(client, dossier, reden="")
    assert antwoord.status_code == 400
    assert "Beschrijf de zorgen over de veiligheid van het kind." in antwoord.content.decode()
    assert _meld(client, dossier).status_code == 302
    dossier.traject.refresh_from_db()
    assert dossier.traject.zorgen_kindveiligheid
    wijziging = KindveiligheidWijziging.objects.get()
    assert (wijziging.gezet, wijziging.reden, wijziging.door) == (True, REDEN, dossier.mensen["teamlid"])
    assert AuditEvent.objects.filter(actor=dossier.mensen["teamlid"], actie="update", object_type="huishoudens.traject",
                                     detail__zorgen_kindveiligheid=True).count() == 1
    assert REDEN in client.get(_url(dossier)).content.decode()


def test_banner_op_elke_pagina_van_het_huishouden_en_badge_in_lijsten(client, dossier):
    assert _meld(client, dossier).status_code == 302
    h = dossier.huishouden
    client.force_login(dossier.mensen["regisseur"])
    paginas = [h.get_absolute_url(), _url(dossier),
               reverse("huishoudens:gesprek", args=[h.pk, dossier.gesprek.pk]),
               reverse("huishoudens:plan", args=[h.pk, dossier.plan.pk]),
               reverse("zelfredzaamheid:huishouden", args=[h.pk]),
               reverse("gemeenschap:huishouden", args=[h.pk])]
    for url in paginas:
        antwoord = client.get(url)
        assert antwoord.status_code == 200, url
        assert antwoord.content.decode().count(f"<strong>{BANNER}</strong>") == 1, url
    for url in (reverse("huishoudens:mijn"), reverse("huishoudens:zoeken") + "?naam=Achternaam",
                reverse("toegang:werkvoorraad")):
        inhoud = client.get(url).content.decode()
        assert "kindveiligheid-badge" in inhoud and h.naam in inhoud, url
    # the coördinator's werkvoorraad (gebied) too
    client.force_login(dossier.mensen["coordinator_eigen_gebied"])
    assert "kindveiligheid-badge" in client.get(reverse("toegang:werkvoorraad")).content.decode()


def test_zonder_zorgen_geen_banner_en_geen_badge(client, dossier):
    client.force_login(dossier.mensen["regisseur"])
    assert BANNER not in client.get(dossier.huishouden.get_absolute_url()).content.decode()
    assert "kindveiligheid-badge" not in client.get(reverse("huishoudens:mijn")).content.decode()


def test_medewerker_kan_niet_opheffen(client, dossier):
    assert _meld(client, dossier).status_code == 302
    for wie in ("teamlid", "regisseur"):
        client.force_login(dossier.mensen[wie])
        assert "Zorgen opheffen met een besluit" not in client.get(_url(dossier)).content.decode()
        antwoord = client.post(_url(dossier), {"actie": "opheffen", "opheffen-besluit": BESLUIT})
        assert antwoord.status_code == 403, wie
    with pytest.raises(Exception):
        services.hef_zorgen_kindveiligheid_op(traject=dossier.traject, door=dossier.mensen["teamlid"],
                                              besluit=BESLUIT)
    dossier.traject.refresh_from_db()
    assert dossier.traject.zorgen_kindveiligheid and KindveiligheidWijziging.objects.count() == 1


def test_alleen_coordinator_van_het_gebied_heft_op_met_besluit(client, dossier):
    assert _meld(client, dossier).status_code == 302
    # the coördinator of another gebied cannot open the household at all
    client.force_login(dossier.mensen["coordinator_ander_gebied"])
    assert client.post(_url(dossier), {"actie": "opheffen", "opheffen-besluit": BESLUIT}).status_code == 404
    coord = dossier.mensen["coordinator_eigen_gebied"]
    client.force_login(coord)
    assert "Zorgen opheffen met een besluit" in client.get(_url(dossier)).content.decode()
    antwoord = client.post(_url(dossier), {"actie": "opheffen", "opheffen-besluit": ""})
    assert antwoord.status_code == 400
    assert "Leg het besluit vast" in antwoord.content.decode()
    assert client.post(_url(dossier), {"actie": "opheffen", "opheffen-besluit": BESLUIT}).status_code == 302
    dossier.traject.refresh_from_db()
    assert not dossier.traject.zorgen_kindveiligheid
    assert list(KindveiligheidWijziging.objects.values_list("gezet", "reden", "door")) == [
        (True, REDEN, dossier.mensen["teamlid"].pk), (False, BESLUIT, coord.pk)]
    assert AuditEvent.objects.filter(actor=coord, actie="update", object_type="huishoudens.traject",
                                     detail__zorgen_kindveiligheid=False).count() == 1
    assert BANNER not in client.get(dossier.huishouden.get_absolute_url()).content.decode()


def test_wie_het_huishouden_niet_ziet_krijgt_404(client, dossier):
    for wie in ("medewerker_ander_team", "medewerker_andere_gemeente", "coordinator_andere_gemeente"):
        client.force_login(dossier.mensen[wie])
        assert client.get(_url(dossier)).status_code == 404, wie
        assert client.post(_url(dossier), {"actie": "melden", "melden-reden": REDEN}).status_code == 404, wie
    dossier.traject.refresh_from_db()
    assert not dossier.traject.zorgen_kindveiligheid and not KindveiligheidWijziging.objects.exists()


def test_kindveiligheidspagina_queries(client, dossier, django_assert_max_num_queries):
    assert _meld(client, dossier).status_code == 302
    client.get(_url(dossier))
    with django_assert_max_num_queries(14):
        assert client.get(_url(dossier)).status_code == 200
