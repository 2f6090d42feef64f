"""The public doors give nothing away: the resident form and the partner API answer the same for a known and an
unknown address (apart from the receipt number), never attach the question to an existing household, and are
rate-limited per real client address (behind trusted proxies) with a Dutch 429. A professional links the melding
in the werkvoorraad, with the duplicate suggestions; nobody else can."""

import re
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.utils import timezone
from rest_framework.test import APIClient

from huishoudens.models import Huishouden, Traject
from tests.toegang_melding.factories import maak_huishouden, maak_partner, melding
from tests.toegang_melding.test_inwoners import _ip, vraag
from tests.toegang_melding.test_partner_api import URL, client_met, geldig
from toegang.melding import services
from toegang.models import Melding

pytestmark = pytest.mark.django_db
NUMMER = re.compile(rb"M-\d{4}-\d{6}")


@pytest.fixture
def bekend(org, cat):
    """A household with an open traject and a regisseur at 2981 AB 3 (the address the tests ask about)."""
    h = maak_huishouden(org.wijk_a, huisnummer=3, postcode="2981 AB", naam="Huishouden Geheim")
    m = melding(h, leefgebieden=["financien", "huisvesting"])
    services.pak_melding_op(melding=m, door=org.mensen["teamlid"])
    mail.outbox.clear()
    return h


def _zonder_nummer(inhoud):
    return NUMMER.sub(b"M-XXXX-XXXXXX", inhoud)


def _vaste_klok(monkeypatch):
    moment = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_formulier_zelfde_antwoord_voor_bekend_en_onbekend_adres(client, org, bekend, monkeypatch):
    _vaste_klok(monkeypatch)
    huishoudens, trajecten = Huishouden.objects.count(), Traject.objects.count()
    bekend_antwoord = client.post("/toegang/inwoners/vraag/", vraag(huisnummer="3"), REMOTE_ADDR=_ip())
    onbekend_antwoord = client.post("/toegang/inwoners/vraag/", vraag(huisnummer="77"), REMOTE_ADDR=_ip())
    assert bekend_antwoord.status_code == onbekend_antwoord.status_code == 200
    assert NUMMER.search(bekend_antwoord.content) and NUMMER.search(onbekend_antwoord.content)
    assert _zonder_nummer(bekend_antwoord.content) == _zonder_nummer(onbekend_antwoord.content)
    def koppen(antwoord):  # Expires: the wall-clock second (never_cache); X-Request-ID: new for every request
        return sorted((k, v) for k, v in antwoord.headers.items() if k not in ("Expires", "X-Request-ID"))

    assert koppen(bekend_antwoord) == koppen(onbekend_antwoord)
    # nothing attached, nothing made, nobody mailed
    nieuw = Melding.objects.filter(huishouden__isnull=True)
    assert nieuw.count() == 2 and not nieuw.exclude(traject__isnull=True).exists()
    assert (Huishouden.objects.count(), Traject.objects.count()) == (huishoudens, trajecten)
    assert bekend.meldingen.count() == 1 and mail.outbox == []


def test_partner_api_zelfde_antwoord_voor_bekend_en_onbekend_adres(org, bekend, monkeypatch):
    _vaste_klok(monkeypatch)
    partner = maak_partner(org.gemeente)
    _, sleutel = services.maak_partner_token(organisatie=partner, naam="Praktijksysteem")
    c = client_met(sleutel)
    huishoudens = Huishouden.objects.count()
    a = c.post(URL, geldig(huisnummer=3), format="json", REMOTE_ADDR=_ip())
    b = c.post(URL, geldig(huisnummer=77, straat="", woonplaats=""), format="json", REMOTE_ADDR=_ip())
    assert a.status_code == b.status_code == 201
    assert _zonder_nummer(a.content) == _zonder_nummer(b.content)
    assert a.json()["status"] == "ontvangen" and "in_behandeling" not in a.content.decode()
    for antwoord in (a, b):
        gelezen = c.get(f"{URL}{antwoord.json()['ontvangstnummer']}/", REMOTE_ADDR=_ip())
        assert gelezen.json()["status"] == "ontvangen"
    assert Huishouden.objects.count() == huishoudens and bekend.meldingen.count() == 1 and mail.outbox == []


def test_professional_koppelt_met_de_dubbelsuggesties(client, org, bekend):
    client.post("/toegang/inwoners/vraag/", vraag(huisnummer="3"), REMOTE_ADDR=_ip())
    m = Melding.objects.latest("id")
    client.force_login(org.mensen["teamlid"])
    pagina = client.get(m.get_absolute_url())
    assert pagina.status_code == 200
    inhoud = pagina.content.decode()
    assert "Koppelen aan een huishouden" in inhoud and "Huishouden Geheim" in inhoud
    antwoord = client.post(f"/toegang/meldingen/{m.pk}/koppelen/", {"huishouden": str(bekend.pk)})
    assert antwoord.status_code == 302
    m.refresh_from_db()
    assert m.huishouden == bekend and m.traject == Traject.objects.get(huishouden=bekend)
    assert m.status == Melding.Status.GEKOPPELD and m.behandelaar == org.mensen["teamlid"]


def test_koppelen_nieuw_huishouden_op_het_opgegeven_adres(client, org, cat):
    client.post("/toegang/inwoners/vraag/", vraag(huisnummer="91"), REMOTE_ADDR=_ip())
    m = Melding.objects.latest("id")
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    assert client.post(f"/toegang/meldingen/{m.pk}/koppelen/", {"huishouden": "nieuw"}).status_code == 302
    m.refresh_from_db()
    assert m.huishouden.huisnummer == 91 and m.huishouden.straat == "Kerkweg"


def test_koppelen_alleen_door_het_team_en_alleen_aan_een_suggestie(client, org, bekend):
    ander = maak_huishouden(org.wijk_b, huisnummer=8, postcode="2983 CD", naam="Huishouden Elders")
    client.post("/toegang/inwoners/vraag/", vraag(huisnummer="3"), REMOTE_ADDR=_ip())
    m = Melding.objects.latest("id")
    client.force_login(org.mensen["medewerker_ander_team"])
    assert client.post(f"/toegang/meldingen/{m.pk}/koppelen/", {"huishouden": str(bekend.pk)}).status_code == 404
    client.force_login(org.mensen["medewerker_andere_gemeente"])
    assert client.post(f"/toegang/meldingen/{m.pk}/koppelen/", {"huishouden": str(bekend.pk)}).status_code == 404
    client.force_login(org.mensen["teamlid"])
    # a household that is not at the given address cannot be chosen by its id
    antwoord = client.post(f"/toegang/meldingen/{m.pk}/koppelen/", {"huishouden": str(ander.pk)})
    assert antwoord.status_code == 400
    m.refresh_from_db()
    assert m.huishouden is None
    # and a public melding cannot be picked up before it is linked
    with pytest.raises(Exception, match="eerst aan een huishouden"):
        services.pak_melding_op(melding=m, door=org.mensen["teamlid"])


def _tarief(settings, scope, tarief):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], scope: tarief}}


def test_limiet_per_echte_client_achter_de_proxy(client, org, cat, settings):
    _tarief(settings, "inwoner_vraag", "2/hour")
    settings.VERTROUWDE_PROXIES = 1
    proxy, echt, ander = _ip(), _ip(), _ip()
    for _ in range(2):
        antwoord = client.post("/toegang/inwoners/vraag/", vraag(), REMOTE_ADDR=proxy,
                               HTTP_X_FORWARDED_FOR=echt)
        assert antwoord.status_code == 200
    # the same client, a forged address in front: still the same bucket (the proxy's own entry counts)
    antwoord = client.post("/toegang/inwoners/vraag/", vraag(), REMOTE_ADDR=proxy,
                           HTTP_X_FORWARDED_FOR=f"198.51.100.1, {echt}")
    assert antwoord.status_code == 429 and "te veel aanvragen" in antwoord.content.decode()
    # another client behind the same proxy is not blocked
    antwoord = client.post("/toegang/inwoners/vraag/", vraag(), REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=ander)
    assert antwoord.status_code == 200


@pytest.mark.parametrize("proxies", [0, 2])
def test_een_zelf_gestuurd_forwarded_adres_is_geen_nieuwe_client(client, org, cat, settings, proxies):
    """No proxy trusted (the default), or a header shorter than the trusted proxies (so not written by them): the
    request's own address counts, whatever X-Forwarded-For says. With two proxies DRF's own reading took the
    header's leftmost address, which the client wrote, and every request with a new one got a fresh count."""
    _tarief(settings, "inwoner_vraag", "2/hour")
    settings.VERTROUWDE_PROXIES = proxies
    adres = _ip()
    statussen = [client.post("/toegang/inwoners/vraag/", vraag(), REMOTE_ADDR=adres,
                             HTTP_X_FORWARDED_FOR=_ip()).status_code for _ in range(3)]
    assert statussen == [200, 200, 429]


def test_partner_api_429_in_het_nederlands_ook_met_foute_sleutel(org, cat, settings):
    _tarief(settings, "partner", "2/hour")
    c, ip = client_met("geraden-sleutel"), _ip()
    assert [c.get(URL, REMOTE_ADDR=ip).status_code for _ in range(2)] == [401, 401]
    antwoord = c.get(URL, REMOTE_ADDR=ip)
    assert antwoord.status_code == 429 and int(antwoord["Retry-After"]) > 0
    assert "Te veel verzoeken" in antwoord.json()["detail"]


def test_publiek_throttle_op_anonieme_api(org, settings):
    _tarief(settings, "publiek", "2/hour")
    c, ip = APIClient(), _ip()
    assert [c.get("/api/schema/", REMOTE_ADDR=ip).status_code for _ in range(2)] == [200, 200]
    antwoord = c.get("/api/schema/", REMOTE_ADDR=ip)
    assert antwoord.status_code == 429 and "Te veel verzoeken" in antwoord.content.decode()
    c.force_authenticate(org.mensen["teamlid"])
    assert c.get("/api/schema/", REMOTE_ADDR=ip).status_code == 200


def test_sociale_kaart_en_postcode_zoeken_zijn_begrensd(client, org, cat, settings):
    _tarief(settings, "inwoner_zoeken", "1/hour")
    ip = _ip()
    assert client.get("/toegang/inwoners/sociale-kaart/", REMOTE_ADDR=ip).status_code == 200
    antwoord = client.get("/toegang/inwoners/sociale-kaart/", REMOTE_ADDR=ip)
    assert antwoord.status_code == 429 and "Even geduld" in antwoord.content.decode()
