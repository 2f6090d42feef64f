"""After restoring a backup: apply again every destruction of the record that the database does not show."""

from django.core.management.base import BaseCommand

from bewaring import services, vernietigingslog


class Command(BaseCommand):
    help = "Past na het herstellen van een back-up alle uitgevoerde vernietigingslijsten opnieuw toe."

    def add_arguments(self, parser):
        parser.add_argument("--log", help="het vernietigingslog (standaard: settings.VERNIETIGINGSLOG)")

    def handle(self, *args, log=None, **options):
        regels = vernietigingslog.lees(log)
        herhaald = services.herhaal_vernietigingen(regels)
        self.stdout.write(f"{len(regels)} vernietigingen in het log, {herhaald} opnieuw toegepast.")
