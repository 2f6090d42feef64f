"""Celery discovers ``toegang.tasks``; the tasks live per part."""

from toegang.tasks_maatwerk import *  # noqa: F401,F403
from toegang.tasks_melding import *  # noqa: F401,F403
