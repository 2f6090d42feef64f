"""Retention (bewaring.registry): the per-domain notes and correction reasons of a household's ZRM measurements
are removed; scores, dates, kind and status stay for the (anonymous) figures."""

from zelfredzaamheid.models import Meting

WEG = "Geanonimiseerd"

# What retention does with each free-text field (tests/bewaring checks this against the models).
VELDEN = {"zelfredzaamheid.Meting": {"notities": "gewist", "correctiereden": WEG},
          "zelfredzaamheid.DoelDomein": {}}
GEEN_HUISHOUDGEGEVENS = {"zelfredzaamheid.MatrixVersie": "de matrix", "zelfredzaamheid.Niveau": "de matrix",
                         "zelfredzaamheid.Domein": "de matrix", "zelfredzaamheid.Criterium": "de matrix"}


def anonimiseer(huishouden_ids):
    metingen = Meting.objects.filter(huishouden_id__in=list(huishouden_ids))
    metingen.exclude(notities={}).update(notities={})
    # a correction keeps a (non-empty) reason: database constraint
    metingen.exclude(correctiereden="").update(correctiereden=WEG)
