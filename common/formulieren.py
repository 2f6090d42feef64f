"""Form helpers shared by every app's forms."""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class DatumInput(forms.DateInput):
    """A native date field (``<input type="date">``) that shows the stored value back in ISO form."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _attributen(attrs):
    """As Django's ``widgets/attrs.html``: in their order, ``True`` a bare name, ``False`` (and ``None``) left out."""
    getoond = ((naam, waarde) for naam, waarde in attrs.items() if waarde is not False and waarde is not None)
    return format_html_join("", " {}{}", ((naam, "" if waarde is True else format_html('="{}"', waarde))
                                          for naam, waarde in getoond))


class SnelleKeuzelijst(forms.Select):
    """Django's ``<select>`` with the same markup (its attributes, option groups, the selected option), its options
    joined in Python instead of one template include each: a filter bar with a hundred wijken and teams spent
    ~10 ms per request rendering its options through templates. The context is Django's own (``get_context``), so
    what is selected and how values are formatted is decided where it always is."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        delen = []
        for groep, opties, _index in widget["optgroups"]:
            html = format_html_join("", '<option value="{}"{}>{}</option>',
                                    ((str(o["value"]), _attributen(o["attrs"]), o["label"]) for o in opties))
            delen.append(format_html('<optgroup label="{}">{}</optgroup>', groep, html) if groep else html)
        return format_html('<select name="{}"{}>{}</select>', widget["name"], _attributen(widget["attrs"]),
                           mark_safe("".join(delen)))  # noqa: S308 - each part built by format_html(_join)
