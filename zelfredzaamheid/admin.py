"""The ZRM catalogue for the functioneel beheerder: versions, domains, levels and criteria texts.

Once a version has measurements, its domains' code and order are fixed (the scores are stored in that order),
and domains cannot be added or removed; names and criteria texts stay editable. Measurements themselves are
personal data and are not in the admin.
"""

from django.contrib import admin

from zelfredzaamheid.models import Criterium, Domein, MatrixVersie, Niveau


def _in_gebruik(versie):
    return versie is not None and versie.pk is not None and versie.metingen.exists()


class DomeinInline(admin.TabularInline):
    model = Domein
    extra = 0
    fields = ("volgorde", "code", "naam")
    show_change_link = True

    def get_readonly_fields(self, request, obj=None):
        return ("volgorde", "code") if _in_gebruik(obj) else ()

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not _in_gebruik(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not _in_gebruik(obj)


@admin.register(MatrixVersie)
class MatrixVersieAdmin(admin.ModelAdmin):
    list_display = ("naam", "code", "actief")
    inlines = [DomeinInline]

    def get_readonly_fields(self, request, obj=None):
        return ("code",) if _in_gebruik(obj) else ()

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not _in_gebruik(obj)


class CriteriumInline(admin.TabularInline):
    model = Criterium
    extra = 0
    fields = ("niveau", "tekst")


@admin.register(Domein)
class DomeinAdmin(admin.ModelAdmin):
    list_display = ("naam", "code", "versie", "volgorde")
    list_filter = ("versie",)
    inlines = [CriteriumInline]

    def get_readonly_fields(self, request, obj=None):
        return ("versie", "volgorde", "code") if obj is not None and _in_gebruik(obj.versie) else ()

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj is not None and _in_gebruik(obj.versie))


@admin.register(Niveau)
class NiveauAdmin(admin.ModelAdmin):
    list_display = ("score", "naam")

    def has_delete_permission(self, request, obj=None):
        return False
