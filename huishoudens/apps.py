from django.apps import AppConfig


class HuishoudensConfig(AppConfig):
    name = "huishoudens"
    verbose_name = "Huishoudens"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from huishoudens.services import organisatie  # noqa: F401  (access follows the organisation)
        from huishoudens.views.dossier import startblok, verplaatsingen_startblok
        from wijkteams import rollen
        from wijkteams.context_processors import registreer_menu
        from wijkteams.views import STARTBLOKKEN

        if startblok not in STARTBLOKKEN:
            STARTBLOKKEN.append(startblok)
        if verplaatsingen_startblok not in STARTBLOKKEN:
            STARTBLOKKEN.append(verplaatsingen_startblok)
        registreer_menu("huishoudens:mijn", _("Mijn huishoudens"), {rollen.MEDEWERKER, rollen.COORDINATOR})
        registreer_menu("huishoudens:zoeken", _("Zoeken"), {rollen.MEDEWERKER, rollen.COORDINATOR, rollen.LZN})
        registreer_menu("huishoudens:bulk_overdracht", _("Regie overdragen"), {rollen.COORDINATOR})
        registreer_menu("huishoudens:noodtoegangen", _("Noodtoegang"), {rollen.COORDINATOR})
        registreer_menu("wijkteams:sociale_kaart", _("Sociale kaart"),
                        {rollen.MEDEWERKER, rollen.COORDINATOR, rollen.LZN, rollen.SOCIAAL_MAKELAAR})
