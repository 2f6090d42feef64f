"""Retention that forgets: after destruction no free text of the household remains in any table, no permission
row remains, a household that came back is skipped, and monitor figures computed before stay the same.

The anonymisers declare what they do with every free-text field (``VELDEN``) and which models hold no household
data (``GEEN_HUISHOUDGEGEVENS``); a model or text field that is in neither list fails here.
"""

from datetime import date

import pytest
from django.apps import apps
from django.db import models

from gemeenschap import anonimiseren as gemeenschap_anon
from huishoudens import anonimiseren as huishoudens_anon
from huishoudens.models import Huishouden, Traject
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
