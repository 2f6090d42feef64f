"""Setting up a gemeente in an installation ("inrichten"): from a folder of CSV files, by the management command
``richt_gemeente_in`` (scripted installs) or by the functioneel beheerder in the beheer screen ``/inrichting/``.

The parts (``onderdelen``) are registered in ``registry``: wijkteams registers its own (settings, gebieden and
wijken, team types, organisations, disciplines, signaalgevers, kanalen, teams) in ``onderdelen``; higher apps
(toegang: postcodes, maatwerk catalogue and mandate register, escalation targets) register theirs from their
``apps.py``, so wijkteams never imports them. ``services`` runs a part or a whole folder (all or nothing) and the
readiness check (``gereedheid``).
"""
