"""National code lists for maatwerk (iWmo / iJw): product categories, units and frequencies.

Constants only (no model imports), so the data migration and the catalogue set-up share them.
"""

from decimal import Decimal

WMO = [
    ("01", "Hulp bij het huishouden"), ("02", "Begeleiding"), ("03", "Persoonlijke verzorging"),
    ("04", "Kortdurend verblijf"), ("05", "Woondiensten"), ("06", "Overige ondersteuning"),
    ("07", "Dagbesteding"), ("08", "Vervoerdiensten"), ("09", "Overige groepsgerichte ondersteuning"),
    ("10", "Overige maatwerkarrangementen"), ("11", "Rolstoelen"), ("12", "Vervoervoorzieningen"),
    ("13", "Woonvoorzieningen"), ("14", "Overige hulpmiddelen"), ("15", "Beschermd wonen"), ("16", "Opvang"),
    ("17", "Spoedopvang"), ("18", "Overige beschermd wonen en opvang"),
]
JEUGD = [
    ("40", "Persoonlijke verzorging"), ("41", "Dagbehandeling"), ("42", "Vervoerdiensten"),
    ("43", "Jeugdhulp verblijf (incl. behandeling)"), ("44", "Jeugdhulp verblijf (excl. behandeling)"),
    ("45", "Jeugdhulp ambulant"), ("46", "Jeugdhulp crisis"), ("47", "Jeugdreclassering"),
    ("48", "Jeugdbescherming"), ("49", "Activiteiten in het preventief justitieel kader"),
    ("50", "Maatwerkarrangementen jeugd"),
]
# The Participatiewet has no iStandaard and so no national product categories: these two are the application's own
# codes (kept in the same table so the mandate register and the budget lines work alike for every law).
PARTICIPATIE = [("01", "Inkomensondersteuning"), ("02", "Schuldhulpverlening")]
EENHEDEN = [("01", "minuut"), ("04", "uur"), ("14", "etmaal"), ("16", "dagdeel"), ("82", "stuks (inspanning)"),
            ("83", "euro"), ("84", "stuks (output)")]
FREQUENTIES = [("1", "per dag", Decimal("1")), ("2", "per week", Decimal("7")),
               ("4", "per maand", Decimal("30.4375")), ("6", "totaal binnen geldigheidsduur", None)]
