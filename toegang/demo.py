"""Demo data of toegang: meldingen (melding.demo) and maatwerk/opschaling (maatwerk.demo)."""

from toegang.maatwerk import demo as maatwerk_demo
from toegang.melding import demo as melding_demo


def laad(stdout=None):
    melding_demo.laad(stdout)
    maatwerk_demo.laad(stdout)
