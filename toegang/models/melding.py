"""Toegang: melding."""
