from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GemeenschapConfig(AppConfig):
    """Eigen kracht and the community: mantelzorg, vrijwilligers and matching, collectieve activiteiten,
    klachten and cliëntervaring. Builds on huishoudens; monitoring reads it."""

    name = "gemeenschap"
    verbose_name = "Eigen kracht en gemeenschap"

    def ready(self):
        from bewaring import registry as bewaring
        from gemeenschap import anonimiseren, inzage, koppelvlak, samenvoegen
        from huishoudens import registry
        from huishoudens.signals import huishouden_samengevoegd, persoon_samengevoegd
        from wijkteams import rollen, views
        from wijkteams.context_processors import registreer_menu

        for lijst, functie in ((registry.ACTIE_EXTRA, koppelvlak.actie_extra),
                               (registry.HUISHOUDEN_SECTIES, koppelvlak.huishouden_sectie),
                               (views.STARTBLOKKEN, koppelvlak.startblok_makelaar),
                               (views.STARTBLOKKEN, koppelvlak.startblok_regisseur),
                               (bewaring.ANONIMISEERDERS, anonimiseren.anonimiseer),
                               (registry.INZAGE_BRONNEN, inzage.inzage)):
            if functie not in lijst:
                lijst.append(functie)
        persoon_samengevoegd.connect(samenvoegen.persoon_samengevoegd, dispatch_uid="gemeenschap_samenvoegen")
        huishouden_samengevoegd.connect(samenvoegen.huishouden_samengevoegd,
                                        dispatch_uid="gemeenschap_huishouden_samenvoegen")
        registreer_menu("gemeenschap:hulpvragen", _("Hulpvragen"),
                        {rollen.SOCIAAL_MAKELAAR, rollen.MEDEWERKER, rollen.COORDINATOR})
        registreer_menu("gemeenschap:vrijwilligers", _("Vrijwilligers"), {rollen.SOCIAAL_MAKELAAR})
        registreer_menu("gemeenschap:mantelzorgers", _("Mantelzorg"), {rollen.MEDEWERKER, rollen.COORDINATOR})
        registreer_menu("gemeenschap:activiteiten", _("Activiteiten"),
                        {rollen.SOCIAAL_MAKELAAR, rollen.MEDEWERKER, rollen.COORDINATOR, rollen.BELEIDSMEDEWERKER})
        registreer_menu("gemeenschap:klachten", _("Klachten"), {rollen.MEDEWERKER, rollen.COORDINATOR})
        registreer_menu("gemeenschap:clientervaring", _("Cliëntervaring"),
                        {rollen.COORDINATOR, rollen.BELEIDSMEDEWERKER})
        registreer_menu("gemeenschap:cijfers", _("Gemeenschap in cijfers"),
                        {rollen.COORDINATOR, rollen.BELEIDSMEDEWERKER, rollen.SOCIAAL_MAKELAAR})
