"""Beheer of the catalogue and the imported figures; runs and values are read-only (computed)."""

from django.contrib import admin

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
class MonitorRunAdmin(admin.ModelAdmin):
    list_display = ["label", "gemeente", "soort", "status", "voortgang", "gestart_via", "aangemaakt_op", "duur_ms"]
    list_filter = ["gemeente", "soort", "status"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ImportWaarde)
class ImportWaardeAdmin(admin.ModelAdmin):
    list_display = ["indicator", "wijk", "van", "tot", "teller", "noemer", "bron", "geimporteerd_op"]
    list_filter = ["indicator", "gemeente"]

    def has_add_permission(self, request):
        return False


@admin.register(MonitorActie)
class MonitorActieAdmin(admin.ModelAdmin):
    list_display = ["indicator", "gebied", "periode_label", "door", "op"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
