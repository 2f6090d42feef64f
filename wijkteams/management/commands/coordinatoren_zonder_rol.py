"""``manage.py coordinatoren_zonder_rol [--herstel]``: accounts that still coordinate gebieden
(``Medewerker.coordinator_van``) without the coördinator role, and so may hold that role's team and household
access: the state of a role taken away before ``services.zet_rollen`` ended the coördinatorschap with it. With
``--herstel`` they are ended through ``services.trek_alle_coordinatorschappen_in`` (audited)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from wijkteams import rollen, services
from wijkteams.models import Medewerker


class Command(BaseCommand):
    help = "Toont medewerkers die gebieden coördineren zonder de rol coördinator; met --herstel eindigt dat."

    def add_arguments(self, parser):
        parser.add_argument("--herstel", action="store_true", help="Beëindig die coördinatorschappen.")

    @transaction.atomic
    def handle(self, *args, herstel=False, **opties):
        zonder_rol = (Medewerker.objects.filter(coordinator_van__isnull=False)
                      .exclude(user__groups__name=rollen.COORDINATOR).distinct().select_related("user")
                      .order_by("user__username"))
        for medewerker in zonder_rol:
            gebieden = (services.trek_alle_coordinatorschappen_in(medewerker=medewerker) if herstel
                        else medewerker.coordinator_van.order_by("naam", "pk"))
            self.stdout.write(f"{medewerker.user.username}: {', '.join(g.naam for g in gebieden)}")
        if not zonder_rol:
            self.stdout.write("Geen medewerkers die gebieden coördineren zonder de rol coördinator.")
        elif herstel:
            self.stdout.write("Beëindigd; de toegang die erbij hoorde is ingetrokken.")
