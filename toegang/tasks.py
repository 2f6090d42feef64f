"""Celery discovers ``toegang.tasks``; the tasks live per part and are registered by importing them."""

from toegang.maatwerk import tasks as maatwerk_tasks
from toegang.melding import tasks as melding_tasks

__all__ = ["maatwerk_tasks", "melding_tasks"]
