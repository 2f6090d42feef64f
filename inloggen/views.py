import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit import log
from inloggen.forms import InlogFormulier, InstelFormulier, bevestigd_apparaat, controleer_code


class InlogView(auth_views.LoginView):
    form_class = InlogFormulier
    redirect_authenticated_user = True

    def form_valid(self, form):
        antwoord = super().form_valid(form)
        if form.apparaat is not None:
            otp_login(self.request, form.apparaat)
        return antwoord


def _qr_svg(url):
    buf = io.BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage).save(buf)
    svg = buf.getvalue().decode()
    return svg[svg.find("<svg"):]


@login_required
def instellen(request):
    """Set up the authenticator app: scan the QR code, confirm with a first code."""
    if bevestigd_apparaat(request.user):
        messages.info(request, _("Tweestapsverificatie is al ingesteld voor uw account."))
        return redirect("start")
    apparaat, _nieuw = TOTPDevice.objects.get_or_create(user=request.user, confirmed=False,
                                                        defaults={"name": "Authenticator-app"})
    form = InstelFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            controleer_code(apparaat, form.cleaned_data["otp_token"])
        except ValidationError as fout:
            form.add_error("otp_token", fout)
        else:
            apparaat.confirmed = True
            apparaat.save(update_fields=["confirmed"])
            otp_login(request, apparaat)
            log.gewijzigd(request.user, request.user, detail={"tweestapsverificatie": "ingesteld"})
            messages.success(request, _("Tweestapsverificatie is ingesteld."))
            return redirect("start")
    status = 400 if request.method == "POST" else 200
    return render(request, "inloggen/instellen.html",
                  {"form": form, "qr": _qr_svg(apparaat.config_url), "sleutel": apparaat.key}, status=status)
