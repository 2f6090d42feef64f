"""What the ZRM contributes to the household dossier (registered in ZelfredzaamheidConfig.ready()):
a section on the household page, entries on the timeline, and the closing check (eindmeting)."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from huishoudens.registry import tabblad
from zelfredzaamheid import selectors
from zelfredzaamheid.models import Meting


@tabblad("overzicht")
def sectie(request, huishouden):
    """The household page's ZRM section: all members' latest scores side by side, change since the first."""
    return {"template": "zelfredzaamheid/_sectie.html", "titel": _("Zelfredzaamheid (ZRM)"), "anker": "zrm",
            **selectors.huishouden_overzicht(huishouden)}


def tijdlijn(huishouden):
    metingen = (Meting.objects.filter(huishouden=huishouden).exclude(status=Meting.Status.VERVANGEN)
                .select_related("persoon").order_by("datum", "id"))
    return [
        {
            "datum": m.datum,
            "soort": _("ZRM-meting"),
            "omschrijving": _("%(soort)s van %(naam)s (%(status)s)") % {
                "soort": m.get_soort_display(), "naam": m.persoon.volledige_naam, "status": m.get_status_display()},
            "url": reverse("zelfredzaamheid:meting", args=[m.pk]),
        }
        for m in metingen
    ]


def controleer_eindmeting(traject, gegevens):
    """Closing a traject needs a final closing measurement (eindmeting) for every person measured during the
    traject (for at least one person when nobody was), unless the closing form gives a reason why not."""
    if (gegevens or {}).get("reden_geen_eindmeting", "").strip():
        return
    metingen = Meting.objects.filter(huishouden_id=traject.huishouden_id, status=Meting.Status.DEFINITIEF,
                                     datum__gte=traject.aangemeld_op)
    gemeten = dict(metingen.values_list("persoon_id", "persoon__voornamen"))
    met_eindmeting = set(metingen.filter(soort=Meting.Soort.AFSLUITING).values_list("persoon_id", flat=True))
    if not gemeten:
        raise ValidationError(
            _("Er is nog geen eindmeting van de zelfredzaamheidsmatrix. Doe eerst een eindmeting, of geef aan "
              "waarom er geen eindmeting is."), code="eindmeting")
    ontbreekt = [naam for pk, naam in sorted(gemeten.items()) if pk not in met_eindmeting]
    if ontbreekt:
        raise ValidationError(
            _("Er is nog geen eindmeting van de zelfredzaamheidsmatrix voor: %(namen)s. Doe eerst een eindmeting, "
              "of geef aan waarom er geen eindmeting is.") % {"namen": ", ".join(ontbreekt)}, code="eindmeting")
