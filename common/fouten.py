"""The one place where a service's error reaches the user.

Services raise Django's ``ValidationError`` (with Dutch messages, per field where they can) or
``PermissionDenied``. Views put those on their form with :func:`fouten_naar_form`; API views let them
propagate and :func:`api_exception_handler` (``REST_FRAMEWORK["EXCEPTION_HANDLER"]``) turns them into the
same shape as DRF's own validation errors: ``{"veld": ["..."], "non_field_errors": ["..."]}`` with 400, or
``{"detail": "..."}`` with 403.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from rest_framework import exceptions
from rest_framework.views import exception_handler

from common.afremmen import te_veel_tekst

NIET_VELD = "non_field_errors"


def foutvelden(fout, *, velden=None, hernoem=None):
    """A ``ValidationError`` as a dict field → list of messages.

    ``velden`` (optional): the known field names; messages for other keys go under ``non_field_errors``.
    ``hernoem`` (optional): a function mapping a key to the key to report it under (e.g. ``domein_*`` → ``scores``).
    """
    if not hasattr(fout, "error_dict"):
        return {NIET_VELD: list(fout.messages)}
    uit = {}
    for veld, berichten in fout.message_dict.items():
        if hernoem is not None:
            veld = hernoem(veld)
        if veld == "__all__" or (velden is not None and veld not in velden):
            veld = NIET_VELD
        uit.setdefault(veld, []).extend(berichten)
    return uit


def fouten_naar_form(form, fout):
    """Put a service's ``ValidationError`` / ``PermissionDenied`` on ``form``: per field where the form has it,
    otherwise as a non-field error. Nothing the user typed is lost: the bound form is rendered again."""
    if isinstance(fout, ValidationError):
        for veld, berichten in foutvelden(fout, velden=form.fields).items():
            form.add_error(None if veld == NIET_VELD else veld, berichten)
    else:
        form.add_error(None, str(fout))


def als_api_fout(fout, **kwargs):
    """A Django ``ValidationError``/``PermissionDenied`` as the matching DRF exception (400/403)."""
    if isinstance(fout, ValidationError):
        return exceptions.ValidationError(foutvelden(fout, **kwargs))
    return exceptions.PermissionDenied(str(fout) or None)


def api_exception_handler(exc, context):
    """DRF exception handler: Django's ``ValidationError`` becomes a 400 in DRF's shape (DRF itself already
    maps ``PermissionDenied`` and ``Http404``); everything else goes to DRF's handler unchanged."""
    if isinstance(exc, ValidationError):
        exc = als_api_fout(exc)
    elif isinstance(exc, exceptions.Throttled):
        exc = exceptions.Throttled(exc.wait, detail=te_veel_tekst(exc.wait))
    return exception_handler(exc, context)


def roep_aan(functie, **kwargs):
    """Call a service from an API view; its errors become DRF 400/403 in the shared shape."""
    try:
        return functie(**kwargs)
    except (ValidationError, PermissionDenied) as fout:
        raise als_api_fout(fout) from fout


def niet_gevonden(request, exception=None):
    """``handler404``: under /api/ a 404 in the API's shape (JSON, as documented), elsewhere the 404 page."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Niet gevonden.")}, status=404)
    return defaults.page_not_found(request, exception)
