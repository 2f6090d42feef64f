"""Who may see monitoring (beleidsmedewerkers and coördinatoren of the gemeente), and that a beleidsmedewerker
never reaches a household page or endpoint (404) and sees aggregates only."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.monitoring.casus import bereken

pytestmark = pytest.mark.django_db

PAGINAS = ["dashboard", "start", "run", "voortgang", "pdf", "csv", "xlsx", "adviesraad", "actie", "vergelijking",
           "importeer", "indicatoren"]
MET_RUN = {"run", "voortgang", "pdf", "csv", "xlsx", "adviesraad", "actie"}


def _url(naam, run):
    return reverse(f"monitoring:{naam}", args=[run.pk] if naam in MET_RUN else [])


@pytest.mark.parametrize(("wie", "verwacht"), [
    ("beleidsmedewerker", 200),
    ("coordinator_eigen_gebied", 200),
    ("coordinator_ander_gebied", 200),
    ("teamlid", 404),
    ("medewerker_ander_team", 404),
    ("lzn", 404),
    ("beheer", 404),
    ("sociaal_makelaar", 404),
    ("bestuurstafel", 404),
    ("medewerker_andere_gemeente", 404),
])
def test_monitoringpaginas_per_rol(client, org, wie, verwacht):
    run = bereken(org)
    client.force_login(org.mensen[wie])
    assert {naam: client.get(_url(naam, run)).status_code for naam in PAGINAS} == dict.fromkeys(PAGINAS, verwacht)


def test_run_van_een_andere_gemeente_is_404(client, org):
    run = bereken(org)
    client.force_login(org.mensen["coordinator_andere_gemeente"])
    assert {naam: client.get(_url(naam, run)).status_code for naam in MET_RUN} == dict.fromkeys(MET_RUN, 404)
    assert client.get(reverse("monitoring:dashboard")).status_code == 200  # but their own page works


def test_gebied_van_een_andere_gemeente_in_de_pdf_url_is_404(client, org):
    run = bereken(org)
    ander_gebied = org.team_ander.gebied
    client.force_login(org.mensen["beleidsmedewerker"])
    assert client.get(reverse("monitoring:pdf", args=[run.pk]) + f"?gebied={ander_gebied.pk}").status_code == 404


def test_api_per_rol(client, org):
    run = bereken(org)
    client.force_login(org.mensen["teamlid"])
    assert client.get("/api/v1/monitor-runs/").json()["results"] == []
    assert client.get(f"/api/v1/monitor-runs/{run.pk}/").status_code == 404
    assert client.get(f"/api/v1/monitor-runs/{run.pk}/waarden/").status_code == 404
    assert client.post("/api/v1/monitor-runs/", {"soort": "kwartaal", "jaar": 2026, "nummer": 1}).status_code == 404
    client.force_login(org.mensen["beleidsmedewerker"])
    assert [r["id"] for r in client.get("/api/v1/monitor-runs/").json()["results"]] == [run.pk]
    fout = client.post("/api/v1/monitor-runs/", {"soort": "kwartaal", "jaar": 2026})
    assert fout.status_code == 400 and "nummer" in fout.json()


def _huishoud_urls(resolver=None, prefix=""):
    """Every URL pattern of the huishoudens app (whatever other helpers add), as (pattern, kwarg names)."""
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "huishoudens" or prefix:
                yield from _huishoud_urls(p, prefix + str(p.pattern))
        elif isinstance(p, URLPattern) and prefix:
            yield prefix + str(p.pattern), list(p.pattern.converters)


def test_beleidsmedewerker_krijgt_404_op_elke_huishoudpagina(client, casus):
    h = casus.huishoudens[1]
    client.force_login(casus.org.mensen["beleidsmedewerker"])
    getest = 0
    for patroon, namen in _huishoud_urls():
        pad = "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(h.pk), patroon)
        antwoord = client.get(pad)
        assert antwoord.status_code in (404, 405), (pad, antwoord.status_code)
        assert "Jansen" not in antwoord.content.decode(errors="ignore"), pad
        getest += 1
    assert getest >= 1
    # the team member working on the household does reach it: the test above would notice a broken URL
    client.force_login(casus.org.mensen["teamlid"])
    from huishoudens import rechten

    rechten.geef_toegang(h, casus.org.team_a.groep, door=None, reden="test: het team werkt aan dit huishouden")
    assert client.get(h.get_absolute_url()).status_code == 200


def test_beleidsmedewerker_krijgt_geen_huishoudens_uit_de_api(client, casus):
    from config.urls import router

    client.force_login(casus.org.mensen["beleidsmedewerker"])
    namen = ("Jansen", "de Vries", "Bakker", "999")
    for prefix, _viewset, _basename in router.registry:
        if prefix.startswith("monitor"):
            continue
        antwoord = client.get(f"/api/v1/{prefix}/")
        inhoud = antwoord.content.decode(errors="ignore")
        assert antwoord.status_code < 500, prefix  # 200 (empty or own), 400, 401, 403, 404, 405
        assert not any(f"Huishouden {n}" in inhoud for n in namen), prefix
        detail = client.get(f"/api/v1/{prefix}/{casus.huishoudens[1].pk}/")
        assert detail.status_code in (403, 404, 405) or "Jansen" not in detail.content.decode(errors="ignore")


def test_monitoring_toont_geen_persoonsgegevens(client, run_k1, casus):
    client.force_login(casus.org.mensen["beleidsmedewerker"])
    for naam in ("dashboard", "run", "vergelijking", "indicatoren"):
        inhoud = client.get(_url(naam, run_k1)).content.decode()
        assert "Jansen" not in inhoud and "Kerkweg" not in inhoud and "2981" not in inhoud, naam
