"""Forms: parse input only; the services validate the rules and their errors are put back on the form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common import onderdrukking
from gemeenschap.mantelzorg import ANTWOORDEN, BELASTING_VRAGEN
from gemeenschap.models import (
    CollectieveActiviteit,
    Dagdeel,
    Hulpvraag,
    Klacht,
    Koppeling,
    MantelzorgSteun,
    Vaardigheid,
)
from wijkteams import selectors

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ONBEKENDE_WIJK = {"invalid_choice": _("Onbekende wijk: kies een wijk in uw gemeente.")}


def _vinkjes(keuzes, label, **kwargs):
    return forms.MultipleChoiceField(label=label, choices=keuzes, required=False,
                                     widget=forms.CheckboxSelectMultiple, **kwargs)


class GemeenteFormMixin:
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if "wijk" in self.fields:
            self.fields["wijk"].queryset = selectors.wijken_voor(user).order_by("naam")
        if "gebied" in self.fields:
            self.fields["gebied"].queryset = selectors.gebieden_voor(user).order_by("naam")
        if "team" in self.fields:
            self.fields["team"].queryset = selectors.teams_voor(user).order_by("naam")


class VrijwilligerForm(GemeenteFormMixin, forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=150)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    telefoon = forms.CharField(label=_("Telefoon"), max_length=20, required=False)
    wijk = forms.ModelChoiceField(label=_("Wijk"), queryset=None, error_messages=ONBEKENDE_WIJK)
    interesses = forms.CharField(label=_("Interesses"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    vaardigheden = _vinkjes(Vaardigheid.choices, _("Vaardigheden"))
    beschikbaarheid = _vinkjes(Dagdeel.choices, _("Beschikbaar op"))
    vog_gecontroleerd = forms.BooleanField(label=_("VOG gecontroleerd"), required=False)
    vog_datum = forms.DateField(label=_("Datum VOG"), required=False, widget=DATUM)
    organisatie = forms.CharField(label=_("Vrijwilligersorganisatie"), max_length=150, required=False)
    actief = forms.BooleanField(label=_("Actief"), required=False, initial=True)


class HulpvraagForm(GemeenteFormMixin, forms.Form):
    bron = forms.ChoiceField(label=_("Afkomstig van"), choices=[c for c in Hulpvraag.Bron.choices if c[0] != "plan"])
    aanvrager = forms.CharField(label=_("Aanvrager"), max_length=150, required=False,
                                help_text=_("Naam van de bewoner of partner die de vraag stelt."))
    wijk = forms.ModelChoiceField(label=_("Wijk"), queryset=None, error_messages=ONBEKENDE_WIJK)
    wat = forms.CharField(label=_("Wat is de vraag"), widget=forms.Textarea(attrs={"rows": 3}))
    vaardigheden = _vinkjes(Vaardigheid.choices, _("Gevraagde vaardigheden"))
    wanneer = _vinkjes(Dagdeel.choices, _("Wanneer"))
    hoe_vaak = forms.ChoiceField(label=_("Hoe vaak"), choices=Hulpvraag.Frequentie.choices,
                                 initial=Hulpvraag.Frequentie.WEKELIJKS)
    vog_nodig = forms.BooleanField(label=_("VOG nodig (bijvoorbeeld bij kinderen)"), required=False)


class HulpvraagActieForm(forms.Form):
    """A request for a plan activity: where is the household's wijk, so no wijk field."""

    wat = forms.CharField(label=_("Wat is de vraag"), widget=forms.Textarea(attrs={"rows": 3}))
    vaardigheden = _vinkjes(Vaardigheid.choices, _("Gevraagde vaardigheden"))
    wanneer = _vinkjes(Dagdeel.choices, _("Wanneer"))
    hoe_vaak = forms.ChoiceField(label=_("Hoe vaak"), choices=Hulpvraag.Frequentie.choices,
                                 initial=Hulpvraag.Frequentie.WEKELIJKS)
    vog_nodig = forms.BooleanField(label=_("VOG nodig (bijvoorbeeld bij kinderen)"), required=False)


class KoppelVoorstelForm(forms.Form):
    vrijwilliger = forms.IntegerField(widget=forms.HiddenInput)
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=500)


class KoppelingStapForm(forms.Form):
    naar = forms.ChoiceField(label=_("Stap"), choices=[c for c in Koppeling.Status.choices if c[0] != "voorgesteld"])
    datum = forms.DateField(label=_("Datum"), widget=DATUM)
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=500)


class MantelzorgerForm(forms.Form):
    wie = forms.ChoiceField(label=_("Mantelzorger"))
    zorgt_voor = forms.CharField(label=_("Zorgt voor"), max_length=200)
    uren_per_week = forms.DecimalField(label=_("Uren mantelzorg per week"), max_digits=4, decimal_places=1)
    sinds = forms.DateField(label=_("Sinds"), widget=DATUM)

    def __init__(self, *args, huishouden, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = [(f"p{p.pk}", p.volledige_naam) for p in huishouden.personen.filter(samengevoegd_in__isnull=True)]
        keuzes += [(f"n{n.pk}", _("%(naam)s (netwerk)") % {"naam": n.naam}) for n in huishouden.netwerk.all()]
        self.fields["wie"].choices = keuzes
        self.huishouden = huishouden

    def mantelzorger_kwargs(self):
        wie = self.cleaned_data["wie"]
        if wie.startswith("p"):
            return {"persoon": self.huishouden.personen.get(pk=int(wie[1:]))}
        return {"netwerklid": self.huishouden.netwerk.get(pk=int(wie[1:]))}


class SteunForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort ondersteuning"), choices=MantelzorgSteun.Soort.choices)
    datum = forms.DateField(label=_("Datum"), widget=DATUM)
    toelichting = forms.CharField(label=_("Toelichting"), max_length=300, required=False)


class BelastingcheckForm(forms.Form):
    datum = forms.DateField(label=_("Datum"), widget=DATUM)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, tekst in BELASTING_VRAGEN:
            self.fields[code] = forms.TypedChoiceField(label=tekst, choices=ANTWOORDEN, coerce=int,
                                                       widget=forms.RadioSelect)


class ActiviteitForm(GemeenteFormMixin, forms.Form):
    titel = forms.CharField(label=_("Titel"), max_length=200)
    soort = forms.ChoiceField(label=_("Soort"), choices=CollectieveActiviteit.Soort.choices)
    gebied = forms.ModelChoiceField(label=_("Gebied"), queryset=None, required=False,
                                    help_text=_("Leeg laten als u een wijk kiest."))
    wijk = forms.ModelChoiceField(label=_("Wijk"), queryset=None, required=False, error_messages=ONBEKENDE_WIJK,
                                  help_text=_("Leeg laten als de activiteit voor het hele gebied is."))
    partner = forms.CharField(label=_("Partner"), max_length=150, required=False)
    startdatum = forms.DateField(label=_("Startdatum"), widget=DATUM)
    einddatum = forms.DateField(label=_("Einddatum"), required=False, widget=DATUM)
    bereik = forms.IntegerField(label=_("Bereik (aantal deelnemers, geen namen)"), required=False)
    omschrijving = forms.CharField(label=_("Omschrijving"), widget=forms.Textarea(attrs={"rows": 3}),
                                   required=False)


class ActieActiviteitForm(forms.Form):
    activiteit = forms.ModelChoiceField(label=_("Collectieve activiteit"), queryset=None, required=False,
                                        empty_label=_("— geen —"))

    def __init__(self, *args, activiteiten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activiteit"].queryset = activiteiten


class KlachtForm(GemeenteFormMixin, forms.Form):
    ontvangen_op = forms.DateField(label=_("Ontvangen op"), widget=DATUM)
    team = forms.ModelChoiceField(label=_("Team"), queryset=None, required=False)
    gebied = forms.ModelChoiceField(label=_("Gebied"), queryset=None, required=False)
    onderwerp = forms.CharField(label=_("Onderwerp"), max_length=200)
    huishouden = forms.IntegerField(label=_("Huishouden (nummer, optioneel)"), required=False,
                                    help_text=_("Alleen zichtbaar voor wie dit huishouden mag zien."))
    behandeling = forms.CharField(label=_("Hoe behandeld"), widget=forms.Textarea(attrs={"rows": 2}),
                                  required=False)


class KlachtAfhandelForm(forms.Form):
    naar = forms.ChoiceField(label=_("Nieuwe status"), choices=[c for c in Klacht.Status.choices
                                                               if c[0] != Klacht.Status.ONTVANGEN])
    behandeling = forms.CharField(label=_("Hoe behandeld"), widget=forms.Textarea(attrs={"rows": 3}),
                                  required=False)
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), choices=[("", "—"), *Klacht.Uitkomst.choices], required=False)
    afgehandeld_op = forms.DateField(label=_("Afgehandeld op"), required=False, widget=DATUM)


class ClientervaringForm(GemeenteFormMixin, forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"))
    gebied = forms.ModelChoiceField(label=_("Gebied"), queryset=None, required=False,
                                    empty_label=_("Hele gemeente"))
    vraag = forms.CharField(label=_("Vraag"), max_length=300)
    score = forms.DecimalField(label=_("Score (percentage positief)"), max_digits=5, decimal_places=1)
    respondenten = forms.IntegerField(label=_("Aantal respondenten"), required=False)


class ClientervaringImportForm(forms.Form):
    bestand = forms.FileField(label=_("CSV-bestand"),
                              help_text=_("Kolommen: jaar;gebied;vraag;score;respondenten. Gebied leeg = hele "
                                          "gemeente."))

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("Het bestand is groter dan 2 MB."))
        try:
            return bestand.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("Het bestand is geen tekst in UTF-8 (sla het op als CSV UTF-8)."))


class PeriodeForm(forms.Form):
    van = forms.DateField(label=_("Van"), widget=DATUM)
    tot = forms.DateField(label=_("Tot en met"), widget=DATUM)

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            raise forms.ValidationError(_("De einddatum ligt vóór de startdatum."))
        if data.get("van") and data.get("tot") and not onderdrukking.is_monitorperiode(data["van"], data["tot"]):
            raise forms.ValidationError(onderdrukking.periodefout())
        return data
