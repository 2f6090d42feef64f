"""Mails of the maatwerk part: the requester hears that their request was sent back.

As every mail of the application: no personal details (no name, BSN, product, reason of the decider), only the
request number, the term and a link to the application, where the reader logs in with two factors.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from toegang.models import Aanvraag


def teruggestuurd_mail(aanvraag):
    """Subject and body of the notice to the requester that the request was sent back, the term paused."""
    link = settings.SITE_URL.rstrip("/") + reverse("toegang:aanvraag", args=[aanvraag.pk])
    rest = aanvraag.resterende_dagen
    if rest is not None and rest > 0:
        termijn = ngettext(
            "De beslistermijn staat stil. Na het opnieuw indienen loopt hij verder met de resterende %(n)s dag.",
            "De beslistermijn staat stil. Na het opnieuw indienen loopt hij verder met de resterende %(n)s dagen.",
            rest) % {"n": rest}
    else:
        termijn = _("De beslistermijn staat stil tot u de aanvraag opnieuw indient; hij was al verstreken.")
    onderwerp = _("Uw maatwerkaanvraag %(nr)s is teruggestuurd voor meer informatie") % {"nr": aanvraag.pk}
    tekst = "\n\n".join([
        _("Beste collega,"),
        _("Aanvraag %(nr)s is teruggestuurd: er is meer informatie nodig voordat erover besloten kan worden.")
        % {"nr": aanvraag.pk},
        termijn,
        _("Lees de vraag van de beslisser en vul de aanvraag aan: %(link)s") % {"link": link},
        _("Deze e-mail bevat bewust geen persoonsgegevens."),
    ])
    return onderwerp, tekst


def stuur_teruggestuurd(aanvraag_id):
    """Mail the requester, if the request is still sent back (a resubmission before the mail went needs none)."""
    aanvraag = Aanvraag.objects.filter(pk=aanvraag_id, status=Aanvraag.Status.TERUGGESTUURD).first()
    if aanvraag is None:
        return 0
    user = get_user_model().objects.filter(pk=aanvraag.aangevraagd_door_id, is_active=True).first()
    if user is None or not user.email:
        return 0
    onderwerp, tekst = teruggestuurd_mail(aanvraag)
    return send_mail(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, [user.email])
