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
