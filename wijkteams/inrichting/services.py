"""Writes of the inrichting: one part from one file, or a whole folder, each all or nothing; the readiness check.

Who: the functioneel beheerder of the gemeente itself (``rechten.is_beheerder``, never another gemeente), or the
system (``door`` None: the management command of a scripted install). Every import that changed something writes
one audit row with its counts.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit import log
from wijkteams import rechten, rollen
from wijkteams.inrichting import registry
from wijkteams.inrichting.registry import Telling
from wijkteams.models import Gemeente, Medewerker
from wijkteams.validators import valideer_gemeentecode


def mag_inrichten(user, gemeente):
    """Only the functioneel beheerder of this gemeente sets it up through the screens."""
    return rechten.is_beheerder(user) and user.medewerker.gemeente_id == gemeente.pk


def _controleer_door(door, gemeente):
    if door is not None and not mag_inrichten(door, gemeente):
        raise PermissionDenied(_("Alleen de functioneel beheerder van de gemeente richt de gemeente in."))


@transaction.atomic
def importeer(*, gemeente, onderdeel, inhoud, door):
    """Import one part (``registry.Onderdeel`` or its code) from ``inhoud``: all or nothing; a Telling."""
    _controleer_door(door, gemeente)
    if isinstance(onderdeel, str):
        onderdeel = registry.onderdeel(onderdeel)
    gemeente = Gemeente.objects.select_for_update().get(pk=gemeente.pk)
    telling = onderdeel.importeer(gemeente=gemeente, inhoud=inhoud, door=door)
    if telling.veranderd:
        log.log(door, "create", None, detail={"inrichting": onderdeel.code, "nieuw": telling.nieuw,
                                              "gewijzigd": telling.gewijzigd}, gemeente_id=gemeente.pk)
    return telling


@transaction.atomic
def richt_in(*, gemeente, map, door):  # noqa: A002
    """Import every part whose file is in folder ``map``, in the registered order, all or nothing.

    A missing required file or any wrong line stops the whole folder: one ValidationError naming the file and
    the line numbers. Returns {code: Telling}.
    """
    _controleer_door(door, gemeente)
    map = Path(map)  # noqa: A001
    ontbrekend = [o.bestand for o in registry.ONDERDELEN if o.verplicht and not (map / o.bestand).exists()]
    if ontbrekend:
        raise ValidationError(_("Deze bestanden ontbreken in %(m)s: %(b)s.") % {"m": map, "b": ", ".join(ontbrekend)})
    uitkomst = {}
    for o in registry.ONDERDELEN:
        pad = map / o.bestand
        if not pad.exists():
            continue
        try:
            uitkomst[o.code] = importeer(gemeente=gemeente, onderdeel=o, inhoud=pad.read_bytes(), door=door)
        except ValidationError as fout:
            raise ValidationError([f"{o.bestand}: {m}" for m in fout.messages]) from fout
    return uitkomst


def gemeentecode_uit(map):  # noqa: A002
    """The (code, naam) on the single line of ``instellingen.csv`` in ``map`` (to create the gemeente first)."""
    from common.csv_import import lees_csv
    from wijkteams.inrichting.onderdelen import InstellingenRegel

    class Eerst(InstellingenRegel):
        def clean(self):
            return self.cleaned_data

    regels = lees_csv((Path(map) / "instellingen.csv").read_bytes(), Eerst, kolommen=list(Eerst.KOLOMMEN),
                      form_kwargs={"gemeente": None}, leeg=_("Het bestand bevat geen regels."))
    return regels[0]["gemeentecode"].zfill(4), regels[0]["naam"]


@transaction.atomic
def maak_gemeente(*, cbs_code, naam, door=None):
    """A new gemeente in the installation (the scripted install; superusers may also use the admin). Idempotent."""
    if door is not None and not door.is_superuser:
        raise PermissionDenied(_("Een nieuwe gemeente wordt aangemaakt bij de installatie."))
    valideer_gemeentecode(cbs_code)
    gemeente, nieuw = Gemeente.objects.get_or_create(cbs_code=cbs_code, defaults={"naam": naam})
    if nieuw:
        log.aangemaakt(door, gemeente, gemeente_id=gemeente.pk)
    return gemeente


@transaction.atomic
def maak_beheerder(*, gemeente, username, email="", door=None):
    """The first functioneel beheerder of a new gemeente (no password: set one with ``changepassword`` or the
    password-reset mail). Idempotent; refuses an account of another gemeente."""
    if door is not None and not door.is_superuser:
        raise PermissionDenied(_("De eerste beheerder wordt aangemaakt bij de installatie."))
    User = get_user_model()
    user, nieuw = User.objects.get_or_create(username=username, defaults={"email": email, "is_staff": True})
    if nieuw:
        user.set_unusable_password()
        user.save()
    mw, _nieuw = Medewerker.objects.get_or_create(user=user, defaults={"gemeente": gemeente})
    if mw.gemeente_id != gemeente.pk:
        raise ValidationError(_("Account %(u)s hoort al bij een andere gemeente.") % {"u": username})
    user.groups.add(Group.objects.get_or_create(name=rollen.FUNCTIONEEL_BEHEER)[0])
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    if nieuw:
        log.aangemaakt(door, user, detail={"rol": rollen.FUNCTIONEEL_BEHEER}, gemeente_id=gemeente.pk)
    return user


def gereedheid(gemeente):
    """The readiness check: every finding of every registered check, blocking ones first."""
    punten = [p for controle in registry.CONTROLES for p in controle(gemeente)]
    return sorted(punten, key=lambda p: not p.blokkerend)


def is_gereed(gemeente):
    return not any(p.blokkerend for p in gereedheid(gemeente))


__all__ = ["Telling", "gereedheid", "importeer", "is_gereed", "maak_beheerder", "maak_gemeente", "richt_in"]
