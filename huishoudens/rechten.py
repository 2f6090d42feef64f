"""Object permissions on a household. Only services call these; views never do."""

from guardian.shortcuts import assign_perm, remove_perm

RECHTEN = ("huishoudens.view_huishouden", "huishoudens.change_huishouden")


def geef_toegang(huishouden, wie):
    """``wie`` is a User or a Group (team group, LZN group)."""
    for recht in RECHTEN:
        assign_perm(recht, wie, huishouden)


def trek_toegang_in(huishouden, wie):
    for recht in RECHTEN:
        remove_perm(recht, wie, huishouden)


def trek_alle_toegang_in(huishouden_ids, *, reden):
    """Retention: every team and personal permission on these households goes, each household one audit row."""
    from audit import log
    from audit.models import AuditActie
    from huishoudens.models import HuishoudenGroupObjectPermission, HuishoudenUserObjectPermission

    for huishouden_id in huishouden_ids:
        personen = HuishoudenUserObjectPermission.objects.filter(content_object_id=huishouden_id)
        groepen = HuishoudenGroupObjectPermission.objects.filter(content_object_id=huishouden_id)
        weg = {"gebruikers": sorted(set(personen.values_list("user__username", flat=True))),
               "groepen": sorted(set(groepen.values_list("group__name", flat=True)))}
        personen.delete()
        groepen.delete()
        log.log(None, AuditActie.VERWIJDERD, huishouden_id=huishouden_id, object_type="huishoudens.huishouden",
                object_id=str(huishouden_id), detail={"toegang_ingetrokken": weg, "reden": reden})
