from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from monitoring import perioden
from monitoring.models import Indicator, MonitorRun

# Only the monitor's own periods: a free window would let two overlapping runs give away a few persons
# (their difference). Runs of a free period made before stay readable.
SOORTEN = [(k, v) for k, v in MonitorRun.Soort.choices if k != MonitorRun.Soort.ANDERS]


class StartRunForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort periode"), choices=SOORTEN, initial="kwartaal")
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2015, max_value=2100, required=False,
                              help_text=_("Voor een kwartaal, halfjaar of jaar."))
    nummer = forms.IntegerField(label=_("Kwartaal of halfjaar (nummer)"), min_value=1, max_value=4, required=False,
                                help_text=_("Kwartaal 1 t/m 4, of halfjaar 1 of 2."))

    def clean(self):
        data = super().clean()
        soort, jaar, nummer = data.get("soort"), data.get("jaar"), data.get("nummer")
        if soort in ("kwartaal", "halfjaar", "jaar") and not jaar and "jaar" not in self.errors:
            self.add_error("jaar", _("Vul het jaar in."))
        if soort == "kwartaal" and not nummer and "nummer" not in self.errors:
            self.add_error("nummer", _("Vul het kwartaal in (1 t/m 4)."))
        if soort == "halfjaar" and nummer not in (1, 2):
            self.add_error("nummer", _("Een halfjaar is 1 of 2."))
        if self.errors:
            return data
        data["periode"] = perioden.maak(soort, jaartal=jaar, nummer=nummer)
        return data

    @classmethod
    def standaard(cls):
        vorig = perioden.vorig_kwartaal(date.today())
        return cls(initial={"soort": "kwartaal", "jaar": vorig.van.year, "nummer": (vorig.van.month - 1) // 3 + 1})


class ActieForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=Indicator.objects.filter(status="startset"))
    gebied = forms.ChoiceField(label=_("Gebied"), required=False)
    tekst = forms.CharField(label=_("Ondernomen actie"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                            help_text=_("Wat is er gedaan naar aanleiding van dit getal? Zonder namen van inwoners."))

    def __init__(self, *args, gebieden=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebied"].choices = [("", _("Hele gemeente"))] + [(str(g.pk), g.naam) for g in gebieden]
        self._gebieden = {str(g.pk): g for g in gebieden}

    def clean_gebied(self):
        waarde = self.cleaned_data.get("gebied")
        if not waarde:
            return None
        if waarde not in self._gebieden:
            raise ValidationError(_("Kies een gebied uit de lijst."))
        return self._gebieden[waarde]


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_("Kolommen: indicator;wijk;van;tot;teller;noemer;bron — wijk als CBS-code (WK…), datums als "
                    "dd-mm-jjjj of jjjj-mm-dd."),
    )
