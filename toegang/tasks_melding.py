"""Celery tasks for this part of toegang (thin wrappers around services)."""
