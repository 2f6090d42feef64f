"""Four eyes over taking over an account. A functioneel beheerder may set a colleague's password (the account
admin, ``wijkteams.admin``) and may remove a colleague's second factor (lost phone, ``inloggen.services``); one
beheerder doing both could log in as that colleague and set up its own app. So whoever did one of the two to an
account in the last ``DAGEN`` days does not do the other: a second beheerder does. Both steps are audit rows."""

from datetime import timedelta

from django.utils import timezone

from audit.models import AuditEvent

DAGEN = 30
WACHTWOORD_GEZET = {"wachtwoord": "gezet door beheer"}
TWEESTAPS_HERSTELD = {"tweestapsverificatie": "hersteld door beheer"}


def andere_stap_gedaan(door, account, stap):
    """Whether ``door`` took the other step than ``stap`` (one of the two dicts above) on ``account`` lately."""
    andere = TWEESTAPS_HERSTELD if stap == WACHTWOORD_GEZET else WACHTWOORD_GEZET
    return AuditEvent.objects.filter(
        actor=door, object_type=account._meta.label_lower, object_id=str(account.pk),
        tijdstip__gte=timezone.now() - timedelta(days=DAGEN), **{f"detail__{k}": v for k, v in andere.items()},
    ).exists()
