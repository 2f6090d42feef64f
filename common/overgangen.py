"""The one check of a status change: is ``naar`` an allowed move from the current status?

Every model with a status keeps its allowed moves in a table ``OVERGANGEN = {van: {naar, ...}}`` next to its
services; the services call :func:`controleer_overgang` before they change the status. A refused move is a
``ValidationError`` with code ``"overgang"`` and a Dutch message naming both statuses.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def controleer_overgang(overgangen, obj, naar, *, bericht=None, veld="status"):
    """Raise ``ValidationError`` (code ``overgang``) unless ``obj.<veld>`` may move to ``naar``; return the old status.

    ``bericht``: the Dutch message, with ``%(van)s`` and ``%(naar)s`` for the labels of both statuses (default:
    "Een <model> met status ‘van’ kan niet naar ‘naar’."). The caller changes the status and records the move.
    """
    van = getattr(obj, veld)
    if naar not in overgangen.get(van, ()):
        labels = dict(obj._meta.get_field(veld).flatchoices)
        if bericht is None:
            bericht = _("Een %(model)s met status ‘%%(van)s’ kan niet naar ‘%%(naar)s’.") % {
                "model": obj._meta.verbose_name}
        raise ValidationError(bericht % {"van": labels.get(van, van), "naar": labels.get(naar, naar)},
                              code="overgang")
    return van
