"""BSN: 9 digits passing the elfproef; shown masked unless the user asks (which is logged)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from common.invoer import is_cijfers

TESTREEKS = (999900006, 999999990)


def is_geldig_bsn(bsn):
    if not is_cijfers(bsn) or len(bsn) != 9 or bsn == "000000000":
        return False
    gewichten = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return sum(int(c) * g for c, g in zip(bsn, gewichten, strict=True)) % 11 == 0


def valideer_bsn(bsn):
    if not is_cijfers(bsn) or len(bsn) != 9:
        raise ValidationError(_("Een BSN bestaat uit precies 9 cijfers."), code="bsn_lengte")
    if not is_geldig_bsn(bsn):
        raise ValidationError(_("Dit is geen geldig BSN: het voldoet niet aan de elfproef."), code="bsn_elfproef")


def in_testreeks(bsn):
    return TESTREEKS[0] <= int(bsn) <= TESTREEKS[1]


def maskeer(bsn):
    if not bsn:
        return ""
    return "*****" + bsn[-4:]
