"""The Celery app. Tasks live in each app's ``tasks.py`` and are thin wrappers around services."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("wijkteam")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
