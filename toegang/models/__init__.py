"""Toegang models, one module per part: meldingen and triage; maatwerk and beschikkingen; opschaling."""

from toegang.models.maatwerk import *  # noqa: F401,F403
from toegang.models.melding import *  # noqa: F401,F403
from toegang.models.opschaling import *  # noqa: F401,F403
