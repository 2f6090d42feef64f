"""Gemeenschap in cijfers: the counts per wijk and per gebied."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from gemeenschap import rechten, tellingen
from gemeenschap.forms import PeriodeForm
from wijkteams.selectors import gebieden_voor, gemeente_id_van, wijken_voor


@login_required
def cijfers(request):
    if not rechten.mag_cijfers_zien(request.user):
        raise Http404
    vandaag = timezone.localdate()
    # only a quarter, half-year or year (issue 14); by default this year
    van, tot = date(vandaag.year, 1, 1), date(vandaag.year, 12, 31)
    form = PeriodeForm(request.GET or None, initial={"van": van, "tot": tot})
    status = 200
    if request.GET:
        if form.is_valid():
            van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
        else:
            status = 400
    gemeente_id = gemeente_id_van(request.user)
    per_wijk, per_gebied, totaal = tellingen.gepubliceerd(gemeente_id, van, tot)
    wijken = [(w, per_wijk[w.pk]) for w in wijken_voor(request.user).order_by("gebied__naam", "naam")]
    gebieden = [(g, per_gebied[g.pk]) for g in gebieden_voor(request.user).order_by("naam")]
    return render(request, "gemeenschap/cijfers.html", {
        "form": form, "van": van, "tot": tot, "wijken": wijken, "gebieden": gebieden,
        "totaal": totaal},
                  status=status)
