"""Forms for opschaling pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.formulieren import DatumInput
from toegang.models import BeleidsSignaal, OpschalingDoel


class OpschalingForm(forms.Form):
    doel = forms.ModelChoiceField(label=_("Opschalen naar"), queryset=OpschalingDoel.objects.none())
    reden = forms.CharField(label=_("Reden van opschaling"), widget=forms.Textarea(attrs={"rows": 4}))
    geprobeerd = forms.CharField(label=_("Wat heeft het team al geprobeerd?"), widget=forms.Textarea(attrs={"rows": 4}))
    kindveiligheid = forms.BooleanField(label=_("Er zijn zorgen over de veiligheid van een kind"), required=False)

    def __init__(self, *args, doelen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doel"].queryset = doelen
        self.fields["doel"].label_from_instance = lambda d: f"{d.naam} ({d.leeftijd_omschrijving})"


class BehandelenForm(forms.Form):
    overlegdatum = forms.DateField(label=_("Datum overleg"), required=False, widget=DatumInput())


class BesluitOpschalingForm(forms.Form):
    besluit = forms.CharField(label=_("Besluit van het overleg"), widget=forms.Textarea(attrs={"rows": 3}))
    overlegdatum = forms.DateField(label=_("Datum overleg"), required=False, widget=DatumInput())


class AfschalenForm(forms.Form):
    instructies = forms.CharField(label=_("Instructies voor het team"), widget=forms.Textarea(attrs={"rows": 3}))
    uitkomst = forms.CharField(label=_("Uitkomst"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AfsluitenForm(forms.Form):
    uitkomst = forms.CharField(label=_("Uitkomst"), widget=forms.Textarea(attrs={"rows": 3}))


class SamenvattingForm(forms.Form):
    samenvatting = forms.CharField(
        label=_("Casusbeschrijving voor de bestuurstafel"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Zonder namen, BSN, adres of andere gegevens waarmee iemand herkenbaar is."))


class SignaalForm(forms.Form):
    thema = forms.ChoiceField(label=_("Thema"), choices=BeleidsSignaal.Thema.choices)
    omschrijving = forms.CharField(label=_("Structureel probleem"), widget=forms.Textarea(attrs={"rows": 3}))
    aanbeveling = forms.CharField(label=_("Aanbeveling"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
