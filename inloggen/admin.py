from django.contrib import admin

from inloggen import services
from inloggen.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """The beheerder sees the API tokens of the own gemeente's staff and revokes them (delete)."""

    list_display = ["naam", "user", "token_key", "created", "expiry", "laatst_gebruikt_op"]
    list_filter = ["expiry"]
    search_fields = ["naam", "user__username", "token_key"]
    readonly_fields = ["naam", "user", "token_key", "created", "expiry", "laatst_gebruikt_op"]
    exclude = ["digest"]
    actions = None

    def get_queryset(self, request):
        qs = super().get_queryset(request).select_related("user")
        if request.user.is_superuser:
            return qs
        gemeente_id = getattr(getattr(request.user, "medewerker", None), "gemeente_id", None)
        return qs.filter(user__medewerker__gemeente_id=gemeente_id)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        services.trek_api_token_in(door=request.user, token=obj)
