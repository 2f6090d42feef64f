"""Keukentafelgesprek pages: the form (draft/final, per leefgebied) with its autosave, the read view and the
verslag PDF."""

from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit import log
from common.fouten import fouten_naar_form
from huishoudens import forms, selectors, services
from huishoudens.verslag import maak_verslag_pdf
from huishoudens.views.dossier import gepost

AMSTERDAM = ZoneInfo("Europe/Amsterdam")  # "opgeslagen om 14:32" in Dutch time, whatever the server's zone
AUTOSAVE_SECONDEN = 60  # the draft is saved at most once a minute (the form's data-autosave-seconden)


def _professionals(huishouden):
    return get_user_model().objects.filter(medewerker__gemeente_id=huishouden.gemeente_id, is_active=True).order_by(
        "last_name", "first_name")


def _formulieren(request, huishouden, gesprek):
    form = forms.GesprekForm(gepost(request), instance=gesprek, huishouden=huishouden,
                             professionals=_professionals(huishouden),
                             initial=None if gesprek else {"deelnemers_professionals": [request.user.pk]})
    return form, forms.leefgebied_forms(gepost(request), gesprek)


def _bewaar(request, *, traject, gesprek, form, leefgebieden, definitief):
    """Validate the forms and save through ``services.bewaar_gesprek``: the saved gesprek, or None with the
    errors on ``form`` (the concept button, the final button and the autosave all pass here)."""
    if not (form.is_valid() and all(f.is_valid() for _w, _l, f in leefgebieden)):
        return None
    d = form.cleaned_data
    try:
        return services.bewaar_gesprek(
            traject=traject, door=request.user, gesprek=gesprek, lock_versie=d.get("lock_versie"),
            definitief=definitief,
            velden={k: d[k] for k in ("datum", "plaats", "overige_deelnemers", "eigen_woorden", "afspraken",
                                      "clientondersteuning_aangeboden")},
            leefgebieden={w: f.cleaned_data for w, _l, f in leefgebieden},
            deelnemers_huishouden=d["deelnemers_huishouden"], deelnemers_netwerk=d["deelnemers_netwerk"],
            deelnemers_professionals=d["deelnemers_professionals"])
    except ValidationError as fout:
        # someone else saved in between: the autosave answers 409 (the page must be reloaded), not 400
        form.verouderd = not hasattr(fout, "error_dict") and any(f.code == "verouderd" for f in fout.error_list)
        fouten_naar_form(form, fout)
        return None


@login_required
def gesprek_form(request, pk, gesprek_pk=None):
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=request)
    traject = selectors.lopend_traject(huishouden)
    gesprek = selectors.get_gesprek_voor(request.user, huishouden, gesprek_pk) if gesprek_pk else None
    if traject is None or (gesprek is not None and (gesprek.is_definitief or gesprek.traject_id != traject.pk)):
        raise Http404
    form, leefgebieden = _formulieren(request, huishouden, gesprek)
    status = 200
    if request.method == "POST":
        bewaard = _bewaar(request, traject=traject, gesprek=gesprek, form=form, leefgebieden=leefgebieden,
                          definitief=request.POST.get("actie") == "definitief")
        if bewaard is not None:
            messages.success(request, _("Het gesprek is opgeslagen als %(status)s.")
                             % {"status": bewaard.get_status_display().lower()})
            return redirect("huishoudens:gesprek", huishouden.pk, bewaard.pk)
        status = 400
    autosave = (reverse("huishoudens:gesprek_autosave_wijzigen", args=[huishouden.pk, gesprek.pk]) if gesprek
                else reverse("huishoudens:gesprek_autosave", args=[huishouden.pk]))
    return render(request, "huishoudens/gesprek_form.html", {
        "huishouden": huishouden, "gesprek": gesprek, "form": form, "leefgebieden": leefgebieden,
        "autosave_url": autosave, "autosave_seconden": AUTOSAVE_SECONDEN}, status=status)


def _niet_opgeslagen(tekst, status, fouten=None):
    return JsonResponse({"opgeslagen": False, "melding": _("Niet opgeslagen: %(reden)s") % {"reden": tekst},
                         "fouten": fouten or {}}, status=status)


@login_required
@require_POST
def gesprek_autosave(request, pk, gesprek_pk=None):
    """The draft saved in the background (static/js/autosave.js), through the same service as "Opslaan als
    concept": the first save creates the concept, later ones (to its own URL) update it; never a final gesprek.
    Answers JSON: the time saved and the concept's new URLs and lock version, or 400/409 with the errors."""
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=request, log_lezen=False)
    traject = selectors.lopend_traject(huishouden)
    gesprek = selectors.get_gesprek_voor(request.user, huishouden, gesprek_pk) if gesprek_pk else None
    if traject is None or (gesprek is not None and gesprek.traject_id != traject.pk):
        raise Http404
    if gesprek is not None and gesprek.is_definitief:
        return _niet_opgeslagen(_("dit gesprek is definitief en kan niet meer worden gewijzigd."), 409)
    form, leefgebieden = _formulieren(request, huishouden, gesprek)
    bewaard = _bewaar(request, traject=traject, gesprek=gesprek, form=form, leefgebieden=leefgebieden,
                      definitief=False)
    if bewaard is None:
        fouten = {veld: [str(b) for b in berichten] for veld, berichten in form.errors.items()}
        for _w, _label, lf in leefgebieden:
            fouten.update({lf.add_prefix(veld): [str(b) for b in berichten] for veld, berichten in lf.errors.items()})
        return _niet_opgeslagen(_foutzin(form, leefgebieden), 409 if getattr(form, "verouderd", False) else 400,
                                fouten)
    om = date_format(timezone.localtime(timezone.now(), AMSTERDAM), "H:i")
    return JsonResponse({
        "opgeslagen": True, "opgeslagen_om": om, "melding": _("Concept opgeslagen om %(tijd)s") % {"tijd": om},
        "gesprek": bewaard.pk, "lock_versie": bewaard.lock_versie,
        "autosave_url": reverse("huishoudens:gesprek_autosave_wijzigen", args=[huishouden.pk, bewaard.pk]),
        "formulier_url": reverse("huishoudens:gesprek_wijzigen", args=[huishouden.pk, bewaard.pk]),
    })


def _foutzin(form, leefgebieden):
    """The errors in one sentence for the live region: "Datum: Vul een geldige datum in."."""
    delen = []
    for naam, berichten in form.errors.items():
        label = form.fields[naam].label if naam in form.fields else None
        delen += [f"{label}: {b}" if label else str(b) for b in berichten]
    for _w, label, lf in leefgebieden:
        delen += [f"{label}, {lf.fields[naam].label}: {b}" for naam, berichten in lf.errors.items() for b in berichten]
    return " ".join(delen)


@login_required
def gesprek(request, pk, gesprek_pk):
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=request)
    gesprek = selectors.get_gesprek_voor(request.user, huishouden, gesprek_pk)
    return render(request, "huishoudens/gesprek.html", {
        "huishouden": huishouden, "gesprek": gesprek,
        "leefgebieden": gesprek.leefgebieden.all(),
        "deelnemers": list(gesprek.deelnemers_huishouden.all()), "netwerk": list(gesprek.deelnemers_netwerk.all()),
        "professionals": list(gesprek.deelnemers_professionals.all()),
    })


@login_required
def verslag(request, pk, gesprek_pk):
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=None, log_lezen=False)
    gesprek = selectors.get_gesprek_voor(request.user, huishouden, gesprek_pk)
    if gesprek.verslag_pdf:  # the stored copy of a final gesprek: what the resident received
        with gesprek.verslag_pdf.open("rb") as bestand:
            pdf = bestand.read()
    else:
        pdf = maak_verslag_pdf(gesprek)
    log.geexporteerd(request.user, gesprek, request=request, detail={"document": "verslag",
                                                                      "bewaard": bool(gesprek.verslag_pdf)})
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="verslag-keukentafelgesprek-{gesprek.datum:%Y-%m-%d}.pdf"'
    return antwoord
