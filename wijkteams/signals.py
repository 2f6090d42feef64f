"""Signals for apps that build on the organisation (so wijkteams never imports them)."""

from django.dispatch import Signal

# Sent with medewerker=, gebied=, door= when someone becomes or stops being coördinator of a gebied.
coordinator_toegevoegd = Signal()
coordinator_verwijderd = Signal()
# Sent with medewerker=, team=, door= when someone leaves a team (the team group is already taken away).
teamlid_verwijderd = Signal()
