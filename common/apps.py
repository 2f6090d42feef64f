from django.apps import AppConfig


class CommonConfig(AppConfig):
    """Technical helpers shared by all apps (PDF, charts, suppression); no domain models."""

    name = "common"
