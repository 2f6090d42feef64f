"""Export of toewijzingen with the fields of the iWmo/iJw 301 message, as JSON.

The structure is documented by the JSON Schema in ``toegang/toewijzing_schema.json``; a test validates
every export against it. No message network: this is what a gemeente hands to its provider or Inlichtingenbureau.
"""

import json
from pathlib import Path

from django.utils import timezone

SCHEMA_PAD = Path(__file__).with_name("toewijzing_schema.json")
VERSIE = "1.0"


def schema():
    return json.loads(SCHEMA_PAD.read_text(encoding="utf-8"))


def toewijzing_als_dict(t):
    rij = {
        "toewijzingnummer": t.toewijzingnummer,
        "gemeentecode": t.gemeente.cbs_code,
        "aanbieder": {"agbCode": t.aanbieder.agb_code, "naam": t.aanbieder.naam},
        "client": {"bsn": t.client.bsn, "geboortedatum": t.client.geboortedatum.isoformat()},
        "wet": t.categorie.wet,
        "productcategorie": t.categorie.code,
        "productcode": t.product.code,
        "ingangsdatum": t.start.isoformat(),
        "einddatum": t.eind.isoformat(),
        "zorgGestart": t.zorg_gestart_op.isoformat() if t.zorg_gestart_op else None,
        "zorgGestopt": t.zorg_gestopt_op.isoformat() if t.zorg_gestopt_op else None,
        "redenEinde": t.reden_einde or None,
    }
    if t.budget is not None:
        rij["budget"] = {"bedrag": f"{t.budget:.2f}", "valuta": "EUR"}
    else:
        rij["omvang"] = {"volume": t.volume, "eenheid": t.eenheid.code, "frequentie": t.frequentie.code}
    return rij


def exporteer(toewijzingen, *, gemeente):
    return {
        "versie": VERSIE,
        "gemeentecode": gemeente.cbs_code,
        "aangemaakt": timezone.now().isoformat(),
        "toewijzingen": [toewijzing_als_dict(t) for t in toewijzingen.filter(gemeente=gemeente).order_by("pk")],
    }
