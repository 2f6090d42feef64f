from django.apps import AppConfig
from django.db.models.signals import post_migrate


class WijkteamsConfig(AppConfig):
    name = "wijkteams"
    verbose_name = "Organisatie"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from wijkteams import rollen
        from wijkteams.context_processors import registreer_menu

        # after every app's post_migrate (not only our own): the permissions of apps later in INSTALLED_APPS
        # exist only then, so a first migrate grants the same set as every later one
        post_migrate.connect(geef_beheer_rechten, dispatch_uid="wijkteams.geef_beheer_rechten")
        registreer_menu("wijkteams:aanbod_beheer", _("Sociale kaart bijhouden"),
                        {rollen.SOCIAAL_MAKELAAR, rollen.FUNCTIONEEL_BEHEER})
        from wijkteams.inrichting import onderdelen

        onderdelen.registreer_onderdelen()


def geef_beheer_rechten(sender, using="default", **kwargs):
    """The functioneel beheerder maintains the catalogues of FUNCTIONEEL_BEHEER_APPS (not the dossiers)."""
    from django.conf import settings
    from django.contrib.auth.models import Group, Permission

    groep = Group.objects.using(using).filter(name="functioneel_beheer").first()
    if groep is None:
        return
    rechten = Permission.objects.using(using).filter(content_type__app_label__in=settings.FUNCTIONEEL_BEHEER_APPS)
    groep.permissions.add(*rechten)
    groep.permissions.add(*Permission.objects.using(using).filter(
        content_type__app_label="auth", codename__in=["view_user", "change_user", "add_user"]))
