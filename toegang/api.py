"""Gathers the API of the three parts of toegang on the shared /api/v1/ router."""

from toegang.maatwerk import api as maatwerk_api
from toegang.melding import api as melding_api
from toegang.opschaling import api as opschaling_api


def registreer(router):
    melding_api.registreer(router)
    maatwerk_api.registreer(router)
    opschaling_api.registreer(router)
