from django import forms
from django.utils.translation import gettext_lazy as _

from wijkteams.inrichting import registry


class InrichtingForm(forms.Form):
    onderdeel = forms.ChoiceField(label=_("Welk bestand"), choices=(),
                                  error_messages={"required": _("Kies welk bestand u importeert.")})
    bestand = forms.FileField(label=_("CSV-bestand"), help_text=_("UTF-8, gescheiden door ; of , — ten hoogste 2 MB."),
                              error_messages={"required": _("Kies een CSV-bestand.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["onderdeel"].choices = [("", _("Kies…"))] + [(o.code, o.titel) for o in registry.ONDERDELEN]
