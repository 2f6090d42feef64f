"""The Celery app. Tasks live in each app's ``tasks.py`` and are thin wrappers around services."""

import os

from celery import Celery
from celery.signals import beat_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("wijkteam")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@beat_init.connect
def haal_gemiste_planning_in(sender=None, **kwargs):
    """Beat was down for a while? Catch up the periods it missed (the quarterly monitor, today's digest) now."""
    app.send_task("common.tasks.haal_planning_in")
