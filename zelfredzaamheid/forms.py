"""Forms of the ZRM pages. The fields per domain are built from the catalogue (data), never hard-coded."""

from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zelfredzaamheid.models import Domein, Meting
from zelfredzaamheid.services import NVT

AKKOORD = [("", _("Niet besproken")), ("ja", _("Ja, eens met de scores")), ("nee", _("Nee, niet eens"))]
NAAR_AKKOORD = {"": None, "ja": True, "nee": False}
VAN_AKKOORD = {None: "", True: "ja", False: "nee"}


class MetingForm(forms.Form):
    persoon = forms.ModelChoiceField(queryset=None, label=_("Persoon"), empty_label=None,
                                     error_messages={"invalid_choice": _("Kies een persoon uit dit huishouden.")})
    datum = forms.DateField(label=_("Datum van de meting"),
                            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                            error_messages={"required": _("Vul de datum van de meting in."),
                                            "invalid": _("Vul een geldige datum in (dd-mm-jjjj).")})
    soort = forms.ChoiceField(label=_("Soort meting"), choices=Meting.Soort.choices)
    client_akkoord = forms.ChoiceField(label=_("Is de bewoner het eens met de scores?"), choices=AKKOORD,
                                       required=False, widget=forms.RadioSelect)

    def __init__(self, *args, personen, domeinen, niveaus, meting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.domeinen = domeinen
        self.niveaus = niveaus
        self.fields["persoon"].queryset = personen
        if meting is not None:  # a draft or the measurement being corrected
            self.fields.pop("persoon")
            self.initial.update({"datum": meting.datum, "soort": meting.soort,
                                 "client_akkoord": VAN_AKKOORD[meting.client_akkoord]})
        else:
            self.initial.setdefault("datum", timezone.localdate())
        keuzes = [("", _("Niet gescoord"))] + [(str(s), f"{s} {n}") for s, n in niveaus.items()] + [
            (NVT, _("Niet van toepassing"))]
        for d in domeinen:
            self.fields[f"domein_{d.code}"] = forms.ChoiceField(
                label=d.naam, choices=keuzes, required=False, widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Kies een score van 1 tot en met 5, ‘niet van toepassing’ of "
                                                    "‘niet gescoord’.")})
            self.fields[f"notitie_{d.code}"] = forms.CharField(
                label=_("Toelichting bij %(domein)s") % {"domein": d.naam}, required=False, max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}))
            if meting is not None:
                score = meting.score_van(d)
                self.initial[f"domein_{d.code}"] = (
                    NVT if d.code in meting.niet_van_toepassing else ("" if score is None else str(score)))
                self.initial[f"notitie_{d.code}"] = meting.notities.get(d.code, "")

    def domeinblokken(self):
        """Per domain: the radio buttons, each with the criteria text of its level, and the note field."""
        blokken = []
        for d in self.domeinen:
            criteria = {c.niveau_id: c.tekst for c in d.criteria.all()}
            veld = self[f"domein_{d.code}"]
            opties = [(radio, criteria.get(int(radio.data["value"])) if radio.data["value"] not in ("", NVT)
                       else "") for radio in veld]
            blokken.append({"domein": d, "veld": veld, "opties": opties, "notitie": self[f"notitie_{d.code}"]})
        return blokken

    def antwoorden(self):
        return {d.code: self.cleaned_data.get(f"domein_{d.code}") or None for d in self.domeinen}

    def notities(self):
        return {d.code: self.cleaned_data.get(f"notitie_{d.code}", "") for d in self.domeinen}

    def service_kwargs(self):
        return {
            "datum": self.cleaned_data["datum"],
            "soort": self.cleaned_data["soort"],
            "antwoorden": self.antwoorden(),
            "notities": self.notities(),
            "client_akkoord": NAAR_AKKOORD[self.cleaned_data.get("client_akkoord") or ""],
        }


class CorrectieForm(MetingForm):
    reden = forms.CharField(label=_("Reden van de correctie"), widget=forms.Textarea(attrs={"rows": 2}),
                            max_length=2000, error_messages={"required": _("Geef de reden van de correctie.")})


class DoelDomeinenForm(forms.Form):
    domeinen = forms.ModelMultipleChoiceField(queryset=Domein.objects.none(), required=False,
                                              widget=forms.CheckboxSelectMultiple,
                                              label=_("Aan welke ZRM-domeinen werkt dit doel?"))

    def __init__(self, *args, versie, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domeinen"].queryset = Domein.objects.filter(versie=versie).order_by("volgorde")

    def clean_domeinen(self):
        domeinen = list(self.cleaned_data["domeinen"])
        if len({d.versie_id for d in domeinen}) > 1:
            raise ValidationError(_("Kies domeinen uit één versie van de matrix."))
        return domeinen


def _kwartalen(vandaag, aantal=8):
    """The current quarter and the ``aantal - 1`` before it: [(value "2026-3", label, van, tot)], newest first."""
    jaar, k = vandaag.year, (vandaag.month - 1) // 3 + 1
    uit = []
    for _i in range(aantal):
        van = date(jaar, 3 * k - 2, 1)
        tot = (date(jaar + 1, 1, 1) if k == 4 else date(jaar, 3 * k + 1, 1)) - timedelta(days=1)
        uit.append((f"{jaar}-{k}", _("%(k)se kwartaal %(jaar)s") % {"k": k, "jaar": jaar}, van, tot))
        jaar, k = (jaar - 1, 4) if k == 1 else (jaar, k - 1)
    return uit


class VerdelingForm(forms.Form):
    """Which quarter and which level (gebied or team) the ZRM distribution shows."""

    NIVEAUS = [("gebied", _("Per gebied")), ("team", _("Per team"))]

    periode = forms.ChoiceField(label=_("Kwartaal"), error_messages={
        "invalid_choice": _("Kies een kwartaal uit de lijst.")})
    niveau = forms.ChoiceField(label=_("Niveau"), choices=NIVEAUS, initial="gebied", error_messages={
        "invalid_choice": _("Kies per gebied of per team.")})

    def __init__(self, *args, vandaag=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kwartalen = _kwartalen(vandaag or timezone.localdate())
        self.fields["periode"].choices = [(w, label) for w, label, _van, _tot in self.kwartalen]
        self.fields["periode"].initial = self.kwartalen[0][0]

    def gekozen_periode(self):
        """(van, tot, label) of the chosen quarter."""
        gekozen = self.cleaned_data["periode"]
        return next((van, tot, label) for w, label, van, tot in self.kwartalen if w == gekozen)
