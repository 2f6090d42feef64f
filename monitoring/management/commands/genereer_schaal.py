"""``manage.py genereer_schaal --seed 1 --schaal 1.0 --auditdagen 365``: synthetic data at Rotterdam scale."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from monitoring import schaal as generator


class Command(BaseCommand):
    help = ("Vult een nieuwe gemeente met synthetische gegevens op schaal (1.0 = Rotterdam: 300.000 huishoudens), "
            "deterministisch vanuit een seed, met set-based SQL.")

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--schaal", type=float, default=1.0)
        parser.add_argument("--auditdagen", type=int, default=365, help="dagen leeslog (CI: 1)")
        parser.add_argument("--cbs", default="0599", help="CBS-code van de nieuwe gemeente")
        parser.add_argument("--peildatum", type=date.fromisoformat, default=None, help="JJJJ-MM-DD (standaard vandaag)")

    def handle(self, *args, seed, schaal, auditdagen, cbs, peildatum, **options):
        from wijkteams.models import Gemeente

        if schaal <= 0 or auditdagen < 0:
            raise CommandError("--schaal moet positief zijn en --auditdagen niet negatief.")
        if Gemeente.objects.filter(cbs_code=cbs).exists():
            raise CommandError(f"Gemeente met CBS-code {cbs} bestaat al; kies een andere --cbs.")
        tellingen = generator.genereer(seed=seed, schaal=schaal, auditdagen=auditdagen, cbs=cbs, peildatum=peildatum,
                                    meld=lambda t: self.stdout.write(t))
        for naam, aantal in tellingen.items():
            self.stdout.write(f"{naam}: {aantal:,}".replace(",", "."))
