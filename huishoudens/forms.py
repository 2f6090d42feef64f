"""Forms of the dossier. Labels in Dutch; the services do the real validation."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from common import opmaak
from huishoudens.bsn import valideer_bsn
from huishoudens.models import (
    Actie,
    BestaandeOndersteuning,
    Huishouden,
    Keukentafelgesprek,
    Ladder,
    Leefgebied,
    NetwerkLid,
    Persoon,
    PlanAkkoord,
    Relatie,
    Traject,
    Uitstroom,
)

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ZoekForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), required=False, max_length=100)
    adres = forms.CharField(label=_("Straat"), required=False, max_length=100)
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=7)
    geboortedatum = forms.DateField(label=_("Geboortedatum"), required=False, widget=DATUM)
    bsn = forms.CharField(label=_("BSN"), required=False, max_length=9, validators=[valideer_bsn])

    def is_leeg(self):
        return not any(self.cleaned_data.get(k) for k in self.fields)


class ZoekBestaandForm(forms.Form):
    """Find-before-create: at least a BSN, a name with birth date, or a postcode with house number."""

    bsn = forms.CharField(label=_("BSN"), required=False, max_length=9, validators=[valideer_bsn])
    achternaam = forms.CharField(label=_("Achternaam"), required=False, max_length=150)
    geboortedatum = forms.DateField(label=_("Geboortedatum"), required=False, widget=DATUM)
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=7)
    huisnummer = forms.IntegerField(label=_("Huisnummer"), required=False, min_value=1)

    def clean(self):
        d = super().clean()
        if not (d.get("bsn") or (d.get("achternaam") and d.get("geboortedatum"))
                or (d.get("postcode") and d.get("huisnummer"))):
            raise forms.ValidationError(_("Vul een BSN in, of achternaam en geboortedatum, of postcode en "
                                          "huisnummer."))
        return d


class NieuwHuishoudenForm(forms.ModelForm):
    team = forms.ModelChoiceField(label=_("Team van het traject"), queryset=None)
    voornamen = forms.CharField(label=_("Voornamen eerste persoon"), max_length=150)
    tussenvoegsel = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=150)
    geboortedatum = forms.DateField(label=_("Geboortedatum"), widget=DATUM)
    bsn = forms.CharField(label=_("BSN"), max_length=9, required=False, validators=[valideer_bsn])
    regisseur_worden = forms.BooleanField(label=_("Ik word regisseur van dit huishouden"), required=False)

    class Meta:
        model = Huishouden
        fields = ["naam", "straat", "huisnummer", "toevoeging", "postcode", "woonplaats", "wijk", "samenstelling"]

    def __init__(self, *args, teams, wijken, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.fields["wijk"].queryset = wijken

    def persoon(self):
        d = self.cleaned_data
        return {"voornamen": d["voornamen"], "tussenvoegsel": d["tussenvoegsel"], "achternaam": d["achternaam"],
                "geboortedatum": d["geboortedatum"], "bsn": d["bsn"] or None, "rol": Persoon.Rol.HOOFDBEWONER}


class HuishoudenForm(forms.ModelForm):
    class Meta:
        model = Huishouden
        fields = ["naam", "straat", "huisnummer", "toevoeging", "postcode", "woonplaats", "wijk", "samenstelling"]

    def __init__(self, *args, wijken, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].queryset = wijken


class PersoonForm(forms.ModelForm):
    class Meta:
        model = Persoon
        fields = ["voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "bsn", "rol", "is_mantelzorger",
                  "mantelzorger_voor", "doet_vrijwilligerswerk"]
        widgets = {"geboortedatum": DATUM}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.bsn:
            # Never put a full BSN in the page: it is shown masked; revealing it is a separate, logged action.
            self.initial["bsn"] = ""
            self.fields["bsn"].help_text = _("Huidig BSN: %(bsn)s. Laat leeg om het te behouden.") % {
                "bsn": self.instance.bsn_gemaskeerd}

    def clean_bsn(self):
        nieuw = self.cleaned_data.get("bsn") or None
        if nieuw is None and self.instance.pk:
            return Persoon.objects.filter(pk=self.instance.pk).values_list("bsn", flat=True).first()
        return nieuw


class RelatieForm(forms.Form):
    van = forms.ModelChoiceField(label=_("Persoon"), queryset=Persoon.objects.none())
    soort = forms.ChoiceField(label=_("Relatie"), choices=Relatie.Soort.choices)
    naar = forms.ModelChoiceField(label=_("Met"), queryset=Persoon.objects.none())

    def __init__(self, *args, personen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["van"].queryset = personen
        self.fields["naar"].queryset = personen


class NetwerkLidForm(forms.ModelForm):
    class Meta:
        model = NetwerkLid
        fields = ["naam", "soort", "relatie", "wat_kan", "contact"]
        widgets = {"wat_kan": forms.Textarea(attrs={"rows": 3})}


class OndersteuningForm(forms.ModelForm):
    class Meta:
        model = BestaandeOndersteuning
        fields = ["omschrijving", "aanbieder", "sinds"]
        widgets = {"sinds": DATUM}


class OpenTrajectForm(forms.Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=None)

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams


class NoodtoegangForm(forms.Form):
    reden = forms.CharField(label=_("Waarom moet u dit dossier nu inzien?"), max_length=1000,
                            widget=forms.Textarea(attrs={"rows": 4}))


class StatusForm(forms.Form):
    naar = forms.ChoiceField(label=_("Nieuwe status"), choices=Traject.Status.choices)
    reden = forms.CharField(label=_("Toelichting"), required=False, max_length=500)


class AfsluitForm(forms.Form):
    reden = forms.ChoiceField(label=_("Reden van afsluiten"), choices=[("", "---------")]
                              + list(Traject.Afsluitreden.choices))
    toelichting = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    vervolgdatum = forms.DateField(label=_("Vervolgcontact op (optioneel)"), required=False, widget=DATUM)
    reden_geen_eindmeting = forms.CharField(
        label=_("Reden waarom er geen eindmeting ZRM is"), required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Alleen invullen als er bij het afsluiten geen eindmeting van de zelfredzaamheidsmatrix is."))
    uitstroom_soort = forms.ChoiceField(
        label=_("Uitstroom naar werk of opleiding (optioneel)"), required=False,
        choices=[("", _("Geen uitstroom"))] + list(Uitstroom.Soort.choices),
        help_text=_("Vindt een cliënt bij het afsluiten betaald werk of begint hij een opleiding? De datum is de "
                    "datum van afsluiten."))
    uitstroom_persoon = forms.ModelChoiceField(label=_("Wie stroomt uit?"), required=False,
                                               queryset=Persoon.objects.none())

    def __init__(self, *args, personen=None, **kwargs):
        super().__init__(*args, **kwargs)
        if personen is not None:
            self.fields["uitstroom_persoon"].queryset = personen
        self.fields["uitstroom_persoon"].label_from_instance = lambda p: f"{p.voornamen} {p.achternaam}"

    def clean(self):
        gegevens = super().clean()
        soort, persoon = gegevens.get("uitstroom_soort"), gegevens.get("uitstroom_persoon")
        if soort and persoon is None:
            self.add_error("uitstroom_persoon", _("Kies wie er uitstroomt."))
        elif persoon is not None and not soort:
            self.add_error("uitstroom_soort", _("Kies of de cliënt uitstroomt naar betaald werk of een opleiding."))
        return gegevens

    def service_gegevens(self):
        """The cleaned data as ``sluit_traject_af`` takes it."""
        gegevens = dict(self.cleaned_data)
        soort, persoon = gegevens.pop("uitstroom_soort"), gegevens.pop("uitstroom_persoon")
        gegevens["uitstroom"] = [(persoon, soort)] if soort else []
        return gegevens


class UitstroomForm(forms.Form):
    """Outflow to work or education at the end of an activity of the plan (or of the traject)."""

    persoon = forms.ModelChoiceField(label=_("Wie stroomt uit?"), queryset=Persoon.objects.none())
    soort = forms.ChoiceField(label=_("Uitstroom naar"), choices=[("", "---------")] + list(Uitstroom.Soort.choices))
    datum = forms.DateField(label=_("Datum uitstroom"), widget=DATUM)
    actie = forms.ModelChoiceField(
        label=_("Na de activiteit (optioneel)"), required=False, queryset=Actie.objects.none(),
        help_text=_("Een activiteit die nog loopt, eindigt op de datum van de uitstroom."))

    def __init__(self, *args, personen, acties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persoon"].queryset = personen
        self.fields["persoon"].label_from_instance = lambda p: f"{p.voornamen} {p.achternaam}"
        self.fields["actie"].queryset = acties
        self.fields["actie"].label_from_instance = lambda a: f"{a.omschrijving[:60]} ({a.get_ladder_display()})"


class HeropenForm(forms.Form):
    reden = forms.CharField(label=_("Waarom wordt het traject heropend?"), max_length=500)


class RegisseurForm(forms.Form):
    regisseur = forms.ModelChoiceField(label=_("Nieuwe regisseur"), queryset=get_user_model().objects.none())
    reden = forms.CharField(label=_("Reden (bijvoorbeeld afwezigheid of overdracht)"), max_length=200)

    def __init__(self, *args, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regisseur"].queryset = kandidaten
        self.fields["regisseur"].label_from_instance = lambda u: u.get_full_name() or u.username


class VerplaatsTrajectForm(forms.Form):
    naar_team = forms.ModelChoiceField(label=_("Naar team"), queryset=None,
                                       error_messages={"required": _("Kies het team dat het traject overneemt.")})
    naar_wijk = forms.ModelChoiceField(
        label=_("Nieuwe wijk van het huishouden (alleen bij een verhuizing)"), queryset=None, required=False,
        empty_label=_("Niet verhuisd"))
    reden = forms.CharField(label=_("Reden"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
                            help_text=_("Bijvoorbeeld: er is een kind geboren, het gezin gaat naar het Jeugd- en "
                                        "Gezinsteam."),
                            error_messages={"required": _("Geef aan waarom het traject naar een ander team gaat.")})

    def __init__(self, *args, teams, wijken, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naar_team"].queryset = teams
        self.fields["naar_team"].label_from_instance = lambda t: (
            f"{t.naam} ({t.gebied.naam})" if t.gebied_id else t.naam)
        self.fields["naar_wijk"].queryset = wijken


class BulkOverdrachtForm(forms.Form):
    van = forms.ModelChoiceField(label=_("Regie overdragen van"), queryset=get_user_model().objects.none())
    naar = forms.ModelMultipleChoiceField(label=_("Aan (verdeeld over)"), queryset=get_user_model().objects.none())
    reden = forms.CharField(label=_("Reden"), max_length=200)

    def __init__(self, *args, regisseurs, ontvangers, **kwargs):
        super().__init__(*args, **kwargs)
        for veld, keuzes in (("van", regisseurs), ("naar", ontvangers)):
            self.fields[veld].queryset = keuzes
            self.fields[veld].label_from_instance = lambda u: u.get_full_name() or u.username


class SamenvoegForm(forms.Form):
    behouden = forms.ModelChoiceField(label=_("Behouden persoon"), queryset=Persoon.objects.none())
    samenvoegen = forms.ModelChoiceField(label=_("Samenvoegen in de behouden persoon"),
                                         queryset=Persoon.objects.none())
    reden = forms.CharField(label=_("Reden"), max_length=200)

    def __init__(self, *args, personen, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in ("behouden", "samenvoegen"):
            self.fields[veld].queryset = personen
            self.fields[veld].label_from_instance = (
                lambda p: f"{p.volledige_naam} ({opmaak.datum_nl(p.geboortedatum)}, {p.bsn_gemaskeerd or 'geen BSN'}, "
                          f"{p.huishouden.adres})")


class HuishoudensSamenvoegForm(forms.Form):
    samenvoegen = forms.ModelChoiceField(
        label=_("Dubbel huishouden dat in dit huishouden opgaat"), queryset=Huishouden.objects.none(),
        widget=forms.RadioSelect, empty_label=None,
        error_messages={"required": _("Kies het dubbele huishouden."),
                        "invalid_choice": _("Kies een van de genoemde huishoudens.")})
    reden = forms.CharField(label=_("Reden"), max_length=200,
                            error_messages={"required": _("Vul de reden van het samenvoegen in.")})

    def __init__(self, *args, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["samenvoegen"].queryset = kandidaten
        self.fields["samenvoegen"].label_from_instance = lambda h: f"{h.naam} ({h.adres}, nr. {h.pk})"


# --- keukentafelgesprek -----------------------------------------------------------------------------------

class GesprekForm(forms.ModelForm):
    lock_versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Keukentafelgesprek
        fields = ["datum", "plaats", "deelnemers_huishouden", "deelnemers_netwerk", "deelnemers_professionals",
                  "overige_deelnemers", "eigen_woorden", "afspraken", "clientondersteuning_aangeboden"]
        widgets = {
            "datum": DATUM,
            "deelnemers_huishouden": forms.CheckboxSelectMultiple,
            "deelnemers_netwerk": forms.CheckboxSelectMultiple,
            "deelnemers_professionals": forms.CheckboxSelectMultiple,  # a checkbox list, no Ctrl-click
            "eigen_woorden": forms.Textarea(attrs={"rows": 4}),
            "afspraken": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, huishouden, professionals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deelnemers_huishouden"].queryset = huishouden.personen.filter(samengevoegd_in__isnull=True)
        self.fields["deelnemers_netwerk"].queryset = huishouden.netwerk.all()
        self.fields["deelnemers_professionals"].queryset = professionals
        self.fields["deelnemers_professionals"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["deelnemers_huishouden"].label_from_instance = lambda p: p.volledige_naam
        if self.instance.pk:
            self.fields["lock_versie"].initial = self.instance.lock_versie


class LeefgebiedForm(forms.Form):
    wat_speelt = forms.CharField(label=_("Wat speelt er"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    eigen_kracht = forms.CharField(label=_("Wat kan het huishouden zelf"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 2}))
    netwerk = forms.CharField(label=_("Wat kan het netwerk"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    nodig = forms.CharField(label=_("Wat is nodig"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


def leefgebied_forms(data=None, gesprek=None):
    """One small form per leefgebied, prefixed with its code, filled from the gesprek when editing."""
    bestaand = {g.leefgebied: g for g in gesprek.leefgebieden.all()} if gesprek and gesprek.pk else {}
    uitkomst = []
    for waarde, label in Leefgebied.choices:
        g = bestaand.get(waarde)
        initial = {k: getattr(g, k) for k in ("wat_speelt", "eigen_kracht", "netwerk", "nodig")} if g else {}
        uitkomst.append((waarde, label, LeefgebiedForm(data, prefix=f"lg-{waarde}", initial=initial)))
    return uitkomst


# --- plan ---------------------------------------------------------------------------------------------

class LockForm(forms.Form):
    lock_versie = forms.IntegerField(widget=forms.HiddenInput)


class PlanForm(LockForm):
    inzet_netwerk = forms.CharField(label=_("Hoe het netwerk wordt ingezet"), required=False,
                                    widget=forms.Textarea(attrs={"rows": 3}))
    volgende_evaluatie = forms.DateField(label=_("Volgende evaluatie"), required=False, widget=DATUM)


class DoelForm(LockForm):
    leefgebied = forms.ChoiceField(label=_("Leefgebied"), choices=Leefgebied.choices)
    omschrijving = forms.CharField(label=_("Doel"), widget=forms.Textarea(attrs={"rows": 2}))
    resultaat = forms.CharField(label=_("Concreet resultaat"), required=False,
                                widget=forms.Textarea(attrs={"rows": 2}))


class ActieForm(LockForm):
    doel = forms.ModelChoiceField(label=_("Bij doel"), queryset=None)
    omschrijving = forms.CharField(label=_("Activiteit"), widget=forms.Textarea(attrs={"rows": 2}))
    ladder = forms.ChoiceField(label=_("Trede op de ladder"), choices=Ladder.choices)
    wie = forms.CharField(label=_("Wie doet het"), max_length=200)
    aanbod = forms.ModelChoiceField(label=_("Aanbod uit de sociale kaart (optioneel)"), queryset=None,
                                    required=False)
    start = forms.DateField(label=_("Start"), required=False, widget=DATUM)
    eind = forms.DateField(label=_("Eind"), required=False, widget=DATUM)

    def __init__(self, *args, plan, aanbod, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doel"].queryset = plan.doelen.all()
        self.fields["doel"].empty_label = None  # a plan with goals: the first goal is preselected
        self.fields["aanbod"].queryset = aanbod
        self.fields["aanbod"].label_from_instance = lambda a: f"{a.naam} ({a.get_soort_display()})"

    def clean(self):
        d = super().clean()
        if d.get("start") and d.get("eind") and d["eind"] < d["start"]:
            self.add_error("eind", _("De einddatum ligt vóór de startdatum."))
        return d


class AkkoordForm(LockForm):
    persoon = forms.ModelChoiceField(label=_("Lid van het huishouden"), queryset=None)
    datum = forms.DateField(label=_("Datum van akkoord"), widget=DATUM)
    wijze = forms.ChoiceField(label=_("Hoe"), choices=PlanAkkoord.Wijze.choices)
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=200)

    def __init__(self, *args, personen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persoon"].queryset = personen
        self.fields["persoon"].label_from_instance = lambda p: p.volledige_naam


class EvaluatieForm(LockForm):
    gepland_op = forms.DateField(label=_("Gepland op"), widget=DATUM)
    uitgevoerd_op = forms.DateField(label=_("Uitgevoerd op"), required=False, widget=DATUM)
    verslag = forms.CharField(label=_("Verslag"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ZorgenKindveiligheidForm(forms.Form):
    reden = forms.CharField(
        label=_("Welke zorgen zijn er over de veiligheid van een kind?"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("De banner verschijnt op elke pagina van het huishouden en in elke werkvoorraad. Alleen de "
                    "coördinator van het gebied kan hem met een besluit weghalen."),
        error_messages={"required": _("Beschrijf de zorgen over de veiligheid van het kind.")})


class OpheffenKindveiligheidForm(forms.Form):
    besluit = forms.CharField(
        label=_("Besluit: waarom zijn de zorgen weggenomen?"), widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Leg het besluit vast waarom de zorgen zijn weggenomen.")})
