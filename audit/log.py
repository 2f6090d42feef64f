"""``audit.log``: the one way to write to the log. Imports no domain app.

Domain objects tell which client they concern through ``audit_context()``, returning a dict
with any of ``gemeente_id``, ``huishouden_id``, ``persoon_id``.
"""

from audit import context
from audit.models import AuditActie, AuditEvent


def groepsnamen(user):
    """The names of the user's groups, sorted; read once per request (cached on the user object) and shared
    with ``wijkteams.rollen``, so logging a read costs no extra query for the role."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ()
    namen = getattr(user, "_groepsnamen", None)
    if namen is None:
        namen = tuple(sorted(user.groups.values_list("name", flat=True)))
        user._groepsnamen = namen
    return namen


def _rol(user):
    return ",".join(groepsnamen(user))


def _ip(request):
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def log(actor, actie, obj=None, *, detail=None, request=None, resultaat="gelukt", noodtoegang=False, **client):
    """Record one event. ``client`` may pass gemeente_id / huishouden_id / persoon_id explicitly."""
    request = request or context.huidig_request()
    velden = {}
    if obj is not None:
        velden["object_type"] = obj._meta.label_lower
        velden["object_id"] = str(obj.pk)
        if hasattr(obj, "audit_context"):
            velden.update(obj.audit_context())
    velden.update({k: v for k, v in client.items() if v is not None})
    echte_actor = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=echte_actor,
        actor_weergave=getattr(actor, "username", "") or "",
        rol=_rol(echte_actor),
        actie=actie,
        resultaat=resultaat,
        request_id=getattr(request, "request_id", "") if request else "",
        ip=_ip(request),
        noodtoegang=noodtoegang,
        detail=detail or {},
        **velden,
    )


def gelezen(actor, obj, **kwargs):
    return log(actor, AuditActie.GELEZEN, obj, **kwargs)


def aangemaakt(actor, obj, **kwargs):
    return log(actor, AuditActie.AANGEMAAKT, obj, **kwargs)


def gewijzigd(actor, obj, **kwargs):
    return log(actor, AuditActie.GEWIJZIGD, obj, **kwargs)


def verwijderd(actor, obj, **kwargs):
    return log(actor, AuditActie.VERWIJDERD, obj, **kwargs)


def geexporteerd(actor, obj, **kwargs):
    return log(actor, AuditActie.GEEXPORTEERD, obj, **kwargs)


def geprint(actor, obj, **kwargs):
    return log(actor, AuditActie.GEPRINT, obj, **kwargs)
