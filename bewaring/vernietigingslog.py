"""The destruction record outside the database: one JSON line per executed vernietigingslijst.

A backup restored after a destruction would bring the destroyed dossiers back; ``bin/restore`` therefore replays
this record (``manage.py herhaal_vernietigingen``). The file holds no personal data: the list, the gemeente code,
the date and the internal household numbers. Keep it on other storage than the database (settings
``VERNIETIGINGSLOG``), and never restore it from a backup.
"""

import json
import os
from pathlib import Path

from django.conf import settings
from django.utils import timezone


def pad():
    return Path(settings.VERNIETIGINGSLOG)


def schrijf(lijst, huishouden_ids):
    regel = {"lijst": lijst.pk, "gemeente": lijst.gemeente.cbs_code, "peildatum": lijst.peildatum.isoformat(),
             "uitgevoerd_op": timezone.now().isoformat(), "huishoudens": sorted(huishouden_ids)}
    pad().parent.mkdir(parents=True, exist_ok=True)
    with pad().open("a", encoding="utf-8") as f:
        f.write(json.dumps(regel) + "\n")
        f.flush()
        os.fsync(f.fileno())


def lees(bestand=None):
    bestand = Path(bestand) if bestand else pad()
    if not bestand.exists():
        return []
    return [json.loads(r) for r in bestand.read_text(encoding="utf-8").splitlines() if r.strip()]
