import os

from django.core.management.base import BaseCommand

from audit.rollen import ken_rechten_toe, rechten_op_audit


class Command(BaseCommand):
    help = ("Als eigenaar van de database (na migrate): maak de applicatierol aan en geef haar alleen de rechten "
            "die zij nodig heeft; op het logboek alleen INSERT en SELECT.")

    def add_arguments(self, parser):
        parser.add_argument("--app-rol", default=os.environ.get("DB_APP_USER", "wijkteam_app"))
        parser.add_argument("--wachtwoord-uit-env", default="DB_APP_PASSWORD",
                            help="Naam van de omgevingsvariabele met het wachtwoord van de applicatierol.")

    def handle(self, *args, app_rol, wachtwoord_uit_env, **options):
        ken_rechten_toe(app_rol, wachtwoord=os.environ.get(wachtwoord_uit_env) or None)
        rechten = sorted(rechten_op_audit(app_rol))
        self.stdout.write(f"Rol {app_rol}: op het logboek alleen {', '.join(rechten)}.")
