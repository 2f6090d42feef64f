from toegang import admin_maatwerk, admin_melding  # noqa: F401
