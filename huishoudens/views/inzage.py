"""Inzage: a household's data as a JSON download, for the regisseur and the coördinator of the gebied."""

import json

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.utils import timezone

from audit import log
from huishoudens import inzage, selectors


@login_required
def inzage_export(request, pk):
    huishouden = selectors.get_huishouden_voor(request.user, pk, log_lezen=False)  # logged as export
    if not inzage.mag_inzage_exporteren(request.user, huishouden):
        raise Http404
    inhoud = json.dumps(inzage.verzamel(huishouden), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    log.geexporteerd(request.user, huishouden, request=request, detail={"soort": "inzage"})
    antwoord = HttpResponse(inhoud, content_type="application/json; charset=utf-8")
    naam = f"inzage-huishouden-{huishouden.pk}-{timezone.localdate():%Y%m%d}.json"
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord
