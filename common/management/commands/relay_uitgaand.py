"""Hand side effects that never reached Celery (Redis was down) to it now; the same as the beat task."""

from django.core.management.base import BaseCommand

from common import uitgaand


class Command(BaseCommand):
    help = "Geeft uitgaande taken die Celery nog niet bereikten (outbox) alsnog door."

    def handle(self, *args, **options):
        open_voor = uitgaand.te_versturen().count()
        doorgegeven = uitgaand.relay()
        self.stdout.write(f"{doorgegeven} van {open_voor} uitgaande taken doorgegeven.")
        if doorgegeven < open_voor:
            self.stderr.write("Niet alles doorgegeven: is Redis bereikbaar?")
            raise SystemExit(1)
