"""``audit.log``: the one way to write to the log. Imports no domain app.

Domain objects tell which client they concern through ``audit_context()``, returning a dict
with any of ``gemeente_id``, ``huishouden_id``, ``persoon_id``.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, router
from django.utils import timezone

from audit import context
from audit.models import AuditActie, AuditEvent


def groepsnamen(user):
    """The names of the user's groups, sorted; read once per request (cached on the user object) and shared
    with ``wijkteams.rollen``, so logging a read costs no extra query for the role."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ()
    namen = getattr(user, "_groepsnamen", None)
    if namen is None:
        rijen = sorted(user.groups.values_list("name", "id"))
        namen = tuple(n for n, _i in rijen)
        user._groepsnamen = namen
        user._groep_ids = frozenset(i for _n, i in rijen)
    return namen


def groep_ids(user):
    """The ids of the user's groups (team groups included), read with ``groepsnamen`` in the same query."""
    if user is None or not getattr(user, "is_authenticated", False):
        return frozenset()
    if getattr(user, "_groep_ids", None) is None:
        user._groepsnamen = None
        groepsnamen(user)
    return user._groep_ids


def vergeet_groepen(user):
    """Drop what ``groepsnamen``/``groep_ids`` (and the role and coördinator caches built on them) cached on this
    user object: call after changing the user's groups or gebieden."""
    for naam in ("_groepsnamen", "_groep_ids", "_rollen", "_coordinator_gebieden"):
        if hasattr(user, naam):
            delattr(user, naam)


def _rol(user):
    return ",".join(groepsnamen(user))


def _ip(request):
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def _wie_en_waar(actor, request):
    """The fields every row shares: who (name and role at that moment), from where, in which request."""
    request = request or context.huidig_request()
    echte_actor = actor if getattr(actor, "is_authenticated", False) else None
    return {
        "actor": echte_actor,
        "actor_weergave": getattr(actor, "username", "") or "",
        "rol": _rol(echte_actor),
        "request_id": getattr(request, "request_id", "") if request else "",
        "ip": _ip(request),
    }


def log(actor, actie, obj=None, *, detail=None, request=None, resultaat="gelukt", noodtoegang=False, **client):
    """Record one event. ``client`` may pass gemeente_id / huishouden_id / persoon_id (or object_type /
    object_id, for an object that could not be loaded) explicitly."""
    velden = {}
    if obj is not None:
        velden["object_type"] = obj._meta.label_lower
        velden["object_id"] = str(obj.pk)[:64]  # the column holds 64; an API token's key is its 128-char digest
        if hasattr(obj, "audit_context"):
            velden.update(obj.audit_context())
    velden.update({k: v for k, v in client.items() if v is not None})
    return AuditEvent.objects.create(
        **_wie_en_waar(actor, request),
        actie=actie,
        resultaat=resultaat,
        noodtoegang=noodtoegang,
        detail=detail or {},
        **velden,
    )


# One statement for a whole page of households: no model instance per row, no RETURNING (NEN 7513 asks a row
# per client shown; the list pages and API lists write 50 at a time, so this is on the hot path of every list).
_GETOOND = """
INSERT INTO audit_auditevent (tijdstip, actor_id, actor_weergave, rol, namens, actie, resultaat,
    object_type, object_id, gemeente_id, huishouden_id, persoon_id, request_id, ip, noodtoegang, detail)
SELECT %(tijdstip)s, %(actor_id)s, %(actor_weergave)s, %(rol)s, '', %(actie)s, 'gelukt',
    'huishoudens.huishouden', h::text, %(gemeente_id)s, h, NULL, %(request_id)s, %(ip)s, %(noodtoegang)s,
    %(detail)s::jsonb
FROM unnest(%(ids)s::bigint[]) WITH ORDINALITY AS t(h, n) ORDER BY n
"""


def getoond(actor, huishouden_ids, *, actie=AuditActie.GELEZEN, detail=None, request=None, gemeente_id=None,
            noodtoegang=False):
    """One row per household shown by a list, export or print (NEN 7513: per client), in one INSERT.

    ``huishouden_ids`` may repeat and contain None (objects without a household): each household counts once.
    Returns the number of rows written.
    """
    ids = sorted({int(i) for i in huishouden_ids if i is not None})
    if not ids:
        return 0
    basis = _wie_en_waar(actor, request)
    with connections[router.db_for_write(AuditEvent)].cursor() as cursor:
        cursor.execute(_GETOOND, {
            "tijdstip": timezone.now(), "actor_id": basis["actor"].pk if basis["actor"] else None,
            "actor_weergave": basis["actor_weergave"], "rol": basis["rol"], "actie": actie,
            "gemeente_id": gemeente_id, "request_id": basis["request_id"], "ip": basis["ip"],
            "noodtoegang": noodtoegang, "detail": json.dumps(detail or {}, cls=DjangoJSONEncoder), "ids": ids,
        })
    return len(ids)


def geweigerd(actor, object_type, object_id, *, request=None, huishouden_id=None, detail=None):
    """A refused attempt to open something (the 404 at the door): logged with what was asked for. Marks the
    request, so an outer layer (the API's read logging) does not log the same refusal twice."""
    huidig = request or context.huidig_request()
    if huidig is not None:
        huidig.audit_geweigerd = True
    if huishouden_id is not None and not 0 < huishouden_id <= _grootste_id():
        huishouden_id = None  # no household has that id (it does not fit the column): the asked-for id is object_id
    return log(actor, AuditActie.GELEZEN, resultaat="geweigerd", request=request, detail=detail,
               object_type=object_type, object_id=str(object_id)[:64], huishouden_id=huishouden_id)


def _grootste_id():
    """The largest id a household can have: the top of the database's bigint (``common.schema.GetalSleutel``
    asks the same)."""
    return connections[router.db_for_write(AuditEvent)].ops.integer_field_range("BigIntegerField")[1]


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
