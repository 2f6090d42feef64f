from django.contrib import admin
from guardian.admin import GuardedModelAdmin

from wijkteams import models


class GemeenteCatalogusAdmin(admin.ModelAdmin):
    list_display = ("naam", "code", "gemeente", "actief")
    list_filter = ("gemeente", "actief")
    search_fields = ("naam", "code")


for model in (models.TeamType, models.Organisatie, models.Discipline, models.SignaalgeverType, models.Kanaal):
    admin.site.register(model, GemeenteCatalogusAdmin)


@admin.register(models.Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ("naam", "cbs_code")


@admin.register(models.Gebied)
class GebiedAdmin(admin.ModelAdmin):
    list_display = ("naam", "gemeente")
    list_filter = ("gemeente",)


class WijkIndelingInline(admin.TabularInline):
    model = models.WijkIndeling
    extra = 0


class WijkInwonersInline(admin.TabularInline):
    model = models.WijkInwoners
    extra = 0


@admin.register(models.Wijk)
class WijkAdmin(admin.ModelAdmin):
    list_display = ("cbs_code", "naam", "gebied", "gemeente")
    list_filter = ("gemeente", "gebied")
    inlines = [WijkIndelingInline, WijkInwonersInline]


class TeamLidmaatschapInline(admin.TabularInline):
    model = models.TeamLidmaatschap
    extra = 0
    autocomplete_fields = ["medewerker"]


@admin.register(models.Team)
class TeamAdmin(GuardedModelAdmin):
    list_display = ("naam", "type", "gebied", "gemeente")
    list_filter = ("gemeente", "type")
    inlines = [TeamLidmaatschapInline]


@admin.register(models.Medewerker)
class MedewerkerAdmin(admin.ModelAdmin):
    list_display = ("__str__", "gemeente", "organisatie", "discipline", "uren_per_week")
    list_filter = ("gemeente", "discipline", "organisatie")
    search_fields = ("user__username", "user__first_name", "user__last_name")
    filter_horizontal = ("coordinator_van",)


@admin.register(models.Locatie)
class LocatieAdmin(admin.ModelAdmin):
    list_display = ("naam", "soort", "wijk", "gemeente")
    list_filter = ("gemeente", "soort")
    search_fields = ("naam", "postcode")
