from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserCreationForm
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from audit import log
from common import vierogen
from wijkteams import models, rechten, rollen, selectors, services


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
class TeamAdmin(admin.ModelAdmin):
    """New teams and memberships go through ``wijkteams.services``, so the team group and access follow."""

    list_display = ("naam", "type", "gebied", "gemeente")
    list_filter = ("gemeente", "type")
    exclude = ("groep",)
    inlines = [TeamLidmaatschapInline]

    def get_readonly_fields(self, request, obj=None):
        # Moving a team to another gebied would move household access outside the services: not here.
        return ("gemeente", "gebied") if obj else ()

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        team = services.maak_team(gemeente=obj.gemeente, gebied=obj.gebied, type=obj.type, naam=obj.naam,
                                  door=request.user)
        obj.pk, obj.groep, obj._state.adding = team.pk, team.groep, False
        return None

    def save_formset(self, request, form, formset, change):
        if formset.model is not models.TeamLidmaatschap:
            return super().save_formset(request, form, formset, change)
        team = form.instance
        formset.save(commit=False)
        for lid in formset.deleted_objects:
            services.verwijder_teamlid(team=team, medewerker=lid.medewerker, door=request.user)
        for lid, velden in formset.changed_objects:
            if "medewerker" in velden:  # another person on an existing row: the old one leaves
                oud = models.TeamLidmaatschap.objects.get(pk=lid.pk).medewerker
                services.verwijder_teamlid(team=team, medewerker=oud, door=request.user)
            services.voeg_teamlid_toe(team=team, medewerker=lid.medewerker, uren_per_week=lid.uren_per_week,
                                      door=request.user)
        for lid in formset.new_objects:
            services.voeg_teamlid_toe(team=team, medewerker=lid.medewerker, uren_per_week=lid.uren_per_week,
                                      door=request.user)
        return None


@admin.register(models.Medewerker)
class MedewerkerAdmin(admin.ModelAdmin):
    """Coördinator-of-gebied goes through ``wijkteams.services``, so team and household access follow."""

    list_display = ("__str__", "gemeente", "organisatie", "discipline", "uren_per_week")
    list_filter = ("gemeente", "discipline", "organisatie")
    search_fields = ("user__username", "user__first_name", "user__last_name")
    filter_horizontal = ("coordinator_van",)

    def get_readonly_fields(self, request, obj=None):
        vast = ("user", "gemeente") if obj else ()
        if obj is not None and obj.user_id == request.user.pk and not request.user.is_superuser:
            vast += ("coordinator_van",)  # a beheerder never changes its own role
        return vast

    def save_related(self, request, form, formsets, change):
        if "coordinator_van" not in form.cleaned_data:
            return super().save_related(request, form, formsets, change)
        medewerker = form.instance
        oud = set(medewerker.coordinator_van.all())
        nieuw = set(form.cleaned_data.pop("coordinator_van"))
        form.save_m2m()
        for gebied in sorted(oud - nieuw, key=lambda g: g.pk):
            services.trek_coordinatorschap_in(medewerker=medewerker, gebied=gebied, door=request.user)
        if nieuw - oud:
            services.maak_coordinator(medewerker=medewerker, gebieden=sorted(nieuw - oud, key=lambda g: g.pk),
                                      door=request.user)
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
        return None


@admin.register(models.Locatie)
class LocatieAdmin(admin.ModelAdmin):
    list_display = ("naam", "soort", "wijk", "gemeente")
    list_filter = ("gemeente", "soort")
    search_fields = ("naam", "postcode")


# --- accounts -----------------------------------------------------------------------------------------------

class AccountForm(forms.ModelForm):
    """An account with application roles; no superuser, staff, groups or permissions fields at all."""

    rollen = forms.MultipleChoiceField(label=_("Rollen"), required=False, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = get_user_model()
        fields = ("username", "first_name", "last_name", "email", "is_active")

    def __init__(self, *args, door=None, **kwargs):
        super().__init__(*args, **kwargs)
        toekenbaar = rollen.ALLE if door is None or door.is_superuser else rechten.TOEKENBARE_ROLLEN
        self.fields["rollen"].choices = [(r, rollen.NAMEN[r]) for r in toekenbaar]
        if self.instance.pk:
            self.fields["rollen"].initial = [r for r in rollen.rollen_van(self.instance) if r in toekenbaar]
        if door is not None and self.instance.pk and not rechten.mag_rollen_wijzigen(door, self.instance):
            self.fields["rollen"].disabled = True  # one's own account: the role cannot be changed


class NieuwAccountForm(UserCreationForm):
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=models.Gemeente.objects.all())

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username",)

    def __init__(self, *args, door=None, **kwargs):
        super().__init__(*args, **kwargs)
        if door is not None and not door.is_superuser:
            self.fields["gemeente"].queryset = models.Gemeente.objects.filter(pk=selectors.gemeente_id_van(door))


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class AccountAdmin(UserAdmin):
    """Accounts: roles through ``services.zet_rollen``; a new account belongs to a gemeente at once."""

    form = AccountForm
    add_form = NieuwAccountForm
    fieldsets = ((None, {"fields": ("username", "password")}),
                 (_("Persoon"), {"fields": ("first_name", "last_name", "email")}),
                 (_("Toegang"), {"fields": ("is_active", "rollen")}))
    add_fieldsets = ((None, {"fields": ("username", "password1", "password2", "gemeente")}),)
    list_display = ("username", "first_name", "last_name", "is_active")
    list_filter = ("is_active",)
    filter_horizontal = ()
    readonly_fields = ("password",)

    def get_form(self, request, obj=None, **kwargs):
        klasse = super().get_form(request, obj, **kwargs)
        return type(klasse.__name__, (klasse,), {"__init__": _met_door(klasse, request.user)})

    def get_changeform_initial_data(self, request):
        return {"gemeente": selectors.gemeente_id_van(request.user)}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            services.maak_medewerker(account=obj, gemeente=form.cleaned_data["gemeente"], door=request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if "rollen" in form.cleaned_data and not form.fields["rollen"].disabled:
            services.zet_rollen(account=form.instance, rollen_namen=form.cleaned_data["rollen"], door=request.user)

    def user_change_password(self, request, id, form_url=""):  # noqa: A002 (Django's name)
        """Setting a colleague's password: an audit row, and four eyes with resetting their second factor
        (``common.vierogen``): whoever reset it lately does not also set the password."""
        account = self.get_object(request, unquote(id))
        if request.method == "POST" and account is not None and vierogen.andere_stap_gedaan(
                request.user, account, vierogen.WACHTWOORD_GEZET):
            messages.error(request, _("U heeft de tweestapsverificatie van dit account hersteld; een andere "
                                      "beheerder zet het wachtwoord (vier ogen)."))
            return redirect("admin:auth_user_change", account.pk)
        antwoord = super().user_change_password(request, id, form_url)
        if request.method == "POST" and account is not None and antwoord.status_code == 302:
            log.gewijzigd(request.user, account, detail=vierogen.WACHTWOORD_GEZET)
        return antwoord


def _met_door(klasse, door):
    def __init__(self, *args, **kwargs):
        klasse.__init__(self, *args, door=door, **kwargs)
    return __init__
