"""Gathers the admin of the three parts of toegang (importing registers the ModelAdmins)."""

from toegang.maatwerk import admin as maatwerk_admin
from toegang.melding import admin as melding_admin
from toegang.opschaling import admin as opschaling_admin

__all__ = ["maatwerk_admin", "melding_admin", "opschaling_admin"]
