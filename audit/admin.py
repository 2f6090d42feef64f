from django.contrib import admin

from audit.models import AuditEvent
from common.admin import AlleenLezenAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(AlleenLezenAdmin):
    """Read-only: the database refuses changes anyway; the admin does not offer them."""

    list_display = ("tijdstip", "actor_weergave", "rol", "actie", "resultaat", "object_type", "object_id",
                    "huishouden_id", "ip")
    list_filter = ("actie", "resultaat", "noodtoegang")
    search_fields = ("actor_weergave", "object_id", "request_id")
    date_hierarchy = "tijdstip"
