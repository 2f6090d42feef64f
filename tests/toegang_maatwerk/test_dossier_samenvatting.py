"""The household page reads at a glance (issue 16): a summary band on every tab with status, regisseur, next
evaluation, the open deadlines the apps register with their badges, the child-safety flag; the sections in tabs,
each its own URL (no JavaScript needed), the less-used sections folded in <details>."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from huishoudens import registry
from huishoudens.models import Traject
from huishoudens.views.dossier import tab_url
from tests.toegang_maatwerk.factories import vraag_aan
from tests.toegang_melding.factories import melding
from toegang.models import Melding


def _band(html):
    return re.search(r'<section class="samenvatting".*?</section>', html, re.S).group(0)


def test_samenvatting_toont_status_regisseur_evaluatie_en_open_termijnen(client, mw, dossier,
                                                                          django_assert_max_num_queries):
    vandaag = timezone.localdate()
    Traject.objects.filter(pk=dossier.traject.pk).update(zorgen_kindveiligheid=True,
                                                         volgende_evaluatie=vandaag + timedelta(days=30))
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"], aanvraagdatum=vandaag - timedelta(days=20))
    m = melding(dossier, door=mw.mensen["teamlid"])
    Melding.objects.filter(pk=m.pk).update(status=Melding.Status.IN_BEHANDELING)  # its onderzoek runs
    gekoppeld = melding(dossier, door=mw.mensen["teamlid"])  # linked to the running traject: no own deadline
    assert gekoppeld.status == Melding.Status.GEKOPPELD
    client.force_login(mw.mensen["teamlid"])
    client.get(dossier.get_absolute_url())
    # the summary adds no query of its own (read with the household): 12 in all on every tab
    with django_assert_max_num_queries(12):
        antwoord = client.get(dossier.get_absolute_url())
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    band = _band(html)

    # the child-safety flag comes before the band, as an alert
    assert html.index("utrecht-alert") < html.index('class="samenvatting"')
    assert "Zorgen over de veiligheid van een kind" in html
    assert dossier.traject.get_status_display() in band and "Regisseur" in band
    regisseur = mw.mensen["teamlid"]
    assert (regisseur.get_full_name() or regisseur.username) in band
    assert date_format(vandaag + timedelta(days=30), "j F Y") in band
    # the decision term of the request has passed (14 days), the onderzoek of the melding runs 6 weeks
    termijnen = re.search(r'<ul class="samenvatting__termijnen">.*?</ul>', band, re.S).group(0)
    regels = re.findall(r"<li>.*?</li>", termijnen, re.S)
    assert len(regels) == 2
    assert aanvraag.product.naam in regels[0] and 'class="termijn te-laat"' in regels[0]
    assert f'href="{aanvraag.get_absolute_url()}"' in regels[0]
    assert m.ontvangstnummer in regels[1] and 'class="termijn op-tijd"' in regels[1]
    assert re.search(r"<dt>Open maatwerkaanvragen</dt><dd><a [^>]*>1</a>", band)


def test_tabbladen_met_elk_hun_secties_en_minder_gebruikte_ingeklapt(client, mw, dossier):
    vraag_aan(dossier, mw.mensen["teamlid"])
    melding(dossier, door=mw.mensen["teamlid"])
    client.force_login(mw.mensen["teamlid"])
    pk = dossier.pk
    paginas = {tab: client.get(tab_url(pk, tab)).content.decode() for tab in registry.TABBLADEN}
    for tab, html in paginas.items():  # the band and the tabs on every tab
        assert '<section class="samenvatting"' in html, tab
        nav = re.search(r'<nav class="tabbladen".*?</nav>', html, re.S).group(0)
        assert re.findall(r'href="([^"]+)"', nav) == [tab_url(pk, t) for t in registry.TABBLADEN], tab
    # each part on its own tab, with its anchor
    for tab, ankers in {"overzicht": ("traject", "zrm"), "personen": ("personen", "netwerk", "mantelzorg"),
                        "plan": ("gesprekken", "plan"), "toegang": ("maatwerk", "meldingen"),
                        "tijdlijn": ("tijdlijn",)}.items():
        for anker in ankers:
            assert re.search(rf'id="{anker}"', paginas[tab]), (tab, anker)
            for ander, html in paginas.items():
                if ander != tab:
                    assert not re.search(rf'id="{anker}"', html), (ander, anker)
    # the meldingen are folded, with their heading in the summary; the requests and the ZRM are not
    toegang = paginas["toegang"]
    assert re.search(r'<details id="meldingen" class="dossier-blok dossier-blok--ingeklapt">\s*<summary><h2', toegang)
    assert toegang.count(">Meldingen en casusoverleg</h2>") == 1
    assert '<div id="maatwerk" class="dossier-blok">' in toegang
    assert '<div id="zrm" class="dossier-blok">' in paginas["overzicht"]
    # the band's key figures link to the tab that shows them
    assert f'href="{tab_url(pk, "toegang")}#maatwerk"' in paginas["plan"]


@pytest.mark.parametrize("wie", ["teamlid", "coordinator_eigen_gebied"])  # the regisseur; the coördinator
def test_elk_tabblad_12_queries_en_vlak_met_data_onder_elk_onderdeel(client, mw, dossier, wie,
                                                                      django_assert_max_num_queries):
    """Every tab at most 12 queries in all with rows under the band and every registered section (a request, a
    melding, ZRM measurements, a goal with ZRM domains, an escalation's count), and not one more when the rows grow
    (requests, meldingen, persons with measurements, network)."""
    from tests.huishoudens.factories import NetwerkLidFactory, PersoonFactory
    from tests.zelfredzaamheid.factories import meting
    from zelfredzaamheid.models import DoelDomein, Domein

    vraag_aan(dossier, mw.mensen["teamlid"])
    melding(dossier, door=mw.mensen["teamlid"])
    meting(dossier.volwassene, mw.mensen["teamlid"])
    for domein in Domein.objects.filter(versie__actief=True).order_by("volgorde")[:2]:
        DoelDomein.objects.create(doel=dossier.doel, domein=domein)
    client.force_login(mw.mensen[wie])
    eerst = {}
    for tab in registry.TABBLADEN:
        client.get(tab_url(dossier.pk, tab))
        with django_assert_max_num_queries(12) as telling:
            assert client.get(tab_url(dossier.pk, tab)).status_code == 200
        eerst[tab] = len(telling.captured_queries)
    for _i in range(3):
        vraag_aan(dossier, mw.mensen["teamlid"])
        melding(dossier, door=mw.mensen["teamlid"])
        meting(PersoonFactory(huishouden=dossier), mw.mensen["teamlid"])
        NetwerkLidFactory(huishouden=dossier)
    for tab in registry.TABBLADEN:
        with django_assert_max_num_queries(eerst[tab]):
            assert client.get(tab_url(dossier.pk, tab)).status_code == 200


def test_zonder_open_traject_geen_termijnen_en_geen_vlag(client, mw, dossier):
    Traject.objects.filter(pk=dossier.traject.pk).update(status=Traject.Status.AFGESLOTEN,
                                                         afgesloten_op=timezone.localdate())
    client.force_login(mw.mensen["coordinator_eigen_gebied"])
    antwoord = client.get(dossier.get_absolute_url())
    assert antwoord.status_code == 200
    band = _band(antwoord.content.decode())
    assert "Geen open traject" in band and "Geen open termijnen" in band
    assert "utrecht-alert" not in antwoord.content.decode()


def test_samenvatting_niet_voor_wie_het_dossier_niet_mag_zien(client, mw, dossier):
    client.force_login(mw.mensen["teamlid_ander"])
    assert client.get(dossier.get_absolute_url()).status_code == 404
