from django.contrib.auth import get_user_model

from inloggen.models import ApiToken


def collegas_voor(beheerder):
    """The active staff of the beheerder's own gemeente (the gemeente is on the staff profile, ``medewerker``)."""
    gemeente_id = getattr(getattr(beheerder, "medewerker", None), "gemeente_id", None)
    if gemeente_id is None:
        return get_user_model().objects.none()
    return (get_user_model().objects.filter(is_active=True, medewerker__gemeente_id=gemeente_id)
            .order_by("username"))


def api_tokens_van(user):
    return ApiToken.objects.filter(user=user).order_by("-created")
