"""Forms of the organisation: keeping the sociale kaart current (by form and by CSV import)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.formulieren import DatumInput
from common.fouten import fouten_naar_form
from wijkteams.models import Aanbod, Gebied, Wijk

AANBOD_VELDEN = ["naam", "categorie", "soort", "aanbieder", "omschrijving", "doelgroep", "wijk", "gebied", "contact",
                 "openingstijden", "regionale_kaart", "geldig_van", "geldig_tot", "openbaar", "geindiceerd", "code"]


class AanbodForm(forms.Form):
    """One offer of the sociale kaart; the service checks it against the gemeente and writes it."""

    naam = forms.CharField(label=_("Naam van het aanbod"), max_length=200)
    categorie = forms.ChoiceField(label=_("Categorie"), choices=[("", _("Kies een categorie"))]
                                  + list(Aanbod.Categorie.choices),
                                  error_messages={"required": _("Kies een categorie.")})
    soort = forms.ChoiceField(label=_("Soort"), choices=[("", _("Kies een soort"))] + list(Aanbod.Soort.choices),
                              error_messages={"required": _("Kies een soort aanbod.")})
    aanbieder = forms.CharField(label=_("Aanbieder"), max_length=200, required=False)
    omschrijving = forms.CharField(label=_("Omschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    doelgroep = forms.CharField(label=_("Voor wie"), max_length=200, required=False)
    wijk = forms.ModelChoiceField(label=_("Wijk"), queryset=Wijk.objects.none(), required=False,
                                  empty_label=_("Geen wijk: gebied of hele gemeente"),
                                  help_text=_("Leeg laten voor aanbod in een heel gebied of de hele gemeente."))
    gebied = forms.ModelChoiceField(label=_("Gebied"), queryset=Gebied.objects.none(), required=False,
                                    empty_label=_("Hele gemeente"),
                                    help_text=_("Alleen invullen voor aanbod in één gebied zonder wijk."))
    contact = forms.CharField(label=_("Contact (telefoon, e-mail of adres)"), max_length=200, required=False)
    openingstijden = forms.CharField(label=_("Openingstijden"), max_length=200, required=False)
    regionale_kaart = forms.URLField(label=_("Link naar de regionale sociale kaart (optioneel)"), max_length=300,
                                     required=False, assume_scheme="https",
                                     error_messages={"invalid": _("Vul een volledig webadres in, zoals "
                                                                  "https://www.example.nl/aanbod.")})
    geldig_van = forms.DateField(label=_("Geldig van"), widget=DatumInput(),
                                 error_messages={"required": _("Vul de datum in vanaf wanneer het aanbod er is.")})
    geldig_tot = forms.DateField(label=_("Geldig tot en met (optioneel)"), required=False, widget=DatumInput())
    openbaar = forms.BooleanField(label=_("Zichtbaar op de publieke sociale kaart voor inwoners"), required=False,
                                  initial=True)
    geindiceerd = forms.BooleanField(label=_("Alleen met een indicatie"), required=False)
    code = forms.SlugField(label=_("Code (optioneel)"), max_length=60, required=False,
                           help_text=_("Vaste sleutel voor de CSV-import: kleine letters, cijfers en streepjes."),
                           error_messages={"invalid": _("Gebruik alleen kleine letters, cijfers en streepjes.")})

    def __init__(self, *args, wijken, gebieden, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].queryset = wijken
        self.fields["gebied"].queryset = gebieden

    @staticmethod
    def initial_van(aanbod):
        return {veld: getattr(aanbod, veld) for veld in AANBOD_VELDEN}


class BeeindigAanbodForm(forms.Form):
    laatste_dag = forms.DateField(
        label=_("Laatste dag van het aanbod (optioneel)"), required=False, widget=DatumInput(),
        help_text=_("Leeg laten: het aanbod verdwijnt direct van de sociale kaart. Plannen die het gebruiken, "
                    "blijven het tonen."))


class WijkgrenzenForm(forms.Form):
    bestand = forms.FileField(
        label=_("GeoJSON-bestand met wijkgrenzen"),
        help_text=_("Een GeoJSON FeatureCollection in WGS84 (lengte- en breedtegraden) of RD New (EPSG:28992), "
                    "bijvoorbeeld uit de CBS Wijk- en buurtkaart: per wijk een Polygon of MultiPolygon met de "
                    "eigenschap ‘wijkcode’ (zoals WK059901). Hoogstens 5 MB."))


class KerncijfersForm(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar (peildatum 1 januari)"), min_value=2000, max_value=2100)
    bestand = forms.FileField(
        label=_("CSV-bestand Kerncijfers wijken en buurten"),
        help_text=_("Het bestand zoals CBS het als CSV levert (StatLine, puntkomma's), met de regels van de "
                    "gemeente, haar wijken en buurten; alleen de wijkregels worden gelezen. Hoogstens 5 MB."))


class AanbodImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("CSV-bestand met aanbod"),
        help_text=_("Kolommen: code;naam;categorie;soort en optioneel aanbieder;omschrijving;doelgroep;wijk;"
                    "contact;openingstijden;geldig_van;geldig_tot;regionale_kaart;openbaar;geindiceerd. "
                    "Lege wijk: de hele gemeente."))


JA = {"ja", "j", "1", "waar", "true", "x"}
NEE = {"", "nee", "n", "0", "onwaar", "false"}


def _keuze(waarde, choices, fout):
    """A choice by its code or its label, case-insensitive ("Werk en inkomen" or "werk_inkomen")."""
    tekst = (waarde or "").strip().lower()
    for code, label in choices:
        if tekst in (code.lower(), str(label).lower()):
            return code
    raise forms.ValidationError(fout)


def _code_veld():
    """The code of a CSV line (sociale kaart, places): what a second import of the same file finds it by."""
    return forms.SlugField(max_length=60, error_messages={
        "required": _("De code ontbreekt."), "invalid": _("Gebruik in de code alleen kleine letters, cijfers en "
                                                          "streepjes.")})


class AanbodRegelForm(forms.Form):
    """One line of the sociale kaart CSV; the wijk is given by its CBS code and must be of the gemeente."""

    code = _code_veld()
    naam = forms.CharField(max_length=200, error_messages={"required": _("De naam ontbreekt.")})
    categorie = forms.CharField(error_messages={"required": _("De categorie ontbreekt.")})
    soort = forms.CharField(error_messages={"required": _("De soort ontbreekt.")})
    aanbieder = forms.CharField(max_length=200, required=False)
    omschrijving = forms.CharField(required=False)
    doelgroep = forms.CharField(max_length=200, required=False)
    wijk = forms.CharField(max_length=8, required=False)
    contact = forms.CharField(max_length=200, required=False)
    openingstijden = forms.CharField(max_length=200, required=False)
    geldig_van = forms.DateField(required=False, input_formats=["%Y-%m-%d", "%d-%m-%Y"],
                                 error_messages={"invalid": _("Schrijf de datum als 2026-01-31 of 31-01-2026.")})
    geldig_tot = forms.DateField(required=False, input_formats=["%Y-%m-%d", "%d-%m-%Y"],
                                 error_messages={"invalid": _("Schrijf de datum als 2026-01-31 of 31-01-2026.")})
    regionale_kaart = forms.URLField(max_length=300, required=False, assume_scheme="https",
                                     error_messages={"invalid": _("Dit is geen volledig webadres.")})
    openbaar = forms.CharField(required=False)
    geindiceerd = forms.CharField(required=False)

    def __init__(self, *args, wijken, controleer, **kwargs):
        super().__init__(*args, **kwargs)
        self.wijken = wijken  # CBS code → Wijk of the gemeente
        self.controleer = controleer  # the service's own check of a line's data (raises ValidationError)

    def clean_categorie(self):
        return _keuze(self.cleaned_data["categorie"], Aanbod.Categorie.choices, _(
            "Onbekende categorie; kies uit: %(c)s.") % {"c": ", ".join(str(c.label).lower()
                                                                       for c in Aanbod.Categorie)})

    def clean_soort(self):
        return _keuze(self.cleaned_data["soort"], Aanbod.Soort.choices, _(
            "Onbekende soort; kies uit: %(s)s.") % {"s": ", ".join(Aanbod.Soort.values)})

    def clean_wijk(self):
        code = self.cleaned_data["wijk"].strip().upper()
        if not code:
            return None
        if code not in self.wijken:
            raise forms.ValidationError(_("Wijk %(w)s hoort niet bij deze gemeente.") % {"w": code})
        return self.wijken[code]

    def _ja_nee(self, veld, standaard):
        tekst = self.cleaned_data[veld].strip().lower()
        if tekst == "":
            return standaard
        if tekst in JA:
            return True
        if tekst in NEE:
            return False
        raise forms.ValidationError(_("Vul ja of nee in."))

    def clean_openbaar(self):
        return self._ja_nee("openbaar", True)

    def clean_geindiceerd(self):
        return self._ja_nee("geindiceerd", False)

    def clean(self):
        d = super().clean()
        if not self.errors:
            try:
                self.controleer(d)
            except forms.ValidationError as fout:
                fouten_naar_form(self, fout)
        return d


# --- ankerplaatsen and vindplaatsen (wijkteams.plaatsen) ------------------------------------------------------

PLAATS_SOORTEN = [("ankerplaats", _("Ankerplaats")), ("vindplaats", _("Vindplaats"))]
PLAATS_VELDEN = ["naam", "soort", "wijk", "adres", "postcode", "breedtegraad", "lengtegraad", "geldig_van",
                 "geldig_tot", "code"]
DATUM_FOUT = _("Schrijf de datum als 2026-01-31 of 31-01-2026.")


class PlaatsForm(forms.Form):
    """One ankerplaats or vindplaats; the service checks the position against the wijk and writes it."""

    naam = forms.CharField(label=_("Naam"), max_length=150, error_messages={"required": _("Vul de naam in.")})
    soort = forms.ChoiceField(label=_("Soort"), choices=[("", _("Kies een soort"))] + PLAATS_SOORTEN,
                              error_messages={"required": _("Kies ankerplaats of vindplaats.")})
    wijk = forms.ModelChoiceField(label=_("Wijk"), queryset=Wijk.objects.none(), empty_label=_("Kies een wijk"),
                                  error_messages={"required": _("Kies de wijk waarin de plaats ligt.")})
    adres = forms.CharField(label=_("Adres"), max_length=200, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=7, required=False)
    breedtegraad = forms.DecimalField(
        label=_("Breedtegraad (WGS84)"), max_digits=9, decimal_places=6, min_value=-90, max_value=90, localize=True,
        help_text=_("In graden met een punt of komma, bijvoorbeeld 51.872345 (Ridderkerk ligt rond 51,87)."),
        error_messages={"required": _("Vul de breedtegraad in."), "invalid": _("Vul een getal in, zoals 51.872345."),
                        "max_decimal_places": _("Gebruik hoogstens zes cijfers achter de komma.")})
    lengtegraad = forms.DecimalField(
        label=_("Lengtegraad (WGS84)"), max_digits=9, decimal_places=6, min_value=-180, max_value=180, localize=True,
        help_text=_("In graden, bijvoorbeeld 4.601234 (Ridderkerk ligt rond 4,60)."),
        error_messages={"required": _("Vul de lengtegraad in."), "invalid": _("Vul een getal in, zoals 4.601234."),
                        "max_decimal_places": _("Gebruik hoogstens zes cijfers achter de komma.")})
    geldig_van = forms.DateField(label=_("Geldig van"), widget=DatumInput(),
                                 error_messages={"required": _("Vul de datum in vanaf wanneer de plaats er is.")})
    geldig_tot = forms.DateField(label=_("Geldig tot en met (optioneel)"), required=False, widget=DatumInput())
    code = forms.SlugField(label=_("Code (optioneel)"), max_length=60, required=False,
                           help_text=_("Vaste sleutel voor de CSV-import: kleine letters, cijfers en streepjes."),
                           error_messages={"invalid": _("Gebruik alleen kleine letters, cijfers en streepjes.")})

    def __init__(self, *args, wijken, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].queryset = wijken

    @staticmethod
    def initial_van(plaats):
        return {veld: getattr(plaats, veld) for veld in PLAATS_VELDEN}


class PlaatsRegelForm(forms.Form):
    """One line of the places CSV: the wijk by its CBS code, the position in WGS84 or in RD New (rd_x, rd_y)."""

    code = _code_veld()
    naam = forms.CharField(max_length=150, error_messages={"required": _("De naam ontbreekt.")})
    soort = forms.CharField(error_messages={"required": _("De soort ontbreekt.")})
    wijk = forms.CharField(max_length=8, error_messages={"required": _("De wijkcode ontbreekt.")})
    adres = forms.CharField(max_length=200, required=False)
    postcode = forms.CharField(max_length=7, required=False)
    breedtegraad = forms.DecimalField(max_digits=9, decimal_places=6, required=False,
                                      error_messages={"invalid": _("Dit is geen getal (zoals 51.872345).")})
    lengtegraad = forms.DecimalField(max_digits=9, decimal_places=6, required=False,
                                     error_messages={"invalid": _("Dit is geen getal (zoals 4.601234).")})
    rd_x = forms.DecimalField(max_digits=10, decimal_places=3, required=False,
                              error_messages={"invalid": _("Dit is geen getal in meters (zoals 98250).")})
    rd_y = forms.DecimalField(max_digits=10, decimal_places=3, required=False,
                              error_messages={"invalid": _("Dit is geen getal in meters (zoals 432100).")})
    geldig_van = forms.DateField(required=False, input_formats=["%Y-%m-%d", "%d-%m-%Y"],
                                 error_messages={"invalid": DATUM_FOUT})
    geldig_tot = forms.DateField(required=False, input_formats=["%Y-%m-%d", "%d-%m-%Y"],
                                 error_messages={"invalid": DATUM_FOUT})

    def __init__(self, *args, wijken, controleer, **kwargs):
        super().__init__(*args, **kwargs)
        self.wijken = wijken  # CBS code → Wijk of the gemeente
        self.controleer = controleer  # the service's own check of a line's data (raises ValidationError)

    def clean_soort(self):
        return _keuze(self.cleaned_data["soort"], PLAATS_SOORTEN, _("Onbekende soort; kies ankerplaats of "
                                                                    "vindplaats."))

    def clean_wijk(self):
        code = self.cleaned_data["wijk"].strip().upper()
        if code not in self.wijken:
            raise forms.ValidationError(_("Wijk %(w)s hoort niet bij deze gemeente.") % {"w": code})
        return self.wijken[code]

    def clean(self):
        d = super().clean()
        wgs = d.get("breedtegraad") is not None and d.get("lengtegraad") is not None
        rd = d.get("rd_x") is not None and d.get("rd_y") is not None
        if not self.errors and not (wgs or rd):
            self.add_error(None, _("De plaats heeft geen positie: vul breedtegraad en lengtegraad (WGS84) of rd_x "
                                   "en rd_y (RD New) in."))
        if not self.errors:
            try:
                self.controleer(d)
            except forms.ValidationError as fout:
                fouten_naar_form(self, fout)
        return d


class PlaatsenImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("CSV-bestand met ankerplaatsen en vindplaatsen"),
        help_text=_("Kolommen: code;naam;soort;wijk en de positie als breedtegraad;lengtegraad (WGS84) of rd_x;rd_y "
                    "(RD New, in meters); optioneel adres;postcode;geldig_van;geldig_tot. Soort: ankerplaats of "
                    "vindplaats; wijk: de CBS-wijkcode, zoals WK059701."))
