"""The single PDF helper: every PDF (verslag, beschikking, inzage, monitor) is made here with WeasyPrint.

Every PDF is PDF/UA-1 (WeasyPrint's ``pdf/ua-1`` variant): tagged (a structure tree with headings, tables with
their header cells, figures with their alternative text), the document language from ``<html lang="nl">``, the
title from ``<title>`` shown as the window title, and bookmarks from the h1/h2 chapter headings. What the
templates must supply for that is in ``pdf/basis.html``; ``tests/common/test_pdf_toegankelijk.py`` reads it back.
"""

import contextlib
import gc

from django.conf import settings
from django.template.loader import render_to_string

PDF_VARIANT = "pdf/ua-1"


@contextlib.contextmanager
def zonder_gc():
    """Python's cyclic garbage collector paused while a PDF (and its charts) is made, its own garbage collected after.

    WeasyPrint and matplotlib make hundreds of thousands of objects that live until the PDF is written, so while
    they work the collector runs full collections over the whole process (Django, the app, their caches: ~300,000
    objects in a worker) again and again for nothing: measured, 0.7 of 1.9 s of a monitor PDF's WeasyPrint time in
    such a process. What a render leaves in cycles is freed by one young-generation collection afterwards (~50 ms);
    the peak memory of a render did not change (+29 MB either way). Nests; leaves the collector as it found it.
    """
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()
            gc.collect(0)


def maak_pdf(template_name, context, *, request=None, afbeeldingen=None):
    """Render a Django template to accessible (PDF/UA-1) PDF bytes. Templates extend ``pdf/basis.html``.

    ``afbeeldingen``: a dict shared by several PDFs made one after another (WeasyPrint's image cache: an image with
    the same address, a chart's data URI, is read once)."""
    # Imported here, not at module level: loading WeasyPrint (pango, fonts via ctypes) takes seconds and
    # ~40 MB, and every web worker imports this module with the URLconf on its first request.
    from weasyprint import HTML

    with zonder_gc():
        html = render_to_string(template_name, context, request=request)
        document = HTML(string=html, base_url=str(settings.BASE_DIR))
        return document.write_pdf(pdf_variant=PDF_VARIANT, cache=afbeeldingen)
