"""The single PDF helper: every PDF (verslag, beschikking, monitor) is made here with WeasyPrint."""

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML


def maak_pdf(template_name, context, *, request=None):
    """Render a Django template to PDF bytes. Templates extend ``pdf/basis.html``."""
    html = render_to_string(template_name, context, request=request)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
