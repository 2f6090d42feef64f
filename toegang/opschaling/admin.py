"""Beheer (admin) of the escalation targets (opschalingsdoelen) for the functioneel beheerder.

Opschalingen themselves are not edited here: they change only through the services.
"""

from django.contrib import admin

from toegang.models import OpschalingDoel


@admin.register(OpschalingDoel)
class OpschalingDoelAdmin(admin.ModelAdmin):
    list_display = ("naam", "code", "soort", "minimum_leeftijd", "maximum_leeftijd", "toegang_groep", "gemeente",
                    "actief")
    list_filter = ("gemeente", "soort", "actief")
