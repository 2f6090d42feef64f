"""The one postcode normaliser. Addresses store a Dutch postcode as ``2981 AB`` (four digits, a space, two
capitals); lookup tables keyed on a postcode use the compact form ``2981AB`` (``compact=True``)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PC6 = re.compile(r"^([1-9][0-9]{3})([A-Z]{2})$")


def normaliseer_postcode(tekst, *, compact=False, streng=False):
    """``2981ab`` / `` 2981 AB `` → ``2981 AB`` (``compact``: ``2981AB``).

    Text that is not a full Dutch postcode comes back without spaces and in capitals (a PC4 such as ``2981`` for
    searching), unless ``streng``: then it is a ``ValidationError`` on the field ``postcode``.
    """
    schoon = re.sub(r"\s+", "", tekst or "").upper()
    gevonden = PC6.match(schoon)
    if gevonden is None:
        if streng:
            raise ValidationError({"postcode": _("Vul een postcode in zoals 2981 AB.")}, code="postcode")
        return schoon
    return schoon if compact else f"{gevonden.group(1)} {gevonden.group(2)}"
