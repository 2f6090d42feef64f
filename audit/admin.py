from django.contrib import admin

from audit.models import AuditEvent


class AlleenLezenAdmin(admin.ModelAdmin):
    """Admin that shows records but never adds, changes or deletes them (logs, histories, receipts)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(AlleenLezenAdmin):
    """Read-only: the database refuses changes anyway; the admin does not offer them."""

    list_display = ("tijdstip", "actor_weergave", "rol", "actie", "resultaat", "object_type", "object_id",
                    "huishouden_id", "ip")
    list_filter = ("actie", "resultaat", "noodtoegang")
    search_fields = ("actor_weergave", "object_id", "request_id")
    date_hierarchy = "tijdstip"
