"""``manage.py demo_data``: load the demo data of every app, idempotently, and print the accounts.

Each app may offer ``<app>.demo.laad(stdout)``; they run in INSTALLED_APPS order (foundations first),
so wijkteams does not import the apps that build on it.
"""

import importlib

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from common.statistieken import analyseer
from wijkteams.demo import DEMO_WACHTWOORD


class Command(BaseCommand):
    help = "Laadt de demodata (Ridderkerk en Alblasserdam). Twee keer draaien is veilig."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Ook in productie (niet doen).")

    def handle(self, *args, force=False, **options):
        if settings.PRODUCTION and not force:
            raise CommandError("Demodata wordt niet geladen in productie.")
        accounts = []
        for config in apps.get_app_configs():
            try:
                module = importlib.import_module(f"{config.name}.demo")
            except ModuleNotFoundError as fout:
                if fout.name != f"{config.name}.demo":
                    raise
                continue
            with transaction.atomic():
                resultaat = module.laad(stdout=self.stdout) or {}
                # Fresh statistics for the next app's demo: its queries run on the rows just loaded
                # (inside a test transaction autovacuum cannot see them; ANALYZE sees its own rows).
                with connection.cursor() as cursor:
                    analyseer(cursor)
            accounts.extend(resultaat.get("accounts", []))
            self.stdout.write(f"Demodata geladen: {config.verbose_name}")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_WACHTWOORD}):"))
        for username, omschrijving in accounts:
            self.stdout.write(f"  {username:<22} {omschrijving}")
