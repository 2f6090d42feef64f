def laad(stdout=None):
    """Idempotent demo data for this part of toegang."""
