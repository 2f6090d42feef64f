"""Retention that forgets: after destruction no free text of the household remains in any table, no permission
row remains, a household that came back is skipped, and monitor figures computed before stay the same.

The anonymisers declare what they do with every free-text field (``VELDEN``) and which models hold no household
data (``GEEN_HUISHOUDGEGEVENS``); a model or text field that is in neither list fails here.
"""

from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from bewaring import services
from gemeenschap import anonimiseren as gemeenschap_anon
from huishoudens import anonimiseren as huishoudens_anon
from huishoudens.models import Huishouden, HuishoudenGroupObjectPermission, HuishoudenUserObjectPermission, Traject
from monitoring.models import IndicatorWaarde
from toegang.maatwerk import anonimiseren as maatwerk_anon
from toegang.melding import anonimiseren as melding_anon
from zelfredzaamheid import anonimiseren as zrm_anon

ANONIMISEERDERS = {"huishoudens": [huishoudens_anon], "toegang": [melding_anon, maatwerk_anon],
                   "zelfredzaamheid": [zrm_anon], "gemeenschap": [gemeenschap_anon]}
TEKST = (models.CharField, models.TextField, models.JSONField, models.FileField)


def _vrije_tekst(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, TEKST) and not f.choices]


def _verklaard(app):
    velden, geen = {}, {}
    for module in ANONIMISEERDERS[app]:
        velden.update(module.VELDEN)
        geen.update(module.GEEN_HUISHOUDGEGEVENS)
    return velden, geen


@pytest.mark.parametrize("app", sorted(ANONIMISEERDERS))
def test_elk_model_en_elk_tekstveld_staat_in_de_anonimiseerder(app):
    velden, geen = _verklaard(app)
    for model in apps.get_app_config(app).get_models():
        label = model._meta.label
        assert (label in velden) != (label in geen), f"{label}: noem het in VELDEN of in GEEN_HUISHOUDGEGEVENS"
        if label in velden:
            ontbreekt = {f.name for f in _vrije_tekst(model)} - set(velden[label])
            assert not ontbreekt, f"{label}: wat doet de bewaring met {sorted(ontbreekt)}?"
            assert set(velden[label]) <= {f.name for f in model._meta.concrete_fields}, label


def _bewaard(model, veld):
    velden, _ = _verklaard(model._meta.app_label) if model._meta.app_label in ANONIMISEERDERS else ({}, {})
    return str(velden.get(model._meta.label, {}).get(veld, "")).startswith("blijft")


def _rijen_van(huishouden_ids):
    """Every row that points (directly or through other rows) at these households, per model: {model: pks}."""
    gevonden = {Huishouden: set(huishouden_ids)}
    nieuw = dict(gevonden)
    while nieuw:
        volgende = {}
        for model, pks in nieuw.items():
            for rel in model._meta.related_objects:
                doel = rel.related_model
                if doel._meta.app_label in ("guardian", "audit") or rel.many_to_many:
                    continue
                rijen = set(doel._default_manager.filter(**{f"{rel.field.name}__in": pks}).values_list("pk", flat=True))
                rijen -= gevonden.get(doel, set())
                if rijen:
                    volgende.setdefault(doel, set()).update(rijen)
        for model, pks in volgende.items():
            gevonden.setdefault(model, set()).update(pks)
        nieuw = volgende
    return gevonden


def _teksten(rijen):
    """{(model, field): values} of the non-empty free-text values in these rows."""
    uit = {}
    for model, pks in rijen.items():
        for veld in _vrije_tekst(model):
            waarden = [w for w in model._default_manager.filter(pk__in=pks).values_list(veld.name, flat=True)
                       if w not in (None, "", {}, [], huishoudens_anon.WEG)]
            if waarden:
                uit[(model, veld.name)] = waarden
    return uit


# fields that identify a person: their values are looked for in every table afterwards
IDENTIFICEREND = {"huishoudens.Huishouden": ("naam", "straat"), "huishoudens.Persoon": ("achternaam", "bsn"),
                  "huishoudens.NetwerkLid": ("naam", "contact"), "toegang.Melding": ("melder_naam", "melder_contact"),
                  "gemeenschap.Hulpvraag": ("aanvrager",)}


def _identificerend(teksten):
    return {w for (model, veld), waarden in teksten.items() if veld in IDENTIFICEREND.get(model._meta.label, ())
            for w in waarden if isinstance(w, str) and len(w) >= 5}


def _overal(tekst):
    """Which rows of any model of any app still hold this text (a scan of every table's text fields)."""
    treffers = []
    for model in apps.get_models():
        if model._meta.app_label in ("audit", "contenttypes", "auth", "sessions", "admin") or model._meta.proxy:
            continue
        velden = [f.name for f in model._meta.concrete_fields if isinstance(f, (models.CharField, models.TextField))]
        if not velden:
            continue
        filter_ = models.Q()
        for veld in velden:
            filter_ |= models.Q(**{f"{veld}__contains": tekst})
        treffers += [(model._meta.label, pk) for pk in model._default_manager.filter(filter_).values_list("pk",
                                                                                                       flat=True)]
    return treffers


def _maak_verlopen(huishouden):
    Traject.objects.filter(huishouden=huishouden).update(status=Traject.Status.AFGESLOTEN,
                                                         afgesloten_op=date(2001, 1, 1),
                                                         afsluitreden=Traject.Afsluitreden.DOELEN_BEREIKT)


def _monitorcijfers():
    return list(IndicatorWaarde.objects.order_by("pk").values_list("pk", "run_id", "teller", "noemer", "categorie"))


@pytest.mark.django_db
def test_na_vernietiging_is_de_vrije_tekst_overal_weg(django_capture_on_commit_callbacks):
    call_command("demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    # the richest demo households of Ridderkerk: most rows pointing at them
    kandidaten = Huishouden.objects.filter(gemeente__cbs_code="0597").annotate(
        n=models.Count("trajecten__gesprekken", distinct=True) + models.Count("personen", distinct=True)
    ).order_by("-n", "pk")
    weg, terug = kandidaten[0], kandidaten[1]
    for h in (weg, terug):
        _maak_verlopen(h)
    rijen = _rijen_van([weg.pk])
    voor = _teksten(rijen)
    assert len(rijen) >= 8 and len(voor) >= 10, "de demo geeft dit huishouden te weinig om te bewijzen"
    eigen = {(m._meta.label, pk) for m, pks in rijen.items() for pk in pks}
    # identifying texts found only in this household's rows (a street name may be shared with neighbours)
    uniek = {t for t in _identificerend(voor) if set(_overal(t)) <= eigen}
    assert len(uniek) >= 3, uniek
    monitor = _monitorcijfers()
    assert monitor, "de demo berekent monitorcijfers"
    assert HuishoudenGroupObjectPermission.objects.filter(content_object=weg).exists()

    from django.contrib.auth.models import User
    beheerder = User.objects.get(username="beheer")
    lijst = services.stel_lijst_op(gemeente=weg.gemeente, door=beheerder)
    assert {weg.pk, terug.pk} <= set(lijst.regels.values_list("huishouden_id", flat=True))
    with django_capture_on_commit_callbacks():
        services.bevestig_lijst(lijst=lijst, door=beheerder)
    # after confirmation one household comes back: a new traject (a new melding/request counts the same)
    Traject.objects.create(huishouden=terug, team=Traject.objects.filter(huishouden=terug).first().team,
                           gebied=Traject.objects.filter(huishouden=terug).first().gebied,
                           aangemeld_op=timezone.localdate())
    terug_naam = Huishouden.objects.get(pk=terug.pk).naam
    services.voer_vernietiging_uit(lijst_id=lijst.pk)

    # 1. no free text of the household remains in its own rows (only fields declared "blijft")...
    na = _teksten(_rijen_van([weg.pk]))
    over = {(m._meta.label, v): w for (m, v), w in na.items() if not _bewaard(m, v)}
    assert not over, over
    # ...nor anywhere else in any table
    for tekst in sorted(uniek):
        assert not _overal(tekst), (tekst, _overal(tekst))
    # 2. no permission rows remain
    assert not HuishoudenUserObjectPermission.objects.filter(content_object_id=weg.pk).exists()
    assert not HuishoudenGroupObjectPermission.objects.filter(content_object_id=weg.pk).exists()
    # 3. the household that came back is skipped, and reported on the list
    assert Huishouden.objects.get(pk=terug.pk).naam == terug_naam
    regel = lijst.regels.get(huishouden_id=terug.pk)
    assert regel.uitgevoerd_op is None and "traject" in regel.overgeslagen
    assert lijst.regels.get(huishouden_id=weg.pk).uitgevoerd_op is not None
    from django.test import Client
    client = Client()
    client.force_login(beheerder)
    pagina = client.get(f"/bewaring/{lijst.pk}/").content.decode()
    assert "Overgeslagen" in pagina and "weer actief" in pagina
    # 4. monitor figures computed before stay as they were
    assert _monitorcijfers() == monitor
