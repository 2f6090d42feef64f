"""Extension points of the inrichting (register in your ``AppConfig.ready()``; wijkteams imports no higher app).

- ONDERDELEN: :class:`Onderdeel` — one CSV file of the inrichting, imported all or nothing by
  ``importeer(gemeente=..., inhoud=..., door=...) -> Telling``; ``volgorde`` decides the order in a folder
  (gebieden before teams, wijken before postcodes).
- CONTROLES: callables ``(gemeente) -> iterable of Punt`` for the readiness check ("gereedheidscontrole").
"""

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Telling:
    nieuw: int = 0
    gewijzigd: int = 0
    gelijk: int = 0

    def __add__(self, ander):
        return Telling(self.nieuw + ander.nieuw, self.gewijzigd + ander.gewijzigd, self.gelijk + ander.gelijk)

    @property
    def veranderd(self):
        return bool(self.nieuw or self.gewijzigd)


@dataclass(frozen=True)
class Onderdeel:
    code: str
    titel: str
    bestand: str  # file name in a folder of the inrichting
    kolommen: str  # the heading, shown to the beheerder
    importeer: object  # callable(*, gemeente, inhoud, door) -> Telling
    volgorde: int
    voorbeeld: Path | None = None
    toelichting: str = ""
    verplicht: bool = True


@dataclass(frozen=True)
class Punt:
    """One finding of the readiness check. ``blokkerend``: go-live must wait; otherwise advice."""

    tekst: str
    blokkerend: bool = True
    onderdeel: str = ""
    extra: dict = field(default_factory=dict, compare=False)


ONDERDELEN = []
CONTROLES = []


def registreer(onderdeel):
    if any(o.code == onderdeel.code for o in ONDERDELEN):
        return
    ONDERDELEN.append(onderdeel)
    ONDERDELEN.sort(key=lambda o: o.volgorde)


def onderdeel(code):
    for o in ONDERDELEN:
        if o.code == code:
            return o
    raise KeyError(code)
