"""Whole numbers typed or sent by a user: only the ASCII digits 0-9 count.

``str.isdigit()`` is also true for "²" (``int()`` then raises: a 500) and for the digits of other scripts, such
as "١٢" (which ``int()`` reads as 12, so a BSN in another script passed the elfproef). Every check of user input
for digits goes through here."""


def is_cijfers(waarde):
    """True for a non-empty string of the digits 0-9 only."""
    return isinstance(waarde, str) and waarde.isascii() and waarde.isdigit()


def als_getal(waarde, standaard=None):
    """``waarde`` as a whole number when it is one (``is_cijfers``), else ``standaard``."""
    return int(waarde) if is_cijfers(waarde) else standaard
