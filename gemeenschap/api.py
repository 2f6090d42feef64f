def registreer(router):
    """Register this app's viewsets on the shared /api/v1/ router."""
