"""Writes to the dossier, one module per subject; this package only re-exports them.

- ``traject``: open a traject, status transitions, closing and reopening, the regisseur.
- ``dossier``: the household and its persons, network, inventory and relations.
- ``gesprek``: the keukentafelgesprek.
- ``plan``: the plan, its goals, activities, agreement, evaluations and versions.
- ``overdracht``: bulk handover of regie.
- ``noodtoegang``: emergency access (doorbreekglas) and its review.
- ``samenvoegen``: merging two records of the same household (coördinator of the gebied).
- ``kindveiligheid``: the child-safety flag, set with a reason, cleared only by the coördinator's decision.
"""

from .dossier import (
    maak_huishouden,
    toon_bsn,
    voeg_netwerklid_toe,
    voeg_ondersteuning_toe,
    voeg_personen_samen,
    voeg_persoon_toe,
    voeg_relatie_toe,
    wijzig_huishouden,
    wijzig_persoon,
)
from .gesprek import bewaar_gesprek
from .kindveiligheid import hef_zorgen_kindveiligheid_op, meld_zorgen_kindveiligheid
from .noodtoegang import beoordeel as beoordeel_noodtoegang
from .noodtoegang import breek_glas
from .overdracht import draag_alle_regie_over
from .plan import (
    leg_akkoord_vast,
    leg_evaluatie_vast,
    maak_plan,
    nieuwe_planversie,
    stel_plan_vast,
    voeg_actie_toe,
    voeg_doel_toe,
    wijzig_plan,
)
from .samenvoegen import voeg_huishoudens_samen
from .traject import (
    OVERGANGEN,
    beeindig_regie,
    heropen_traject,
    open_traject,
    registreer_uitstroom,
    sluit_traject_af,
    verplaats_traject,
    wijs_regisseur_toe,
    wijzig_status,
)

__all__ = [
    "OVERGANGEN", "open_traject", "wijzig_status", "sluit_traject_af", "heropen_traject", "wijs_regisseur_toe",
    "verplaats_traject",
    "maak_huishouden", "wijzig_huishouden", "voeg_persoon_toe", "wijzig_persoon", "voeg_netwerklid_toe",
    "voeg_ondersteuning_toe", "voeg_relatie_toe", "toon_bsn", "voeg_personen_samen", "bewaar_gesprek",
    "draag_alle_regie_over", "breek_glas", "beoordeel_noodtoegang", "beeindig_regie", "meld_zorgen_kindveiligheid",
    "hef_zorgen_kindveiligheid_op", "voeg_huishoudens_samen",
    "maak_plan", "wijzig_plan", "voeg_doel_toe", "voeg_actie_toe", "leg_akkoord_vast", "leg_evaluatie_vast",
    "stel_plan_vast", "nieuwe_planversie", "registreer_uitstroom",
]
