import io
import time

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from common.fouten import fouten_naar_form
from inloggen import selectors, services
from inloggen.forms import ApiTokenFormulier, InlogFormulier, InstelFormulier

WACHTWOORD_OP = "inloggen_wachtwoord_op"  # when this session proved the password (enrolment window)
INSTEL_APPARAAT = "inloggen_instel_apparaat"  # the unconfirmed app of this session's enrolment
HERSTELCODES = "inloggen_herstelcodes"  # shown once after enrolment


class InlogView(auth_views.LoginView):
    form_class = InlogFormulier
    redirect_authenticated_user = True

    def form_valid(self, form):
        antwoord = super().form_valid(form)
        if form.apparaat is not None:
            otp_login(self.request, form.apparaat)
        else:
            self.request.session[WACHTWOORD_OP] = time.time()
        return antwoord


def geblokkeerd(request, *args, **kwargs):
    """django-axes: the answer to a login attempt from a locked account or address (HTTP 429)."""
    form = InlogFormulier(request)
    minuten = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/login.html", {"form": form, "geblokkeerd_minuten": minuten}, status=429)


def _qr_svg(url):
    buf = io.BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage).save(buf)
    svg = buf.getvalue().decode()
    return svg[svg.find("<svg"):]


def _verse_sessie(request):
    moment = request.session.get(WACHTWOORD_OP)
    return moment is not None and time.time() - moment <= settings.TWEE_FACTOR_INSTELTERMIJN


def _instel_apparaat(request):
    apparaat = TOTPDevice.objects.filter(pk=request.session.get(INSTEL_APPARAAT), user=request.user,
                                         confirmed=False).first()
    if apparaat is None:
        apparaat = TOTPDevice.objects.create(user=request.user, confirmed=False, name="Authenticator-app")
        request.session[INSTEL_APPARAAT] = apparaat.pk
    return apparaat


@login_required
def instellen(request):
    """Set up the authenticator app: scan the QR code, confirm with a first code. Only in the session that
    has just proved the password, and only for an account without a confirmed app."""
    if services.heeft_tweede_factor(request.user):
        messages.info(request, _("Tweestapsverificatie is al ingesteld voor uw account."))
        return redirect("start")
    if not _verse_sessie(request):
        logout(request)
        messages.error(request, _("Log opnieuw in om tweestapsverificatie in te stellen."))
        return redirect("login")
    apparaat = _instel_apparaat(request)
    form = InstelFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            apparaat, codes = services.bevestig_app(user=request.user, apparaat=apparaat,
                                                    code=form.cleaned_data["otp_token"])
        except (ValidationError, PermissionDenied) as fout:
            fouten_naar_form(form, fout)
        else:
            otp_login(request, apparaat)
            for sleutel in (WACHTWOORD_OP, INSTEL_APPARAAT):
                request.session.pop(sleutel, None)
            request.session[HERSTELCODES] = codes
            messages.success(request, _("Tweestapsverificatie is ingesteld."))
            return redirect("herstelcodes")
    status = 400 if request.method == "POST" else 200
    return render(request, "inloggen/instellen.html",
                  {"form": form, "qr": _qr_svg(apparaat.config_url), "sleutel": apparaat.key}, status=status)


@login_required
def herstelcodes(request):
    """The recovery codes, shown once (after enrolment, or after asking for new ones)."""
    if request.method == "POST":
        request.session[HERSTELCODES] = services.vernieuw_herstelcodes(user=request.user)
        return redirect("herstelcodes")
    codes = request.session.pop(HERSTELCODES, None)
    return render(request, "inloggen/herstelcodes.html", {"codes": codes})


@login_required
def beheer(request):
    """The functioneel beheerder: the staff of the own gemeente and whether each has two factors."""
    if not request.user.has_perm("inloggen.herstel_tweestapsverificatie"):
        raise PermissionDenied
    return render(request, "inloggen/beheer.html", {"gebruikers": selectors.collegas_voor(request.user)})


@login_required
@require_POST
def herstellen(request, pk):
    if not request.user.has_perm("inloggen.herstel_tweestapsverificatie"):
        raise PermissionDenied
    gebruiker = selectors.collegas_voor(request.user).filter(pk=pk).first()
    if gebruiker is None:
        raise Http404
    try:
        services.herstel_tweede_factor(door=request.user, gebruiker=gebruiker)
    except PermissionDenied as fout:  # four eyes: this beheerder set the account's password lately
        messages.error(request, str(fout))
        return redirect("tweestaps-beheer")
    messages.success(request, _("De tweestapsverificatie van %(naam)s is hersteld. Bij de volgende keer inloggen "
                                "stelt deze persoon een nieuwe app in.") % {"naam": gebruiker.get_username()})
    return redirect("tweestaps-beheer")


@login_required
def api_tokens(request):
    """The own API tokens, with last use; make a new one (only after two factors) or revoke one."""
    form = ApiTokenFormulier(request.POST or None)
    geheim = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                _token, geheim = services.maak_api_token(door=request.user, naam=form.cleaned_data["naam"])
            except PermissionDenied as fout:
                fouten_naar_form(form, fout)
                status = 403
            else:
                form = ApiTokenFormulier()
        else:
            status = 400
    return render(request, "inloggen/api_tokens.html", {
        "form": form, "geheim": geheim, "tokens": selectors.api_tokens_van(request.user),
        "mag_maken": request.user.is_verified(),
    }, status=status)


@login_required
@require_POST
def api_token_intrekken(request):
    digest = request.POST.get("token", "")
    if "\x00" in digest:  # never a token, and PostgreSQL text cannot hold it (it answered 500)
        raise Http404
    token = get_object_or_404(selectors.api_tokens_van(request.user), digest=digest)
    services.trek_api_token_in(door=request.user, token=token)
    messages.success(request, _("Het API-token is ingetrokken."))
    return redirect("api-tokens")


@login_required
@require_POST
def sessie_verlengen(request):
    """Called by the idle warning's button: any request counts as activity (inloggen.middleware)."""
    return HttpResponse(status=204)


