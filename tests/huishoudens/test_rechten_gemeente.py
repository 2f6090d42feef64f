"""Every household permission row carries its household's gemeente, kept by the database (migration huishoudens
0013): set on insert whatever the writer passes, moved along when the household's gemeente changes. The count of
visible households relies on it (``tel_huishoudens_voor``)."""

import pytest
from django.contrib.auth import get_user_model
from guardian.shortcuts import assign_perm, get_objects_for_user

from huishoudens import rechten, selectors
from huishoudens.models import Huishouden, HuishoudenGroupObjectPermission, HuishoudenUserObjectPermission
from tests.huishoudens.factories import maak_dossier

pytestmark = pytest.mark.django_db


def _gemeenten(huishouden):
    return {r.gemeente_id for model in (HuishoudenUserObjectPermission, HuishoudenGroupObjectPermission)
            for r in model.objects.filter(content_object=huishouden)}


def test_rij_krijgt_de_gemeente_van_het_huishouden(org):
    huishouden = maak_dossier(org)  # team group + coördinator rows written by the services
    rechten.geef_toegang(huishouden, org.mensen["teamlid"], door=None, reden="test")  # a personal row
    assert _gemeenten(huishouden) == {huishouden.gemeente_id}
    # a writer cannot put another gemeente on a row
    rij = HuishoudenUserObjectPermission.objects.filter(content_object=huishouden).first()
    HuishoudenUserObjectPermission.objects.filter(pk=rij.pk).update(gemeente_id=org.team_ander.gemeente_id)
    rij.refresh_from_db()
    assert rij.gemeente_id == huishouden.gemeente_id
    nieuw = assign_perm("huishoudens.change_huishouden", org.mensen["beleidsmedewerker"], huishouden)
    nieuw.refresh_from_db()
    assert nieuw.gemeente_id == huishouden.gemeente_id


def test_rijen_verhuizen_mee_en_de_telling_blijft_gelijk_aan_guardian(org):
    huishouden = maak_dossier(org, regisseur=org.mensen["teamlid"])
    teamlid = get_user_model().objects.get(pk=org.mensen["teamlid"].pk)
    assert selectors.tel_huishoudens_voor(teamlid) == 1
    andere = org.team_ander.gemeente_id
    Huishouden.objects.filter(pk=huishouden.pk).update(gemeente_id=andere)
    assert _gemeenten(huishouden) == {andere}
    teamlid = get_user_model().objects.get(pk=teamlid.pk)
    # the household left the user's gemeente: no longer counted nor visible, though the rows (guardian) remain
    assert selectors.tel_huishoudens_voor(teamlid) == 0 == selectors.huishoudens_voor(teamlid).count()
    assert get_objects_for_user(teamlid, "huishoudens.view_huishouden", klass=Huishouden,
                                accept_global_perms=False, with_superuser=False).count() == 1
    Huishouden.objects.filter(pk=huishouden.pk).update(gemeente_id=org.gemeente.pk)
    assert _gemeenten(huishouden) == {org.gemeente.pk}
    assert selectors.tel_huishoudens_voor(get_user_model().objects.get(pk=teamlid.pk)) == 1
