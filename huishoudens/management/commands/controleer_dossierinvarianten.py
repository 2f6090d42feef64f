"""``manage.py controleer_dossierinvarianten [--herstel]``: report (and on request repair) the plan and regisseur
invariants, with the same SQL as migration 0003 (``huishoudens.invarianten``)."""

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from huishoudens import invarianten


class Command(BaseCommand):
    help = "Telt plannen en trajecten die de regels van het dossier schenden; met --herstel worden ze hersteld."

    def add_arguments(self, parser):
        parser.add_argument("--herstel", action="store_true", help="Herstel wat hersteld kan worden.")

    def handle(self, *args, herstel=False, **opties):
        with transaction.atomic(), connection.cursor() as cursor:
            if herstel:
                regels = invarianten.rapport(invarianten.herstel(cursor))
            else:
                regels = [f"{naam.replace('_', ' ')}: {aantal}" for naam, aantal in invarianten.tel(cursor).items()]
                zonder = invarianten.zonder_regisseur(cursor)
                if zonder:
                    regels.append(f"trajecten zonder regisseur: {', '.join(map(str, zonder[:50]))}")
        for regel in regels:
            self.stdout.write(regel)
