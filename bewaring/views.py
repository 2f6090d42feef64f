from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bewaring import services
from bewaring.models import Vernietigingslijst
from wijkteams import rollen
from wijkteams.selectors import medewerker_van


def _beheerder(request):
    mw = medewerker_van(request.user)
    if mw is None or not rollen.heeft_rol(request.user, rollen.FUNCTIONEEL_BEHEER):
        raise Http404
    return mw


@login_required
def lijsten(request):
    mw = _beheerder(request)
    return render(request, "bewaring/lijsten.html",
                  {"lijsten": Vernietigingslijst.objects.filter(gemeente_id=mw.gemeente_id)[:50]})


@login_required
def lijst(request, pk):
    mw = _beheerder(request)
    gevonden = Vernietigingslijst.objects.filter(gemeente_id=mw.gemeente_id, pk=pk).first()
    if gevonden is None:
        raise Http404
    return render(request, "bewaring/lijst.html", {"lijst": gevonden, "regels": gevonden.regels.all()[:500],
                                                   "aantal": gevonden.regels.count(),
                                                   "overgeslagen": gevonden.regels.exclude(overgeslagen="").count()})


@require_POST
@login_required
def opstellen(request):
    mw = _beheerder(request)
    nieuw = services.stel_lijst_op(gemeente=mw.gemeente, door=request.user)
    messages.success(request, _("De vernietigingslijst is opgesteld. Controleer hem en bevestig."))
    return redirect("bewaring:lijst", pk=nieuw.pk)


@require_POST
@login_required
def bevestigen(request, pk):
    mw = _beheerder(request)
    gevonden = Vernietigingslijst.objects.filter(gemeente_id=mw.gemeente_id, pk=pk).first()
    if gevonden is None:
        raise Http404
    try:
        services.bevestig_lijst(lijst=gevonden, door=request.user)
    except (PermissionDenied, ValidationError) as fout:
        messages.error(request, " ".join(getattr(fout, "messages", [str(fout)])))
        return redirect("bewaring:lijst", pk=pk)
    messages.success(request, _("Bevestigd. De gegevens worden nu geanonimiseerd; dit wordt vastgelegd."))
    return redirect("bewaring:lijst", pk=pk)
