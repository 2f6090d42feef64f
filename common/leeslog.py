"""NEN 7513 for the API: every response that shows data of households writes one audit row per household.

Every API viewset declares what it shows by inheriting one of two markers (tests/audit/test_api_leeslog.py walks
the OpenAPI schema and fails on a GET endpoint whose viewset declares neither, and checks the behaviour):

- :class:`LogtLezen` — shows data of households. ``huishouden_pad`` says how to get from a shown object to its
  household id: an attribute (``"huishouden_id"``) read from the object, or a lookup (``"traject__huishouden_id"``)
  resolved for the whole page in one query. Lists write their rows in one bulk INSERT; a GET that ends in 404 on
  a detail URL is logged as a refused attempt.
- :class:`ToontGeenHuishoudens` — shows none (organisation, catalogues, aggregates); ``waarom`` says why.
"""

from audit import log
from audit.models import AuditActie
from common.invoer import is_cijfers


class ToontGeenHuishoudens:
    waarom = ""


class LogtLezen:
    huishouden_pad = "huishouden_id"
    leesactie = AuditActie.GELEZEN

    def get_serializer(self, *args, **kwargs):
        # a page of a list; a single object is caught in get_object (a viewset whose own get_object goes
        # through a selector that logs the read, such as aanvragen and opschalingen, is not logged twice)
        if args and kwargs.get("many") and self.request.method == "GET":
            self._getoond = args[0]
        return super().get_serializer(*args, **kwargs)

    def get_object(self):
        obj = super().get_object()
        if self.request.method == "GET":
            self._getoond = obj
        return obj

    def huishoudens_van(self, objecten):
        """The household ids of the shown objects (a model instance, a list of them or a queryset)."""
        if objecten is None:
            return []
        if hasattr(objecten, "_meta"):
            objecten = [objecten]
        objecten = list(objecten)
        if not objecten:
            return []
        if "__" not in self.huishouden_pad:
            return [getattr(o, self.huishouden_pad) for o in objecten]
        model = type(objecten[0])
        return list(model._default_manager.filter(pk__in=[o.pk for o in objecten]).values_list(
            self.huishouden_pad, flat=True))

    def log_getoond(self, objecten, *, actie=None, detail=None):
        detail = {"api": self.request.path[:200], **(detail or {})}
        if hasattr(objecten, "_meta"):  # one object: logged as itself, with its household
            huishouden = next(iter(self.huishoudens_van(objecten)), None)
            log.log(self.request.user, actie or self.leesactie, objecten, request=self.request, detail=detail,
                    huishouden_id=huishouden)
            return
        log.getoond(self.request.user, self.huishoudens_van(objecten), actie=actie or self.leesactie,
                    request=self.request, detail=detail)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method != "GET":
            return response
        if 200 <= response.status_code < 300 and getattr(self, "_getoond", None) is not None:
            self.log_getoond(self._getoond)
        elif (response.status_code == 404 and (self.lookup_url_kwarg or self.lookup_field) in self.kwargs
              and not getattr(request, "audit_geweigerd", False)):
            self._log_geweigerd(request, self.kwargs[self.lookup_url_kwarg or self.lookup_field])
        return response

    def _log_geweigerd(self, request, sleutel):
        """The 404 at the door: what was asked for (missing and forbidden alike, as the answer itself)."""
        try:
            objecttype = self.get_queryset().model._meta.label_lower
        except Exception:  # noqa: BLE001 — the refusal is logged even when the queryset cannot be built
            objecttype = ""
        huishouden = int(sleutel) if self.huishouden_pad in ("id", "pk") and is_cijfers(str(sleutel)) else None
        log.geweigerd(request.user, objecttype, sleutel, request=request, huishouden_id=huishouden,
                      detail={"api": request.path[:200]})
