"""Import the wijk boundaries of a gemeente from a GeoJSON file (scripted installs):
``manage.py importeer_wijkgrenzen GEMEENTECODE BESTAND``. All or nothing (``wijkteams.grenzen``); exit code 1 with
every error when the file is refused."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from wijkteams.grenzen import importeer_wijkgrenzen
from wijkteams.models import Gemeente


class Command(BaseCommand):
    help = "Importeert de wijkgrenzen van een gemeente uit een GeoJSON FeatureCollection (WGS84)."

    def add_arguments(self, parser):
        parser.add_argument("gemeentecode", help="CBS-gemeentecode, bijvoorbeeld 0597.")
        parser.add_argument("bestand", help="GeoJSON FeatureCollection met per wijk de eigenschap ‘wijkcode’.")
        parser.add_argument("--bron", default="", help="Bron die bij de grenzen wordt bewaard.")

    def handle(self, *args, gemeentecode, bestand, bron="", **options):
        gemeente = Gemeente.objects.filter(cbs_code=gemeentecode.removeprefix("GM")).first()
        if gemeente is None:
            raise CommandError(f"Geen gemeente met code {gemeentecode}.")
        pad = Path(bestand)
        if not pad.is_file():
            raise CommandError(f"Bestand {bestand} bestaat niet.")
        try:
            telling = importeer_wijkgrenzen(gemeente=gemeente, inhoud=pad.read_bytes(), door=None,
                                            bron=bron or f"GeoJSON-import {pad.name}")
        except ValidationError as fout:
            for bericht in fout.messages:
                self.stderr.write(bericht)
            raise CommandError("Niets opgeslagen: verbeter het bestand en probeer het opnieuw.") from fout
        self.stdout.write(f"Wijkgrenzen {gemeente}: {telling.nieuw} nieuw, {telling.gewijzigd} gewijzigd, "
                          f"{telling.gelijk} ongewijzigd")
