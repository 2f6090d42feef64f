"""The monitor's computing functions, one module per topic; each registers itself in
``monitoring.indicatoren.register.FUNCTIES`` (see that module). Importing this package loads them all."""

from monitoring.indicatoren import bevolking, casework, gemeenschap, maatwerk, participatie, toegang, zrm
from monitoring.indicatoren.register import FUNCTIES, Functie, Uitkomst, registreer

# The topic modules are imported for their registrations.
__all__ = ["FUNCTIES", "Functie", "Uitkomst", "registreer", "bevolking", "casework", "gemeenschap", "maatwerk",
           "participatie", "toegang", "zrm"]
