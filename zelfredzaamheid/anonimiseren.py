"""Retention (bewaring.registry): the per-domain notes and correction reasons of a household's ZRM measurements
are removed; scores, dates, kind and status stay for the (anonymous) figures."""

from zelfredzaamheid.models import Meting

WEG = "Geanonimiseerd"


def anonimiseer(huishouden_ids):
    metingen = Meting.objects.filter(huishouden_id__in=list(huishouden_ids))
    metingen.exclude(notities={}).update(notities={})
    # a correction keeps a (non-empty) reason: database constraint
    metingen.exclude(correctiereden="").update(correctiereden=WEG)
