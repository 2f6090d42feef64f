"""Set up a gemeente from a folder of CSV files (scripted installs): ``manage.py richt_gemeente_in MAP``.

The gemeente is created from ``instellingen.csv`` when it is not there yet; then every part is imported in
order, all or nothing (``wijkteams.inrichting.services.richt_in``), and the readiness check is printed. Exit code 1
when a file has an error (nothing stored) or, with ``--streng``, when the check still finds something blocking.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wijkteams.inrichting import registry, services


class Command(BaseCommand):
    help = "Richt een gemeente in vanuit een map met CSV-bestanden en toont de gereedheidscontrole."

    def add_arguments(self, parser):
        parser.add_argument("map", help="Map met instellingen.csv, wijken.csv, teams.csv, postcodes.csv, …")
        parser.add_argument("--beheerder", help="Gebruikersnaam van de eerste functioneel beheerder (zonder "
                                                "wachtwoord: zet het met changepassword).")
        parser.add_argument("--email", default="", help="E-mailadres van die beheerder.")
        parser.add_argument("--streng", action="store_true", help="Stop met code 1 als de gemeente nog niet gereed is.")

    def handle(self, *args, map, beheerder=None, email="", streng=False, **options):  # noqa: A002
        try:
            code, naam = services.gemeentecode_uit(map)
        except FileNotFoundError as fout:
            raise CommandError(f"instellingen.csv ontbreekt in {map}.") from fout
        except ValidationError as fout:
            raise CommandError("instellingen.csv: " + " ".join(fout.messages)) from fout
        try:
            with transaction.atomic():
                gemeente = services.maak_gemeente(cbs_code=code, naam=naam)
                uitkomst = services.richt_in(gemeente=gemeente, map=map, door=None)
                if beheerder:
                    services.maak_beheerder(gemeente=gemeente, username=beheerder, email=email)
        except ValidationError as fout:
            for bericht in fout.messages:
                self.stderr.write(bericht)
            raise CommandError("Niets opgeslagen: verbeter de regels hierboven en probeer het opnieuw.") from fout
        for o in registry.ONDERDELEN:
            if o.code in uitkomst:
                t = uitkomst[o.code]
                self.stdout.write(f"{o.titel}: {t.nieuw} nieuw, {t.gewijzigd} gewijzigd, {t.gelijk} ongewijzigd")
        punten = services.gereedheid(gemeente)
        if not any(p.blokkerend for p in punten):
            self.stdout.write(self.style.SUCCESS(f"Gereedheidscontrole {gemeente}: gereed voor gebruik."))
        else:
            self.stdout.write(self.style.WARNING(f"Gereedheidscontrole {gemeente}: nog niet gereed."))
        for p in punten:
            self.stdout.write(f"  {'ONTBREEKT' if p.blokkerend else 'advies'}: {p.tekst}")
        if streng and any(p.blokkerend for p in punten):
            raise CommandError("De gemeente is nog niet gereed.")
