"""Beheer (admin) of the maatwerk catalogue for the functioneel beheerder.

Dossier data (aanvragen, toewijzingen) is not edited here: it changes only through the services.
"""

from django.contrib import admin

from audit.admin import AlleenLezenAdmin
from toegang.models import (
    Aanbieder,
    BudgetHerschikking,
    BudgetRegel,
    Eenheid,
    Frequentie,
    Mandaat,
    Product,
    ProductCategorie,
)


@admin.register(ProductCategorie)
class ProductCategorieAdmin(admin.ModelAdmin):
    list_display = ("code", "naam", "wet")
    list_filter = ("wet",)


@admin.register(Eenheid, Frequentie)
class CodeAdmin(admin.ModelAdmin):
    list_display = ("code", "naam")


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ("code", "naam", "categorie", "eenheid", "tarief", "gemeente", "actief")
    list_filter = ("gemeente", "categorie__wet", "actief")
    search_fields = ("code", "naam")


@admin.register(Aanbieder)
class AanbiederAdmin(admin.ModelAdmin):
    list_display = ("naam", "agb_code", "gemeente", "actief")
    list_filter = ("gemeente", "actief")
    search_fields = ("naam", "agb_code")


@admin.register(Mandaat)
class MandaatAdmin(admin.ModelAdmin):
    list_display = ("gemeente", "wet", "categorie", "teamtype", "beslisser", "discipline", "externe_instantie")
    list_filter = ("gemeente", "wet", "beslisser")


@admin.register(BudgetRegel)
class BudgetRegelAdmin(admin.ModelAdmin):
    list_display = ("jaar", "gemeente", "gebied", "categorie", "bedrag")
    list_filter = ("gemeente", "jaar", "gebied")


@admin.register(BudgetHerschikking)
class BudgetHerschikkingAdmin(AlleenLezenAdmin):
    """Read-only: reallocations are made on the coördinator's page through the service (history kept)."""

    list_display = ("op", "van", "naar", "bedrag", "door")
