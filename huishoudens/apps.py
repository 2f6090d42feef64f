from django.apps import AppConfig


class HuishoudensConfig(AppConfig):
    name = "huishoudens"
    verbose_name = "Huishoudens"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from huishoudens import signals  # noqa: F401
        from huishoudens.views.dossier import startblok
        from wijkteams import rollen
        from wijkteams.context_processors import registreer_menu
        from wijkteams.views import STARTBLOKKEN

        if startblok not in STARTBLOKKEN:
            STARTBLOKKEN.append(startblok)
        registreer_menu("huishoudens:mijn", _("Mijn huishoudens"), {rollen.MEDEWERKER, rollen.COORDINATOR})
        registreer_menu("huishoudens:zoeken", _("Zoeken"), {rollen.MEDEWERKER, rollen.COORDINATOR, rollen.LZN})
        registreer_menu("huishoudens:bulk_overdracht", _("Regie overdragen"), {rollen.COORDINATOR})
        registreer_menu("wijkteams:sociale_kaart", _("Sociale kaart"),
                        {rollen.MEDEWERKER, rollen.COORDINATOR, rollen.LZN, rollen.SOCIAAL_MAKELAAR})
