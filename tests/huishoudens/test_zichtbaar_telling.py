"""The household door read from the permission rows (``huishoudens_voor``, ``tel_huishoudens_voor``,
``zichtbaar_via_rechten``): the same households as guardian's ``get_objects_for_user`` on the user's gemeente,
and never a household of another gemeente, even when a permission row points there."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models import OuterRef
from guardian.shortcuts import get_objects_for_user

from huishoudens import rechten, selectors
from huishoudens.models import Huishouden, Traject
from tests.huishoudens.factories import maak_dossier

pytestmark = pytest.mark.django_db

WIE = ("teamlid", "teamlid_jgt", "medewerker_ander_team", "coordinator_eigen_gebied", "coordinator_ander_gebied",
       "beleidsmedewerker", "lzn", "medewerker_andere_gemeente", "coordinator_andere_gemeente")


def _guardian(user):
    gemeente_id = user.medewerker.gemeente_id
    return set(get_objects_for_user(user, "huishoudens.view_huishouden",
                                    klass=Huishouden.objects.filter(gemeente_id=gemeente_id),
                                    accept_global_perms=False, with_superuser=False).values_list("pk", flat=True))


def _vers(user):
    return get_user_model().objects.get(pk=user.pk)


def test_zelfde_huishoudens_als_guardian_en_telling_klopt(org):
    regisseur = org.mensen["teamlid"]
    maak_dossier(org, regisseur=regisseur)  # team A (group) + regisseur (personal) + coördinator gebied A
    maak_dossier(org)
    maak_dossier(org, team=org.team_b)
    maak_dossier(org, team=org.team_ander)  # another gemeente
    for wie in WIE:
        user = _vers(org.mensen[wie])
        zichtbaar = set(selectors.huishoudens_voor(user).values_list("pk", flat=True))
        assert zichtbaar == _guardian(user), wie
        assert selectors.tel_huishoudens_voor(user) == len(zichtbaar), wie
    assert selectors.tel_huishoudens_voor(_vers(org.mensen["teamlid"])) == 2
    assert selectors.tel_huishoudens_voor(_vers(org.mensen["medewerker_andere_gemeente"])) == 1


def test_recht_op_huishouden_van_andere_gemeente_telt_niet_en_opent_niet(org):
    """A stray permission row (personal and through the team's group) on another gemeente's household: the door
    stays shut and the count leaves it out, as huishoudens_voor's gemeente filter always did."""
    eigen = maak_dossier(org)
    vreemd = maak_dossier(org, team=org.team_ander)
    teamlid = org.mensen["teamlid"]
    rechten.geef_toegang(vreemd, teamlid, door=None, reden="test")
    rechten.geef_toegang(vreemd, org.team_a.groep, door=None, reden="test")
    user = _vers(teamlid)
    assert set(selectors.huishoudens_voor(user).values_list("pk", flat=True)) == {eigen.pk}
    assert not selectors.huishoudens_voor(user).filter(pk=vreemd.pk).exists()
    assert selectors.tel_huishoudens_voor(user) == 1
    # the row exists: guardian without the gemeente filter would count it
    assert get_objects_for_user(user, "huishoudens.view_huishouden", klass=Huishouden,
                                accept_global_perms=False, with_superuser=False).count() == 2


def test_zichtbaar_via_rechten_persoonlijk_en_via_groep(org):
    via_groep = maak_dossier(org)  # team A's group
    persoonlijk = maak_dossier(org, team=org.team_b)
    geen = maak_dossier(org, team=org.team_b)
    rechten.geef_toegang(persoonlijk, org.mensen["teamlid"], door=None, reden="test")  # a personal row
    user = _vers(org.mensen["teamlid"])
    gevonden = set(Traject.objects.filter(selectors.zichtbaar_via_rechten(user, OuterRef("huishouden_id")))
                   .values_list("huishouden_id", flat=True))
    assert gevonden == {via_groep.pk, persoonlijk.pk}
    assert geen.pk not in gevonden
    assert set(Huishouden.objects.filter(pk__in=selectors.zichtbare_ids(user)).values_list("pk", flat=True)) == gevonden


def test_geen_gemeente_geen_huishoudens(org):
    maak_dossier(org)
    zonder = get_user_model().objects.create_user(username="zonder-medewerker")
    assert not selectors.huishoudens_voor(zonder).exists()
    assert selectors.tel_huishoudens_voor(zonder) == 0
