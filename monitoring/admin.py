"""Beheer of the catalogue; runs, their actions and the imported figures are read-only here (computed, published,
or read through the import with its checks): deleting a finished run would change the baseline of every later
monitor (``nulmeting``)."""

from django.contrib import admin

from audit.admin import AlleenLezenAdmin
from monitoring.models import ImportWaarde, Indicator, MonitorActie, MonitorRun


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["naam", "code", "thema", "eenheid", "status", "bron", "functie", "is_clientcijfer", "kern"]
    list_filter = ["thema", "status", "bron", "wet"]
    search_fields = ["naam", "code"]

    def get_readonly_fields(self, request, obj=None):
        # the code identifies the indicator in stored runs; the function is registered in code
        return ["code", "functie"] if obj is not None else ["functie"]


@admin.register(MonitorRun)
class MonitorRunAdmin(AlleenLezenAdmin):
    list_display = ["label", "gemeente", "soort", "status", "voortgang", "gestart_via", "aangemaakt_op", "duur_ms"]
    list_filter = ["gemeente", "soort", "status"]


@admin.register(ImportWaarde)
class ImportWaardeAdmin(AlleenLezenAdmin):
    list_display = ["indicator", "wijk", "van", "tot", "teller", "noemer", "bron", "geimporteerd_op"]
    list_filter = ["indicator", "gemeente"]


@admin.register(MonitorActie)
class MonitorActieAdmin(AlleenLezenAdmin):
    list_display = ["indicator", "gebied", "periode_label", "door", "op"]
