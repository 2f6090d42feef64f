from django.contrib.auth import get_user_model

from inloggen.models import ApiToken


def collegas_voor(beheerder):
    """The active staff of the beheerder's own gemeente (the gemeente is on the staff profile, ``medewerker``):
    never the beheerder itself and never a superuser, as everywhere a beheerder acts on accounts
    (``wijkteams.rechten.mag_rollen_wijzigen``)."""
    gemeente_id = getattr(getattr(beheerder, "medewerker", None), "gemeente_id", None)
    if gemeente_id is None:
        return get_user_model().objects.none()
    return (get_user_model().objects.filter(is_active=True, is_superuser=False, medewerker__gemeente_id=gemeente_id)
            .exclude(pk=beheerder.pk).order_by("username"))


def api_tokens_van(user):
    return ApiToken.objects.filter(user=user).order_by("-created")
