from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from audit import log
from audit.models import AuditActie


@receiver(user_logged_in)
def ingelogd(sender, request, user, **kwargs):
    log.log(user, AuditActie.INGELOGD, request=request)


@receiver(user_logged_out)
def uitgelogd(sender, request, user, **kwargs):
    if user is not None:
        log.log(user, AuditActie.UITGELOGD, request=request)


@receiver(user_login_failed)
def inloggen_mislukt(sender, credentials, request=None, **kwargs):
    # Never store the password: only the username that was tried.
    event = log.log(None, AuditActie.INLOGGEN_MISLUKT, request=request, resultaat="geweigerd",
                    detail={"gebruikersnaam": str(credentials.get("username", ""))[:150]})
    return event
