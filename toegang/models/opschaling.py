"""Toegang: opschaling."""
