"""Beheer of the melding part: postcode → wijk table, partner keys (made through the service, key shown once),
and a read-only view of meldingen and absences."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from audit.admin import AlleenLezenAdmin
from toegang.melding import services
from toegang.models import Afwezigheid, Melding, PartnerToken, PostcodeWijk


@admin.register(PostcodeWijk)
class PostcodeWijkAdmin(admin.ModelAdmin):
    list_display = ("postcode", "wijk", "gemeente")
    list_filter = ("gemeente",)
    search_fields = ("postcode", "wijk__naam")


@admin.register(PartnerToken)
class PartnerTokenAdmin(admin.ModelAdmin):
    list_display = ("organisatie", "naam", "prefix", "actief", "aangemaakt_op", "laatst_gebruikt_op")
    list_filter = ("actief",)
    fields = ("organisatie", "naam", "actief", "prefix", "aangemaakt_op", "laatst_gebruikt_op")
    readonly_fields = ("prefix", "aangemaakt_op", "laatst_gebruikt_op")

    def get_readonly_fields(self, request, obj=None):
        return (*self.readonly_fields, "organisatie") if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        token, sleutel = services.maak_partner_token(organisatie=obj.organisatie, naam=obj.naam, door=request.user)
        obj.pk = token.pk
        messages.warning(request, _("Nieuwe sleutel (wordt maar één keer getoond): %(s)s") % {"s": sleutel})


@admin.register(Melding)
class MeldingAdmin(AlleenLezenAdmin):
    list_display = ("ontvangstnummer", "gemeente", "soort", "status", "team", "ontvangen_op")
    list_filter = ("gemeente", "status", "soort")
    search_fields = ("ontvangstnummer",)
    fields = ("ontvangstnummer", "gemeente", "soort", "status", "team", "ontvangen_op", "onderzoek_uiterlijk")
    readonly_fields = fields


@admin.register(Afwezigheid)
class AfwezigheidAdmin(AlleenLezenAdmin):
    """Read-only: an absence and its substitute are recorded through ``services.registreer_afwezigheid`` (one's
    own, or by one's coördinator; a substitute of the same team). Written here, a beheerder could name itself
    substitute of anyone and read their meldingen."""

    list_display = ("medewerker", "van", "tot", "vervanger")
    date_hierarchy = "van"
