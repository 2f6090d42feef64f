"""What every page of the gemeenschap app shares: the role check and saving a form through a service."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render

from common.fouten import fouten_naar_form


def rol_vereist(controle):
    """403 for a role that may not use this page at all (objects it may not see give 404)."""

    def decorator(view):
        @wraps(view)
        @login_required
        def binnen(request, *args, **kwargs):
            if not controle(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return binnen

    return decorator


def _opslaan(request, form, template, context, actie):
    """Run ``actie(cleaned_data)``; on ValidationError re-render with status 400 and nothing typed lost."""
    if form.is_valid():
        try:
            return actie(form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
    return render(request, template, {**context, "form": form}, status=400)
