from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework import exceptions

from common.fouten import als_api_fout, fouten_naar_form, foutvelden


class Form(forms.Form):
    datum = forms.DateField(required=False)


def test_foutvelden_per_veld_onbekend_veld_en_hernoemen():
    fout = ValidationError({"datum": "Te vroeg.", "domein_werk": "Kies een score.", "__all__": "Algemeen."})
    assert foutvelden(fout, velden={"datum"}) == {"datum": ["Te vroeg."],
                                                  "non_field_errors": ["Kies een score.", "Algemeen."]}
    hernoemd = foutvelden(fout, hernoem=lambda v: "scores" if v.startswith("domein_") else v)
    assert hernoemd == {"datum": ["Te vroeg."], "scores": ["Kies een score."], "non_field_errors": ["Algemeen."]}
    assert foutvelden(ValidationError("Los.")) == {"non_field_errors": ["Los."]}


def test_fouten_naar_form():
    form = Form(data={})
    assert form.is_valid()
    fouten_naar_form(form, ValidationError({"datum": "Te vroeg.", "elders": "Niet op het formulier."}))
    assert form.errors == {"datum": ["Te vroeg."], "__all__": ["Niet op het formulier."]}
    form = Form(data={})
    form.is_valid()
    fouten_naar_form(form, PermissionDenied("Dat mag u niet."))
    assert form.non_field_errors() == ["Dat mag u niet."]


def test_als_api_fout():
    fout = als_api_fout(ValidationError({"datum": "Te vroeg."}))
    assert isinstance(fout, exceptions.ValidationError) and fout.detail == {"datum": ["Te vroeg."]}
    fout = als_api_fout(PermissionDenied("Nee."))
    assert isinstance(fout, exceptions.PermissionDenied) and fout.detail == "Nee."
