"""The household page reads at a glance (issue 16): a summary band with status, regisseur, next evaluation, the
open deadlines of the registered sections with their badges, the child-safety flag, and an in-page navigation
over the sections with the less-used ones folded in <details> (no JavaScript needed)."""

import re
from datetime import timedelta

from django.utils import timezone
from django.utils.formats import date_format

from huishoudens.models import Traject
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
    # the summary adds no query: with a melding and a request this page took 30 queries before the band too
    with django_assert_max_num_queries(30):
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


def test_navigatie_naar_elke_sectie_en_minder_gebruikte_ingeklapt(client, mw, dossier):
    melding(dossier, door=mw.mensen["teamlid"])
    client.force_login(mw.mensen["teamlid"])
    html = client.get(dossier.get_absolute_url()).content.decode()
    nav = re.search(r'<nav class="dossier-inhoud".*?</nav>', html, re.S).group(0)
    ankers = re.findall(r'href="#([\w-]+)"', nav)
    assert {"traject", "personen", "netwerk", "gesprekken", "plan", "maatwerk", "zrm", "meldingen",
            "tijdlijn"} <= set(ankers)
    for anker in ankers:  # every link lands on an element of the page
        assert re.search(rf'id="{anker}"', html), anker
    # the meldingen and the timeline are folded, with their heading in the summary; the sections read daily are not
    for anker in ("meldingen", "tijdlijn"):
        assert re.search(rf'<details id="{anker}" class="dossier-blok dossier-blok--ingeklapt">\s*<summary><h2',
                         html), anker
    assert html.count("<h2>Meldingen en casusoverleg</h2>") + html.count(">Meldingen en casusoverleg</h2>") == 1
    assert '<div id="maatwerk" class="dossier-blok">' in html and '<div id="zrm" class="dossier-blok">' in html


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
