def registreer(router):
    """Register this part's viewsets on the shared /api/v1/ router."""
