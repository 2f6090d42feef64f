import pytest
from django import forms
from django.core.exceptions import ValidationError

from common.csv_import import MAX_BYTES, lees_csv

KOLOMMEN = ("naam", "aantal", "opmerking")


class RegelForm(forms.Form):
    naam = forms.CharField()
    aantal = forms.IntegerField(min_value=0, error_messages={"invalid": "Geen getal."})
    opmerking = forms.CharField(required=False)

    def __init__(self, *args, verboden, **kwargs):
        super().__init__(*args, **kwargs)
        self.verboden = verboden

    def clean(self):
        d = super().clean()
        if d.get("naam") == self.verboden:
            raise forms.ValidationError("Deze naam mag niet.")
        return d


def _lees(tekst, **kwargs):
    return lees_csv(tekst, RegelForm, kolommen=KOLOMMEN, verplicht=KOLOMMEN[:2], form_kwargs={"verboden": "X"},
                    **kwargs)


def test_geldige_regels_komen_schoon_terug_in_elke_kolomvolgorde_en_scheiding():
    assert _lees("Aantal;Naam\n3;Jan\n\n4;Piet\n") == [
        {"naam": "Jan", "aantal": 3, "opmerking": ""}, {"naam": "Piet", "aantal": 4, "opmerking": ""}]
    assert _lees("\ufeffnaam,aantal,opmerking\nJan,3,prima\n".encode()) == [
        {"naam": "Jan", "aantal": 3, "opmerking": "prima"}]


def test_alle_fouten_met_regelnummer_en_niets_terug():
    with pytest.raises(ValidationError) as fout:
        _lees("naam;aantal\nJan;3\n;abc\n\nX;1\n")
    assert fout.value.messages == [
        "Regel 3, naam: Dit veld is vereist.", "Regel 3, aantal: Geen getal.", "Regel 5: Deze naam mag niet."]


def test_dubbele_sleutel_en_leeg_bestand():
    with pytest.raises(ValidationError) as fout:
        _lees("naam;aantal\nJan;3\nJan;4\n", sleutel=lambda d: d["naam"], dubbel="staat er al.")
    assert fout.value.messages == ["Regel 3: staat er al."]
    with pytest.raises(ValidationError) as fout:
        _lees("naam;aantal\n", leeg="Geen regels.")
    assert fout.value.messages == ["Geen regels."]


def test_kop_grootte_en_codering():
    with pytest.raises(ValidationError, match=r"De eerste regel moet de kolommen bevatten: .*\(ontbreekt: aantal\)"):
        _lees("naam;iets\nJan;3\n")
    with pytest.raises(ValidationError, match="groter dan 2 MB"):
        _lees(b"naam;aantal\n" + b"x" * MAX_BYTES)
    with pytest.raises(ValidationError, match="UTF-8"):
        _lees("naam;aantal\n".encode("utf-16"))
