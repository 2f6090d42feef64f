"""Demo data of toegang: meldingen (demo_melding) and maatwerk/opschaling (demo_maatwerk)."""

from toegang import demo_maatwerk, demo_melding


def laad(stdout=None):
    demo_melding.laad(stdout)
    demo_maatwerk.laad(stdout)
