"""Signals the dossier sends to higher apps."""

from django.dispatch import Signal

# Sent after two person records were merged (``behouden`` keeps, ``samengevoegd`` points to it), inside the
# transaction, so higher apps (ZRM measurements, requests) can move their rows to the kept person.
persoon_samengevoegd = Signal()
