"""Forms for maatwerk pages. They only parse input; the services validate the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common import opmaak
from common.formulieren import DatumInput
from huishoudens.models import Doel, Ladder, Persoon, Plan
from toegang.maatwerk.services import LICHTERE_TREDEN
from toegang.models import Aanbieder, Aanvraag, BudgetRegel, Eenheid, Frequentie, Mandaat, Product


class AanvraagForm(forms.Form):
    doel = forms.ModelChoiceField(label=_("Doel uit het plan"), queryset=Doel.objects.none())
    client = forms.ModelChoiceField(label=_("Voor wie (cliënt)"), queryset=Persoon.objects.none())
    product = forms.ModelChoiceField(label=_("Product"), queryset=Product.objects.none())
    aanbieder = forms.ModelChoiceField(label=_("Aanbieder"), queryset=Aanbieder.objects.none())
    volume = forms.IntegerField(label=_("Volume"), required=False, min_value=1,
                                help_text=_("Vul volume, eenheid en frequentie in, óf een budget."))
    eenheid = forms.ModelChoiceField(label=_("Eenheid"), queryset=Eenheid.objects.all(), required=False)
    frequentie = forms.ModelChoiceField(label=_("Frequentie"), queryset=Frequentie.objects.all(), required=False)
    budget = forms.DecimalField(label=_("Budget in euro’s"), required=False, min_value=0.01, max_digits=10,
                                decimal_places=2)
    start = forms.DateField(label=_("Startdatum"), widget=DatumInput())
    eind = forms.DateField(label=_("Einddatum"), widget=DatumInput())
    motivering = forms.CharField(
        label=_("Waarom volstaan lichtere vormen van ondersteuning niet?"),
        help_text=_("Eigen kracht, sociaal netwerk, vrijwilligers en algemene voorzieningen: wat is geprobeerd "
                    "of overwogen en waarom is dat niet genoeg?"),
        widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, huishouden, traject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doel"].queryset = Doel.objects.filter(plan__traject=traject, plan__status=Plan.Status.ACTIEF)
        self.fields["client"].queryset = huishouden.personen.filter(samengevoegd_in__isnull=True)
        self.fields["product"].queryset = Product.objects.filter(
            gemeente_id=huishouden.gemeente_id, actief=True).select_related("categorie")
        self.fields["aanbieder"].queryset = Aanbieder.objects.filter(gemeente_id=huishouden.gemeente_id, actief=True)
        self.fields["client"].label_from_instance = lambda p: f"{p.volledige_naam} ({opmaak.datum_nl(p.geboortedatum)})"
        self.fields["product"].label_from_instance = (
            lambda p: f"{p.naam} ({p.categorie.get_wet_display()}, {p.categorie.code} {p.categorie.naam})")


class BesluitForm(forms.Form):
    besluit = forms.ChoiceField(
        label=_("Besluit"), widget=forms.RadioSelect,
        choices=[(Aanvraag.Status.TOEGEKEND, _("Toekennen")), (Aanvraag.Status.AFGEWEZEN, _("Afwijzen")),
                 (Aanvraag.Status.TERUGGESTUURD, _("Terugsturen voor meer informatie"))])
    reden = forms.CharField(label=_("Reden van het besluit"), widget=forms.Textarea(attrs={"rows": 4}),
                            help_text=_("Deze reden komt in de beschikking voor de inwoner."))
    lichtere_activiteit = forms.CharField(
        label=_("Lichtere activiteit voor het plan (bij afwijzen)"), required=False,
        help_text=_("Bij een afwijzing blijft het traject open; deze activiteit komt bij het doel in het plan."))
    lichtere_trede = forms.ChoiceField(label=_("Trede van die activiteit"), choices=LICHTERE_TREDEN,
                                       initial=Ladder.PROFESSIONEEL, required=False)
    extern_kenmerk = forms.CharField(label=_("Kenmerk besluit externe instantie"), required=False, max_length=100)
    extern_besluitdatum = forms.DateField(label=_("Datum besluit externe instantie"), required=False,
                                          widget=DatumInput())
    extern_besluitbrief = forms.FileField(
        label=_("Besluitbrief van de externe instantie (PDF, hooguit 10 MB)"), required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}))

    EXTERN = ("extern_kenmerk", "extern_besluitdatum", "extern_besluitbrief")

    def __init__(self, *args, aanvraag=None, **kwargs):
        """The fields of an external decision only where the mandate register names an external body."""
        super().__init__(*args, **kwargs)
        if aanvraag is not None and aanvraag.beslisser == Mandaat.Beslisser.EXTERN:
            self.fields["reden"].help_text = _("Neem de kern van het besluit van %(instantie)s over.") % {
                "instantie": aanvraag.externe_instantie}
        else:
            for naam in self.EXTERN:
                del self.fields[naam]


class OpnieuwIndienenForm(forms.Form):
    motivering = forms.CharField(label=_("Aangevulde motivering"), widget=forms.Textarea(attrs={"rows": 5}))


class IntrekkenForm(forms.Form):
    reden = forms.CharField(label=_("Reden van intrekken"), max_length=500)


class ZorgStartForm(forms.Form):
    datum = forms.DateField(label=_("Zorg gestart op (305)"), widget=DatumInput())


class ZorgStopForm(forms.Form):
    datum = forms.DateField(label=_("Zorg gestopt op (307)"), widget=DatumInput())
    reden = forms.CharField(label=_("Reden einde zorg"), max_length=200)


class HerschikForm(forms.Form):
    van = forms.ModelChoiceField(label=_("Van budgetregel"), queryset=BudgetRegel.objects.none())
    naar = forms.ModelChoiceField(label=_("Naar budgetregel"), queryset=BudgetRegel.objects.none())
    bedrag = forms.DecimalField(label=_("Bedrag in euro’s"), min_value=0.01, max_digits=12, decimal_places=2)
    reden = forms.CharField(label=_("Reden"), max_length=500)

    def __init__(self, *args, regels, **kwargs):
        super().__init__(*args, **kwargs)
        qs = BudgetRegel.objects.filter(pk__in=[r.pk for r in regels]).select_related("gebied", "categorie")
        for veld in ("van", "naar"):
            self.fields[veld].queryset = qs
            self.fields[veld].label_from_instance = (
                lambda r: f"{r.jaar} · {r.gebied or _('hele gemeente')} · {r.categorie}")


class ZorgberichtForm(forms.Form):
    bestand = forms.FileField(label=_("Bericht van de aanbieder (XML)"),
                              help_text=_("Een WMO305- of JW305-bericht (start zorg) of een WMO307- of JW307-bericht "
                                          "(stop zorg), release 3.2."))
