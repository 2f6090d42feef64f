"""The single PDF helper: every PDF (verslag, beschikking, monitor) is made here with WeasyPrint."""

from django.conf import settings
from django.template.loader import render_to_string


def maak_pdf(template_name, context, *, request=None):
    """Render a Django template to PDF bytes. Templates extend ``pdf/basis.html``."""
    # Imported here, not at module level: loading WeasyPrint (pango, fonts via ctypes) takes seconds and
    # ~40 MB, and every web worker imports this module with the URLconf on its first request.
    from weasyprint import HTML

    html = render_to_string(template_name, context, request=request)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
