"""The beheer pages (Django admin) limited to the functioneel beheerder's own gemeente.

``BeheerSite`` adds ``GemeenteBeperkt`` in front of every registered ModelAdmin, so no app can forget it:
a beheerder sees and edits only rows of its own gemeente (found through ``gemeente_pad``), may pick only related
rows of its own gemeente, and cannot change rows that belong to no gemeente (shared code lists). Superusers are
not limited. Which roles a beheerder may hand out is decided in ``wijkteams.rechten``.

This module is imported while apps load (``INSTALLED_APPS``): it imports models only inside functions.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.utils.translation import gettext as _


def gemeente_pad(model, diepte=2):
    """The lookup from ``model`` to its gemeente id, or None when its rows belong to no gemeente."""
    from django.contrib.auth import get_user_model

    from wijkteams.models import Gemeente

    if model is Gemeente:
        return "pk"
    if model is get_user_model():
        return "medewerker__gemeente"
    if _heeft_veld(model, "gemeente"):
        return "gemeente"
    if diepte == 0:
        return None
    for veld in model._meta.get_fields():
        if (veld.many_to_one or veld.one_to_one) and veld.concrete and veld.related_model is not None:
            verder = gemeente_pad(veld.related_model, diepte - 1)
            if verder is not None:
                return veld.name if verder == "pk" else f"{veld.name}__{verder}"
    return None


def _heeft_veld(model, naam):
    try:
        return model._meta.get_field(naam).many_to_one
    except FieldDoesNotExist:
        return False


def _eigen_gemeente(request):
    """None for a superuser (not limited), else the user's gemeente id (or -1: sees nothing)."""
    from wijkteams.selectors import gemeente_id_van

    if request.user.is_superuser:
        return None
    gid = gemeente_id_van(request.user)
    return -1 if gid is None else gid


class GemeenteBeperkt:
    """Mixin for every ModelAdmin of the beheer site (added by ``BeheerSite.register``)."""

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        gid = _eigen_gemeente(request)
        if gid is None:
            return qs
        pad = gemeente_pad(self.model)
        if pad is None:
            return qs
        qs = qs.filter(**{pad: gid})
        if self.model is qs.model and hasattr(self.model, "is_superuser"):
            qs = qs.filter(is_superuser=False)
        return qs

    def _eigen_rij(self, request, obj):
        gid = _eigen_gemeente(request)
        if gid is None:
            return True
        pad = gemeente_pad(self.model)
        if pad is None:
            return obj is None  # shared code lists: a beheerder may look, never change
        return obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_change_permission(self, request, obj=None):
        return self._mag_schrijven(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._mag_schrijven(request, obj) and super().has_delete_permission(request, obj)

    def has_add_permission(self, request, *args):
        from wijkteams.models import Gemeente

        if _eigen_gemeente(request) is not None and (
                gemeente_pad(self.model) is None or self.model is Gemeente):
            return False
        return super().has_add_permission(request, *args)

    def _mag_schrijven(self, request, obj):
        if _eigen_gemeente(request) is not None and gemeente_pad(self.model) is None:
            return False
        return self._eigen_rij(request, obj)

    def has_view_permission(self, request, obj=None):
        return self._eigen_rij(request, obj) and super().has_view_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        veld = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return _beperk_keuzes(veld, db_field, request)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        veld = super().formfield_for_manytomany(db_field, request, **kwargs)
        return _beperk_keuzes(veld, db_field, request)

    def save_model(self, request, obj, form, change):
        gid = _eigen_gemeente(request)
        if gid is not None and getattr(obj, "gemeente_id", gid) != gid:
            raise PermissionDenied(_("U beheert alleen uw eigen gemeente."))
        super().save_model(request, obj, form, change)


def _beperk_keuzes(veld, db_field, request):
    gid = _eigen_gemeente(request)
    if veld is None or gid is None or not hasattr(veld, "queryset"):
        return veld
    pad = gemeente_pad(db_field.related_model)
    if pad is None:
        return veld
    veld.queryset = veld.queryset.filter(**{pad: gid})
    return veld


class BeheerSite(admin.AdminSite):
    """The admin site at /beheer/: every ModelAdmin registered here is limited by ``GemeenteBeperkt``."""


    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, GemeenteBeperkt):
            admin_class = type(admin_class.__name__, (GemeenteBeperkt, admin_class), {"__module__": __name__})
        return super().register(model_or_iterable, admin_class, **options)


class BeheerAdminConfig(AdminConfig):
    default_site = "wijkteams.beheer.BeheerSite"
