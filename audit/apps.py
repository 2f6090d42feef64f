from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Logboek (NEN 7513)"

    def ready(self):
        from audit import signals  # noqa: F401
