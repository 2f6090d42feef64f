from django.apps import AppConfig


class CommonConfig(AppConfig):
    """Technical helpers shared by all apps (PDF, charts, suppression); no domain models."""

    name = "common"

    def ready(self):
        from common import thema  # noqa: F401  (registers the system check of the theme and the municipality)
