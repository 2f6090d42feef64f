"""The beheer screen of the inrichting: the readiness check, the parts with their example files, one upload form.

Only the functioneel beheerder of the gemeente (403 for everyone else); every import goes through the service.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from wijkteams import rechten
from wijkteams.inrichting import registry, services
from wijkteams.inrichting.forms import InrichtingForm


def _gemeente_van_beheerder(request):
    if not rechten.is_beheerder(request.user):
        raise PermissionDenied(_("Alleen de functioneel beheerder van de gemeente richt de gemeente in."))
    return request.user.medewerker.gemeente


@login_required
def inrichting(request):
    gemeente = _gemeente_van_beheerder(request)
    form = InrichtingForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                telling = services.importeer(gemeente=gemeente, onderdeel=form.cleaned_data["onderdeel"],
                                             inhoud=form.cleaned_data["bestand"].read(), door=request.user)
            except ValidationError as fout:
                for bericht in fout.messages:
                    form.add_error("bestand", bericht)
            else:
                messages.success(request, _("Geïmporteerd: %(n)d nieuw, %(g)d gewijzigd, %(o)d ongewijzigd.")
                                 % {"n": telling.nieuw, "g": telling.gewijzigd, "o": telling.gelijk})
                return redirect("wijkteams:inrichting")
    punten = services.gereedheid(gemeente)
    return render(request, "wijkteams/inrichting.html", {
        "gemeente": gemeente, "form": form, "onderdelen": registry.ONDERDELEN, "punten": punten,
        "gereed": not any(p.blokkerend for p in punten),
    }, status=status)


@login_required
def voorbeeld(request, code):
    _gemeente_van_beheerder(request)
    try:
        onderdeel = registry.onderdeel(code)
    except KeyError:
        raise Http404 from None
    if onderdeel.voorbeeld is None or not onderdeel.voorbeeld.exists():
        raise Http404
    return FileResponse(onderdeel.voorbeeld.open("rb"), as_attachment=True, filename=f"voorbeeld_{onderdeel.bestand}",
                        content_type="text/csv; charset=utf-8")
