"""Small helpers shared by the CSV parts of the inrichting (also used by higher apps' parts)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wijkteams.inrichting.registry import Telling

JA = {"ja", "j", "1", "true", "waar", "x"}
NEE = {"nee", "n", "0", "false", "onwaar", ""}


def ja_nee(tekst, kolom):
    waarde = (tekst or "").strip().lower()
    if waarde in JA:
        return True
    if waarde in NEE:
        return False
    raise ValidationError({kolom: _("‘%(t)s’ is geen ja of nee.") % {"t": tekst}})


class Regel(forms.Form):
    """A line with the given columns as text; subclasses check them in ``clean``."""

    KOLOMMEN = ()
    VERPLICHT = ()

    def __init__(self, *args, gemeente, **kwargs):
        super().__init__(*args, **kwargs)
        self.gemeente = gemeente
        for kolom in self.KOLOMMEN:
            self.fields[kolom] = forms.CharField(required=kolom in self.VERPLICHT, strip=True,
                                                 error_messages={"required": _("dit veld is leeg.")})


def bewaar(model, sleutel, waarden):
    """Create or update the row with ``sleutel`` (a dict of lookups) so that it has ``waarden``; a Telling."""
    rij = model.objects.select_for_update().filter(**sleutel).first()
    if rij is None:
        return model.objects.create(**sleutel, **waarden), Telling(nieuw=1)
    anders = {k: v for k, v in waarden.items() if getattr(rij, k) != v}
    if not anders:
        return rij, Telling(gelijk=1)
    for k, v in anders.items():
        setattr(rij, k, v)
    rij.save(update_fields=list(anders))
    return rij, Telling(gewijzigd=1)
