"""Toegang: maatwerk."""
