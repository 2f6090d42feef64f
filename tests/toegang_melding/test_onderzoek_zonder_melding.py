"""Issue 17: the Wmo six-week onderzoek term also runs for a household registered without a melding, from the
registration of its traject: in the regisseur's werkvoorraad and digest; not for a traject with a melding (its
melding's term counts), not in another professional's digest."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from huishoudens.models import Traject
from tests.toegang_maatwerk.factories import maak_dossier
from tests.toegang_melding.factories import maak_huishouden, melding
from toegang.melding.notificaties import stuur_dagoverzichten
from toegang.melding.selectors import met_eerste_onderzoekstermijn
from toegang.models import Melding

URL = reverse("toegang:werkvoorraad")
pytestmark = pytest.mark.django_db


def _zonder_melding(org, *, dagen_geleden, naam="Huishouden Zonder Melding"):
    h = maak_dossier(org.team_a, regisseur=org.mensen["teamlid"], door=org.mensen["coordinator_eigen_gebied"],
                     naam=naam)
    Traject.objects.filter(pk=h.traject.pk).update(aangemeld_op=timezone.localdate() - timedelta(days=dagen_geleden))
    return h


def test_zes_weken_vanaf_de_registratie_zonder_melding(org):
    h = _zonder_melding(org, dagen_geleden=40)
    t = met_eerste_onderzoekstermijn(Traject.objects.filter(pk=h.traject.pk)).get()
    assert t.onderzoek_uiterlijk == timezone.localdate() + timedelta(days=2)
    # with a melding, the melding's own term counts (here: none running), not the registration
    m = melding(maak_huishouden(org.wijk_a))
    Melding.objects.filter(pk=m.pk).update(traject=h.traject, status=Melding.Status.GEKOPPELD)
    assert met_eerste_onderzoekstermijn(Traject.objects.filter(pk=h.traject.pk)).get().onderzoek_uiterlijk is None
    Melding.objects.filter(pk=m.pk).delete()
    # past the onderzoek (a plan in execution): no term any more
    Traject.objects.filter(pk=h.traject.pk).update(status=Traject.Status.UITVOERING)
    assert met_eerste_onderzoekstermijn(Traject.objects.filter(pk=h.traject.pk)).get().onderzoek_uiterlijk is None


def test_termijn_in_werkvoorraad_en_dagoverzicht_van_de_regisseur(client, org):
    for user in org.mensen.values():
        user.email = f"{user.username}@wijkteam.example.nl"
        user.save(update_fields=["email"])
    h = _zonder_melding(org, dagen_geleden=44)  # two days late
    client.force_login(org.mensen["teamlid"])
    inhoud = client.get(URL).content.decode()
    assert h.naam in inhoud and "Te laat" in inhoud
    assert stuur_dagoverzichten() == 1
    bericht = mail.outbox[0]
    assert bericht.to == [org.mensen["teamlid"].email]
    assert f"Onderzoek traject {h.traject.pk} (zonder melding)" in bericht.body and "TE LAAT" in bericht.body
