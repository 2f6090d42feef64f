from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save
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


@receiver(post_save, sender=LogEntry)
def beheer_wijziging(sender, instance, created, **kwargs):
    """Every change made in the beheer (admin) pages is also an audit row, with what the admin recorded."""
    if not created:
        return
    actie = {ADDITION: AuditActie.AANGEMAAKT, CHANGE: AuditActie.GEWIJZIGD,
             DELETION: AuditActie.VERWIJDERD}[instance.action_flag]
    ct = instance.content_type
    log.log(instance.user, actie, detail={"beheer": instance.get_change_message(), "object": instance.object_repr},
            object_type=f"{ct.app_label}.{ct.model}" if ct else "", object_id=str(instance.object_id or "")[:64])
