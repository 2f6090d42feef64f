"""Inzage: a household's data, or one resident's, as a JSON download (and for a resident a readable PDF), for the
regisseur and the coördinator of the gebied. Producing it is logged as an export of the dossier."""

import json

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.utils import timezone

from audit import log
from common.pdf import maak_pdf
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


def _persoon_inzage(request, pk, persoon_pk, formaat):
    huishouden = selectors.get_huishouden_voor(request.user, pk, log_lezen=False)  # logged as export
    if not inzage.mag_inzage_exporteren(request.user, huishouden):
        raise Http404
    persoon = selectors.get_persoon_voor(request.user, huishouden, persoon_pk)
    document = inzage.verzamel(huishouden, persoon=persoon)
    log.geexporteerd(request.user, persoon, request=request, detail={"soort": "inzage persoon", "formaat": formaat})
    naam = f"inzage-persoon-{persoon.pk}-{timezone.localdate():%Y%m%d}.{formaat}"
    if formaat == "json":
        antwoord = HttpResponse(json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
                                content_type="application/json; charset=utf-8")
    else:
        onderdelen = [{"titel": o["titel"], "regels": list(inzage.als_regels(o["gegevens"]))}
                      for o in document["onderdelen"]]
        antwoord = HttpResponse(maak_pdf("huishoudens/pdf/inzage_persoon.html", {
            "persoon": persoon, "gemeente": huishouden.gemeente, "datum": timezone.localdate(),
            "onderdelen": onderdelen}), content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord


@login_required
def inzage_persoon_json(request, pk, persoon_pk):
    return _persoon_inzage(request, pk, persoon_pk, "json")


@login_required
def inzage_persoon_pdf(request, pk, persoon_pk):
    return _persoon_inzage(request, pk, persoon_pk, "pdf")
