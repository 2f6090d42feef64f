"""The single PDF helper: every PDF (verslag, beschikking, inzage, monitor) is made here with WeasyPrint.

Every PDF is PDF/UA-1 (WeasyPrint's ``pdf/ua-1`` variant): tagged (a structure tree with headings, tables with
their header cells, figures with their alternative text), the document language from ``<html lang="nl">``, the
title from ``<title>`` shown as the window title, and bookmarks from the h1/h2 chapter headings. What the
templates must supply for that is in ``pdf/basis.html``; ``tests/common/test_pdf_toegankelijk.py`` reads it back.
"""

from django.conf import settings
from django.template.loader import render_to_string

PDF_VARIANT = "pdf/ua-1"


def maak_pdf(template_name, context, *, request=None):
    """Render a Django template to accessible (PDF/UA-1) PDF bytes. Templates extend ``pdf/basis.html``."""
    # Imported here, not at module level: loading WeasyPrint (pango, fonts via ctypes) takes seconds and
    # ~40 MB, and every web worker imports this module with the URLconf on its first request.
    from weasyprint import HTML

    html = render_to_string(template_name, context, request=request)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant=PDF_VARIANT)
