"""Signals the dossier sends to higher apps."""

from django.dispatch import Signal

# Sent after two person records were merged (``behouden`` keeps, ``samengevoegd`` points to it), inside the
# transaction, so higher apps (ZRM measurements, requests) can move their rows to the kept person.
persoon_samengevoegd = Signal()

# Sent after a coördinator merged two household records (``behouden`` keeps, ``samengevoegd`` points to it),
# inside the transaction and before the permissions are redone, so each higher app moves its own rows
# (meldingen, requests, escalations, ZRM measurements, carers, complaints) to the kept household.
huishouden_samengevoegd = Signal()
