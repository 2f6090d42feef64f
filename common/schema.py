"""The API's edge: every operation documents the errors it can give, in the shape of common.fouten: 400 with field
errors, 401/403/404 and 429 with a Dutch ``detail``. A drf-spectacular postprocessing hook
(``SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]``), so no view has to repeat it; and ids in the URL that are
no whole number are a 404 (:class:`Router`)."""

from django.db import connection
from rest_framework.exceptions import NotFound
from rest_framework.routers import DefaultRouter

from common.invoer import is_cijfers

FOUT = "Fout"
VELDFOUTEN = "Veldfouten"

ANTWOORDEN = {
    "400": ("Ongeldige invoer: per veld de fouten (of non_field_errors).", VELDFOUTEN),
    "401": ("Niet ingelogd of ongeldige sleutel.", FOUT),
    "403": ("Geen toegang voor deze rol.", FOUT),
    "404": ("Bestaat niet, of u mag het niet zien.", FOUT),
    "429": ("Te veel verzoeken vanaf uw verbinding; probeer het later opnieuw (zie Retry-After).", FOUT),
}


def foutantwoorden(result, generator, request, public):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault(FOUT, {"type": "object", "properties": {"detail": {"type": "string"}},
                              "required": ["detail"]})
    schemas.setdefault(VELDFOUTEN, {
        "type": "object",
        "description": "Veld → lijst met Nederlandse foutmeldingen (geneste velden als object).",
        "additionalProperties": True,
    })
    for pad in result.get("paths", {}).values():
        for methode, operatie in pad.items():
            if methode not in {"get", "post", "put", "patch", "delete"}:
                continue
            antwoorden = operatie.setdefault("responses", {})
            for code, (tekst, naam) in ANTWOORDEN.items():
                antwoorden.setdefault(code, {
                    "description": tekst,
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{naam}"}}},
                })
    return result


class GetalSleutel:
    """A numeric id in the URL that is not a whole number (``/opschalingen/null,null/``) or does not fit the
    database column is a 404 in the API's shape, never a ValueError (500). Mixed into every viewset with the
    default ``pk`` lookup by :class:`Router`."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        waarde = kwargs.get(getattr(self, "lookup_url_kwarg", None) or "pk")
        grootste = connection.ops.integer_field_range("BigAutoField")[1]  # the top of the id column's type
        if waarde is not None and not (is_cijfers(str(waarde)) and int(waarde) <= grootste):
            raise NotFound()


class Router(DefaultRouter):
    """The /api/v1/ router: viewsets looked up by ``pk`` get :class:`GetalSleutel`."""

    def register(self, prefix, viewset, basename=None):
        if getattr(viewset, "lookup_field", "pk") == "pk" and not issubclass(viewset, GetalSleutel):
            viewset = type(viewset.__name__, (GetalSleutel, viewset), {"__module__": viewset.__module__,
                                                                        "__doc__": viewset.__doc__})
        super().register(prefix, viewset, basename)
