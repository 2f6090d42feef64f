import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

WIJKCODE = re.compile(r"^WK\d{6}$")


def valideer_gemeentecode(code):
    if not re.fullmatch(r"\d{4}", code or ""):
        raise ValidationError(_("Een CBS-gemeentecode bestaat uit precies 4 cijfers, bijvoorbeeld 0597."),
                              code="gemeentecode")


def valideer_wijkcode(code, gemeentecode=None):
    """CBS wijk code: 'WK' + 4-digit gemeentecode + 2 digits, e.g. WK059701."""
    if not WIJKCODE.fullmatch(code or ""):
        raise ValidationError(
            _("Een CBS-wijkcode is ‘WK’ gevolgd door de 4 cijfers van de gemeentecode en 2 cijfers, "
              "bijvoorbeeld WK059701. ‘%(code)s’ voldoet daar niet aan.") % {"code": code},
            code="wijkcode",
        )
    if gemeentecode and code[2:6] != gemeentecode:
        raise ValidationError(
            _("Wijkcode %(code)s hoort niet bij gemeentecode %(gemeente)s.") % {"code": code, "gemeente": gemeentecode},
            code="wijkcode_gemeente",
        )


def valideer_agb_code(code):
    if not re.fullmatch(r"\d{8}", code or ""):
        raise ValidationError(_("Een AGB-code bestaat uit precies 8 cijfers."), code="agb")
