from django.apps import AppConfig


class HuishoudensConfig(AppConfig):
    name = "huishoudens"
    verbose_name = "Huishoudens"

    def ready(self):
        from huishoudens import signals  # noqa: F401
