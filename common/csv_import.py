"""The one CSV import: read a ``;``- or ``,``-separated UTF-8 file, check its heading, validate every line with a
Django form and name every error with its line number.

All or nothing: :func:`lees_csv` returns the cleaned lines only when every line is valid; otherwise it raises one
``ValidationError`` listing all errors, and the caller stores nothing. The caller stores the lines in one
transaction (its service is ``@transaction.atomic``).
"""

import csv
import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BYTES = 2 * 1024 * 1024


def lees_tekst(inhoud):
    """The text of an uploaded file (bytes, UTF-8 with or without BOM, at most 2 MB) or of a string."""
    if isinstance(inhoud, str):
        return inhoud.lstrip("\ufeff")
    if len(inhoud) > MAX_BYTES:
        raise ValidationError(_("Het bestand is groter dan 2 MB."), code="te_groot")
    try:
        return inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("Het bestand is geen UTF-8-tekst (sla het op als ‘CSV UTF-8’)."), code="codering")


def _regelfouten(nummer, form):
    for veld, berichten in form.errors.items():
        for bericht in berichten:
            if veld == "__all__":
                yield _("Regel %(n)s: %(m)s") % {"n": nummer, "m": bericht}
            else:
                yield _("Regel %(n)s, %(veld)s: %(m)s") % {"n": nummer, "veld": veld, "m": bericht}


def lees_csv(inhoud, formulier, *, kolommen, verplicht=None, form_kwargs=None, sleutel=None, dubbel=None,
             leeg=None):
    """The ``cleaned_data`` of every line of ``inhoud`` (bytes or text), validated with ``formulier``.

    ``kolommen``: the expected heading (any order, case-insensitive); ``verplicht``: the columns that must be there
    (default: all). Each line is given to ``formulier(data=<column → text>, **form_kwargs)``; field errors are
    reported as "Regel 3, score: …", the form's own errors as "Regel 3: …". ``sleutel`` (optional) maps cleaned
    data to a key that must be unique in the file; ``dubbel`` is the message for a repeated key. ``leeg``: the
    message for a file without lines. Any error: ``ValidationError`` with all messages, in file order.
    """
    tekst = lees_tekst(inhoud)
    eerste = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste.count(";") >= eerste.count(",") else ","
    lezer = csv.reader(io.StringIO(tekst), delimiter=scheiding)
    kop = [k.strip().lower() for k in next(lezer, [])]
    ontbrekend = [k for k in (verplicht if verplicht is not None else kolommen) if k not in kop]
    if ontbrekend:
        raise ValidationError(_("De eerste regel moet de kolommen bevatten: %(k)s (ontbreekt: %(o)s).")
                              % {"k": ";".join(kolommen), "o": ", ".join(ontbrekend)}, code="kop")
    rijen, fouten, gezien = [], [], set()
    for cellen in lezer:
        if not any(c.strip() for c in cellen):
            continue
        nummer = lezer.line_num
        data = {k: (cellen[i].strip() if i < len(cellen) else "") for i, k in enumerate(kop) if k in kolommen}
        form = formulier(data=data, **(form_kwargs or {}))
        if not form.is_valid():
            fouten.extend(_regelfouten(nummer, form))
            continue
        if sleutel is not None:
            waarde = sleutel(form.cleaned_data)
            if waarde in gezien:
                fouten.append(_("Regel %(n)s: %(m)s") % {"n": nummer, "m": dubbel})
                continue
            gezien.add(waarde)
        rijen.append(form.cleaned_data)
    if not rijen and not fouten and leeg:
        fouten.append(leeg)
    if fouten:
        raise ValidationError(fouten, code="regels")
    return rijen
