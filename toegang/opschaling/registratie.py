"""Called from ToegangConfig.ready(): the opschaling timeline source and menu items."""

from django.utils.translation import gettext_lazy as _


def tijdlijn(huishouden):
    from toegang.models import OpschalingStatusWijziging

    for w in OpschalingStatusWijziging.objects.filter(opschaling__huishouden=huishouden).select_related(
            "opschaling__doel"):
        besluit = f" – {w.toelichting}" if w.naar == w.opschaling.Status.BESLOTEN and w.toelichting else ""
        yield {"datum": w.op, "soort": _("Opschaling"),
               "omschrijving": f"{w.opschaling.doel.naam}: {w.get_naar_display()}{besluit}",
               "url": w.opschaling.get_absolute_url()}


def registreer():
    from huishoudens import registry
    from huishoudens.signals import huishouden_samengevoegd
    from toegang.opschaling import samenvoegen
    from wijkteams import rollen
    from wijkteams.context_processors import registreer_menu

    if tijdlijn not in registry.TIJDLIJN_BRONNEN:
        registry.TIJDLIJN_BRONNEN.append(tijdlijn)
    huishouden_samengevoegd.connect(samenvoegen.huishouden_samengevoegd,
                                    dispatch_uid="opschaling_huishouden_samenvoegen")
    registreer_menu("toegang:opschalingen", _("Opschalingen"), {rollen.COORDINATOR, rollen.LZN})
    registreer_menu("toegang:bestuurstafel", _("Bestuurstafel"), {rollen.BESTUURSTAFEL})
    registreer_menu("toegang:beleidssignalen", _("Beleidssignalen"), {rollen.BELEIDSMEDEWERKER})
