def registreer():
    """Called from ToegangConfig.ready(): register start blocks, menu items, dossier sections, signals."""
