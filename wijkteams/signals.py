"""Signals for apps that build on the organisation (so wijkteams never imports them)."""

from django.dispatch import Signal

# Sent with medewerker=, gebied= when someone becomes or stops being coördinator of a gebied.
coordinator_toegevoegd = Signal()
coordinator_verwijderd = Signal()
