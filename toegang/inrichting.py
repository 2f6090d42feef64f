"""Gathers toegang's parts of the inrichting of a gemeente (``wijkteams.inrichting``), registered from ``apps.py``:
``melding/inrichting.py`` (postcodes), ``maatwerk/inrichting.py`` (catalogue and mandate register),
``opschaling/inrichting.py`` (escalation targets); each adds its own readiness checks."""

from toegang.maatwerk import inrichting as maatwerk
from toegang.melding import inrichting as melding
from toegang.opschaling import inrichting as opschaling
from wijkteams.inrichting.registry import CONTROLES


def registreer_onderdelen():
    for deel in (melding, maatwerk, opschaling):
        deel.registreer_onderdeel()
        if deel.controleer not in CONTROLES:
            CONTROLES.append(deel.controleer)
