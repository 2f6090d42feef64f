from django.contrib import admin


class AlleenLezenAdmin(admin.ModelAdmin):
    """Admin that shows records but never adds, changes or deletes them (logs, histories, receipts)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
