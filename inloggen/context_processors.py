from django.conf import settings


def sessie(request):
    """The idle timeout for the warning in base.html (static/js/sessie.js)."""
    if not getattr(getattr(request, "user", None), "is_authenticated", False):
        return {}
    return {
        "sessie_inactief_seconden": settings.SESSIE_INACTIEF_SECONDEN,
        "sessie_waarschuwing_seconden": settings.SESSIE_WAARSCHUWING_SECONDEN,
        "sessie_waarschuwing_minuten": max(settings.SESSIE_WAARSCHUWING_SECONDEN // 60, 1),
    }
