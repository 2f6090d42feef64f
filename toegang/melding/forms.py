"""Forms of the melding part (staff and residents). Catalogues come from the user's gemeente."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.formulieren import DatumInput, SnelleKeuzelijst
from huishoudens.bsn import valideer_bsn
from huishoudens.models import Leefgebied
from toegang.melding.termijnen import Termijnstatus
from toegang.models import Melding
from wijkteams.models import Kanaal, Organisatie, SignaalgeverType, Wijk

POSTCODE_ATTRS = {"autocomplete": "postal-code", "pattern": r"[1-9][0-9]{3}\s?[A-Za-z]{2}", "size": 8}


class AdresVelden(forms.Form):
    postcode = forms.CharField(label=_("Postcode"), max_length=7, widget=forms.TextInput(attrs=POSTCODE_ATTRS))
    huisnummer = forms.IntegerField(label=_("Huisnummer"), min_value=1, max_value=99999)
    toevoeging = forms.CharField(label=_("Toevoeging"), max_length=10, required=False)
    straat = forms.CharField(label=_("Straat"), max_length=150, required=False,
                             help_text=_("Alleen nodig als het adres nog niet bekend is."))
    woonplaats = forms.CharField(label=_("Woonplaats"), max_length=100, required=False)
    naam = forms.CharField(label=_("Achternaam van de inwoner"), max_length=100, required=False)


class MeldingForm(AdresVelden):
    signaalgever_type = forms.ModelChoiceField(label=_("Wie meldt"), queryset=SignaalgeverType.objects.none())
    signaalgever_organisatie = forms.ModelChoiceField(label=_("Signalerende organisatie"), required=False,
                                                      queryset=Organisatie.objects.none())
    melder_naam = forms.CharField(label=_("Naam melder"), max_length=150, required=False)
    melder_contact = forms.CharField(label=_("Telefoon of e-mail melder"), max_length=150, required=False)
    kanaal = forms.ModelChoiceField(label=_("Kanaal"), queryset=Kanaal.objects.none())
    ontvangen_op = forms.DateTimeField(label=_("Ontvangen op"), widget=forms.DateTimeInput(
        attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    wijk = forms.ModelChoiceField(label=_("Wijk"), required=False, queryset=Wijk.objects.none(),
                                  help_text=_("Leeg: de wijk volgt uit de postcode."))
    kinderen_gemeld = forms.BooleanField(label=_("Er wonen kinderen onder 18 in het huishouden"), required=False)
    vraag = forms.CharField(label=_("De vraag in de woorden van de melder"), max_length=4000,
                            widget=forms.Textarea(attrs={"rows": 5}))
    leefgebieden = forms.MultipleChoiceField(label=_("Leefgebieden"), choices=Leefgebied.choices,
                                             widget=forms.CheckboxSelectMultiple)
    urgentie = forms.ChoiceField(label=_("Urgentie"), choices=Melding.Urgentie.choices,
                                 initial=Melding.Urgentie.NORMAAL)
    toestemming = forms.BooleanField(label=_("De inwoner geeft toestemming"), required=False)
    geen_toestemming_reden = forms.CharField(label=_("Waarom is er geen toestemming?"), max_length=1000,
                                             required=False, widget=forms.Textarea(attrs={"rows": 2}))
    zelf_oppakken = forms.BooleanField(label=_("De melding kwam rechtstreeks bij mij binnen: ik pak hem zelf op"),
                                       required=False)
    bsn = forms.CharField(label=_("BSN van de inwoner"), max_length=9, required=False, validators=[valideer_bsn],
                          help_text=_("Niet verplicht. Met BSN, of achternaam en geboortedatum, zoeken wij of de "
                                      "inwoner al bekend is."))
    geboortedatum = forms.DateField(label=_("Geboortedatum van de inwoner"), required=False, widget=DatumInput())
    ADRES = "adres"  # the choice "not a known household" in ``koppel_aan`` (see toon_suggesties)

    field_order = ["signaalgever_type", "signaalgever_organisatie", "melder_naam", "melder_contact", "kanaal",
                   "ontvangen_op", "postcode", "huisnummer", "toevoeging", "straat", "woonplaats", "naam", "bsn",
                   "geboortedatum", "wijk", "kinderen_gemeld", "vraag", "leefgebieden", "urgentie", "toestemming",
                   "geen_toestemming_reden", "zelf_oppakken"]

    def __init__(self, *args, gemeente_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signaalgever_type"].queryset = SignaalgeverType.objects.filter(gemeente_id=gemeente_id,
                                                                                    actief=True)
        self.fields["signaalgever_organisatie"].queryset = Organisatie.objects.filter(
            gemeente_id=gemeente_id, actief=True, soort=Organisatie.Soort.SIGNAALGEVER)
        self.fields["kanaal"].queryset = Kanaal.objects.filter(gemeente_id=gemeente_id, actief=True)
        self.fields["wijk"].queryset = Wijk.objects.filter(gemeente_id=gemeente_id)
        self.fields["ontvangen_op"].initial = timezone.localtime().replace(second=0, microsecond=0)

    def toon_suggesties(self, kandidaten):
        """Offer the households where this inwoner looks known (``huishoudens.selectors.zoek_bestaand``), and the
        given address; the choice is required from now on."""
        veld = forms.ChoiceField(label=_("Deze inwoner lijkt al bekend. Waar hoort de melding bij?"),
                                 widget=forms.RadioSelect, error_messages={
                                     "required": _("Kies het bekende huishouden of het opgegeven adres."),
                                     "invalid_choice": _("Kies een van de genoemde huishoudens.")})
        veld.choices = [*KoppelForm.keuzes(kandidaten),
                        (self.ADRES, _("Niet dit huishouden: registreer op het opgegeven adres"))]
        self.fields["koppel_aan"] = veld

    def clean(self):
        data = super().clean()
        if not data.get("toestemming") and not (data.get("geen_toestemming_reden") or "").strip():
            self.add_error("geen_toestemming_reden", _("Geef aan waarom er geen toestemming van de inwoner is."))
        return data


class KoppelForm(forms.Form):
    """Link a public melding: one of the households at the given address, or a new household there."""

    NIEUW = "nieuw"

    huishouden = forms.ChoiceField(label=_("Huishouden"), widget=forms.RadioSelect)

    def __init__(self, *args, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["huishouden"].choices = [*self.keuzes(kandidaten),
                                             (self.NIEUW, _("Nieuw huishouden op het opgegeven adres"))]

    @staticmethod
    def keuzes(kandidaten):
        keuzes = []
        for k in kandidaten:
            h = k["huishouden"]
            uitleg = (_("lopend traject bij %(team)s") % {"team": k["traject"].team} if k["traject"]
                      else _("geen lopend traject"))
            keuzes.append((str(h.pk), f"{h.naam if k['zichtbaar'] else _('Bekend huishouden')} · {h.adres} · {uitleg}"))
        return keuzes


class AfhandelForm(forms.Form):
    wat_gedaan = forms.CharField(label=_("Wat is er gedaan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    doorverwezen_naar = forms.CharField(label=_("Doorverwezen naar"), max_length=200, required=False)


class CasusoverlegBesluitForm(forms.Form):
    regisseur = forms.ModelChoiceField(label=_("Regisseur"), queryset=get_user_model().objects.none())
    volgende_stap = forms.CharField(label=_("Volgende stap"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    besproken_op = forms.DateField(label=_("Besproken op"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regisseur"].queryset = get_user_model().objects.filter(groups=team.groep).order_by("last_name")
        self.fields["regisseur"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["besproken_op"].initial = timezone.localdate()


class CasusAgenderenForm(forms.Form):
    """An existing case (an open traject of the team) on the casusoverleg agenda."""

    traject = forms.ModelChoiceField(label=_("Casus (huishouden)"), queryset=None,
                                     error_messages={"invalid_choice": _("Kies een lopende casus van dit team.")})
    reden = forms.CharField(label=_("Waarom op het casusoverleg"), max_length=2000,
                            widget=forms.Textarea(attrs={"rows": 2}),
                            help_text=_("Bijvoorbeeld: de situatie is veranderd, of het plan loopt vast."))

    def __init__(self, *args, trajecten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["traject"].queryset = trajecten
        self.fields["traject"].label_from_instance = lambda t: t.huishouden.naam

    def toon_trajecten(self):
        """The choices as shown, read once: the select renders from this list (no second query) and the page
        logs their households."""
        veld = self.fields["traject"]
        trajecten = list(veld.queryset)
        veld.choices = [("", veld.empty_label), *((t.pk, veld.label_from_instance(t)) for t in trajecten)]
        return trajecten


class AfwezigheidForm(forms.Form):
    van = forms.DateField(label=_("Afwezig van"), widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label=_("Tot en met"), widget=forms.DateInput(attrs={"type": "date"}))
    vervanger = forms.ModelChoiceField(label=_("Vervanger"), required=False, queryset=get_user_model().objects.none(),
                                       help_text=_("Leeg: nieuwe meldingen en termijnen gaan naar de teamwachtrij."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vervanger"].queryset = (get_user_model().objects.filter(groups__team__groep__user=user)
                                             .exclude(pk=user.pk).distinct().order_by("last_name"))
        self.fields["vervanger"].label_from_instance = lambda u: u.get_full_name() or u.username


class WerkvoorraadFilterForm(forms.Form):
    WEERGAVEN = [("mijn", _("Mijn werk")), ("team", _("Mijn teams")), ("gebied", _("Mijn gebieden"))]
    STATUSSEN = [("open", _("Alle open")), *Melding.Status.choices, ("alle", _("Alle"))]
    TERMIJNEN = [("", _("Alle")), ("due", _("Te laat of binnen een week")), *Termijnstatus.choices]
    # the orders of toegang.melding.selectors.SORTERINGEN that the column headers use too
    SORTERINGEN = [("termijn", _("Termijn, eerst verlopend")), ("-termijn", _("Termijn, laatst verlopend")),
                   ("-ontvangen", _("Nieuwste eerst")), ("ontvangen", _("Oudste eerst")),
                   ("urgentie", _("Urgentie, spoed eerst")), ("-urgentie", _("Urgentie, normaal eerst")),
                   ("nummer", _("Ontvangstnummer")), ("-nummer", _("Ontvangstnummer, aflopend"))]

    weergave = forms.ChoiceField(label=_("Weergave"), choices=WEERGAVEN, required=False)
    zoek = forms.CharField(label=_("Zoek op ontvangstnummer of huishouden"), max_length=100, required=False)
    status = forms.ChoiceField(label=_("Status melding"), choices=STATUSSEN, required=False)
    team = forms.TypedChoiceField(label=_("Team"), coerce=int, required=False, empty_value=None)
    wijk = forms.TypedChoiceField(label=_("Wijk"), coerce=int, required=False, empty_value=None)
    termijn = forms.ChoiceField(label=_("Termijn"), choices=TERMIJNEN, required=False)
    leefgebied = forms.ChoiceField(label=_("Leefgebied"), choices=[("", _("Alle")), *Leefgebied.choices],
                                   required=False)
    sorteer = forms.ChoiceField(label=_("Sorteer"), choices=SORTERINGEN, required=False)

    def __init__(self, *args, teams, wijken, is_coordinator, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():  # a hundred options and more (wijken, teams with their counts)
            if isinstance(veld, forms.ChoiceField):
                veld.widget = SnelleKeuzelijst(attrs=veld.widget.attrs, choices=veld.choices)
        self.fields["team"].choices = [("", _("Alle"))] + [(t.pk, t.naam) for t in teams]
        self.fields["wijk"].choices = [("", _("Alle"))] + [(w.pk, w.naam) for w in wijken]
        if not is_coordinator:
            self.fields["weergave"].choices = self.WEERGAVEN[:2]

    def toon_tellingen(self, tellingen):
        """Add the number of meldingen to each option label: {field: {option value: count}}."""
        for naam, per_optie in tellingen.items():
            veld = self.fields[naam]
            veld.choices = [(waarde, f"{label} ({per_optie[waarde]})" if waarde in per_optie else label)
                            for waarde, label in veld.choices]


class InwonerPostcodeForm(forms.Form):
    postcode = forms.CharField(label=_("Uw postcode"), max_length=7, widget=forms.TextInput(attrs=POSTCODE_ATTRS))


class InwonerVraagForm(AdresVelden):
    """The public form: strictly validated; a hidden field that people leave empty catches simple bots. The
    address is asked in full for everybody: the form never looks up whether it is known."""

    straat = forms.CharField(label=_("Straat"), max_length=150)
    woonplaats = forms.CharField(label=_("Woonplaats"), max_length=100)
    naam = forms.CharField(label=_("Uw naam"), max_length=100)
    geboortedatum = forms.DateField(label=_("Uw geboortedatum (niet verplicht)"), required=False,
                                    widget=DatumInput(attrs={"autocomplete": "bday"}),
                                    help_text=_("Zo kan het wijkteam u sneller vinden als u al eerder contact had."))
    contact = forms.CharField(label=_("Telefoonnummer of e-mailadres"), max_length=150,
                              help_text=_("Zodat wij contact met u kunnen opnemen."))
    vraag = forms.CharField(label=_("Uw vraag"), min_length=10, max_length=2000,
                            widget=forms.Textarea(attrs={"rows": 6}))
    leefgebieden = forms.MultipleChoiceField(label=_("Waar gaat uw vraag over?"), choices=Leefgebied.choices,
                                             widget=forms.CheckboxSelectMultiple)
    kinderen_gemeld = forms.BooleanField(label=_("Er wonen kinderen onder 18 in mijn huishouden"), required=False)
    toestemming = forms.BooleanField(
        label=_("Ik geef het wijkteam toestemming om mijn gegevens te gebruiken om mij te helpen"),
        error_messages={"required": _("Zonder uw toestemming kunnen wij uw vraag niet in behandeling nemen.")})
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False, max_length=100,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Dit veld moet leeg blijven."))
        return ""
