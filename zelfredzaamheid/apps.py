from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZelfredzaamheidConfig(AppConfig):
    name = "zelfredzaamheid"
    verbose_name = "Zelfredzaamheidsmatrix"

    def ready(self):
        from bewaring import registry as bewaring
        from huishoudens import registry
        from huishoudens.signals import huishouden_samengevoegd, persoon_samengevoegd
        from wijkteams import rollen
        from wijkteams.context_processors import registreer_menu
        from zelfredzaamheid import anonimiseren, inzage, registratie, samenvoegen

        for lijst, functie in ((registry.HUISHOUDEN_SECTIES, registratie.sectie),
                               (registry.TIJDLIJN_BRONNEN, registratie.tijdlijn),
                               (registry.AFSLUIT_CONTROLES, registratie.controleer_eindmeting),
                               (bewaring.ANONIMISEERDERS, anonimiseren.anonimiseer),
                               (registry.INZAGE_BRONNEN, inzage.inzage)):
            if functie not in lijst:
                lijst.append(functie)
        registreer_menu("zelfredzaamheid:verdeling", _("ZRM per team"), {rollen.COORDINATOR, rollen.BELEIDSMEDEWERKER})
        persoon_samengevoegd.connect(samenvoegen.persoon_samengevoegd, dispatch_uid="zelfredzaamheid_samenvoegen")
        huishouden_samengevoegd.connect(samenvoegen.huishouden_samengevoegd,
                                        dispatch_uid="zelfredzaamheid_huishouden_samenvoegen")
