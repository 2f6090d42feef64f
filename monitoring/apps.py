from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "Monitoring"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkteams import rollen
        from wijkteams.context_processors import registreer_menu
        from wijkteams.views import STARTBLOKKEN

        registreer_menu("monitoring:dashboard", _("Monitoring"), {rollen.BELEIDSMEDEWERKER, rollen.COORDINATOR})
        if startblok not in STARTBLOKKEN:
            STARTBLOKKEN.append(startblok)


def startblok(request):
    """Start page block: the latest monitor, with the gemeente PDF one click away."""
    from monitoring import selectors, services

    if not services.mag_monitoren(request.user):
        return None
    run = selectors.klare_runs_voor(request.user).filter(soort="kwartaal").order_by("-van").first()
    return {"template": "monitoring/_startblok.html", "run": run}
