"""Template tags for the recurring NL Design System components, so pages do not write the class strings by hand.

``{% load componenten %}`` then:

- ``{% knop _("Opslaan") %}`` → a submit button (``soort="secundair"`` / ``"subtiel"``, optional ``naam``/``waarde``,
  ``type="button"``, ``id``); with ``href=url`` a link that looks like a button (downloads, "Nieuwe meting");
- ``{% knopblok soort="secundair" %}label with markup{% endknopblok %}`` → the same button (the same options), for a
  label that holds markup or template logic (a visually hidden part, a translation with variables);
- ``{% tabel %}…{% endtabel %}`` → ``<table class="utrecht-table">…</table>``; ``{% tabel "zrm-tabel" %}`` adds a
  class of the page's own;
- ``{% sorteerkop _("Ontvangen") "ontvangen" sorteer %}`` → a column header (``<th>``) that sorts the table on the
  server: a link to the same page with ``?sorteer=ontvangen`` (``-ontvangen`` when it is sorted ascending already),
  keeping the other query parameters but the page number; the sorted column has ``aria-sort`` and a visible arrow.
  ``sorteer`` is the order the view applied (after its whitelist); ``param="hsorteer" pagina="hpagina"`` for a
  second table on the page;
- ``{% veld_invoer veld %}`` → a form field's widget with the NL Design System class of its kind (textbox, select,
  textarea, checkbox) and its invalid state; ``components/veld.html`` renders every field through it;
- ``{% opties paren %}`` → an ``<option>`` per (value, label) pair, e.g. the staff to reassign work to;
- ``{% termijn_badge status dagen %}`` → the deadline badge (te laat / binnen een week / op tijd, from
  ``toegang.melding.termijnen``);
- ``{% kindveiligheid_banner traject %}`` → the child-safety alert when the traject (or a household annotated with
  ``zorgen_kindveiligheid``) has that concern; ``{% kindveiligheid_pagina %}`` (in base.html) shows it on every page
  whose context holds the ``huishouden``;
- ``{% kindveiligheid_badge obj %}`` → the same flag as a small status badge, for a row in a werkvoorraad or list;
- ``{% kruimelpad %}`` (in base.html) → the breadcrumb trail (Utrecht breadcrumb nav) on every page below the start
  page: Start, the menu entry the page sits under, the household when the page is one of a household's, the
  ``kruimels`` a view may add (``[(label, url), …]``), and the page itself (its ``title`` block) as
  ``aria-current="page"``;
- ``{% tabbladen tabs label %}`` → a page's tabs as a navigation of links (each tab its own URL, no JavaScript):
  ``tabs`` a list of {"label", "url", "actief"}; the current one carries ``aria-current="page"``;
- ``{{ datum|datum_nl }}`` → ``25 november 2026`` (``|datum_nl:"tijd"`` adds the time: ``25 november 2026 14:32``)
  and ``{{ bedrag|bedrag }}`` → ``€ 1.234,50``: Django's formats of the active language (nl), never by hand.
"""

from html import escape

from django import forms, template
from django.http import QueryDict
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from common import opmaak

register = template.Library()

KNOP_SOORTEN = {"primair": "primary-action", "secundair": "secondary-action", "subtiel": "subtle"}


def _knop(label, soort="primair", naam="", waarde="", type="submit", id="", href=""):  # noqa: A002
    if href:
        return format_html('<a href="{}"{} class="utrecht-button-link utrecht-button-link--html-a '
                           'utrecht-button-link--{}">{}</a>', href, format_html(' id="{}"', id) if id else "",
                           KNOP_SOORTEN[soort], label)
    extra = format_html(' name="{}" value="{}"', naam, waarde) if naam else ""
    if id:
        extra = format_html('{} id="{}"', extra, id)
    return format_html('<button type="{}"{} class="utrecht-button utrecht-button--{}">{}</button>',
                       type, extra, KNOP_SOORTEN[soort], label)


@register.simple_tag
def knop(label, soort="primair", naam="", waarde="", type="submit", id="", href=""):  # noqa: A002
    return _knop(label, soort, naam, waarde, type, id, href)


class KnopblokNode(template.Node):
    def __init__(self, inhoud, args, kwargs):
        self.inhoud, self.args, self.kwargs = inhoud, args, kwargs

    def render(self, context):
        args = [a.resolve(context) for a in self.args]
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        return _knop(mark_safe(self.inhoud.render(context).strip()), *args, **kwargs)  # noqa: S308 (rendered, escaped)


@register.tag
def knopblok(parser, token):
    bits = token.split_contents()[1:]
    args, kwargs = [], {}
    for bit in bits:
        if "=" in bit:
            naam, waarde = bit.split("=", 1)
            kwargs[naam] = parser.compile_filter(waarde)
        else:
            args.append(parser.compile_filter(bit))
    inhoud = parser.parse(("endknopblok",))
    parser.delete_first_token()
    return KnopblokNode(inhoud, args, kwargs)


class TabelNode(template.Node):
    def __init__(self, inhoud, klasse=None):
        self.inhoud, self.klasse = inhoud, klasse

    def render(self, context):
        klasse = self.klasse.resolve(context) if self.klasse else ""
        return format_html('<table class="utrecht-table{}">{}</table>', f" {klasse}" if klasse else "",
                           self.inhoud.render(context))


@register.tag
def tabel(parser, token):
    bits = token.split_contents()[1:]
    inhoud = parser.parse(("endtabel",))
    parser.delete_first_token()
    return TabelNode(inhoud, parser.compile_filter(bits[0]) if bits else None)


SORTEERSTAND = {"ascending": ("▲", _("oplopend gesorteerd")), "descending": ("▼", _("aflopend gesorteerd"))}


@register.simple_tag(takes_context=True)
def sorteerkop(context, label, veld, huidig, param="sorteer", pagina="pagina"):
    """A sortable column header; see the module docstring. The view must whitelist ``?param=`` itself."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)
    for sleutel in (param, pagina):
        query.pop(sleutel, None)
    stand = "ascending" if huidig == veld else "descending" if huidig == f"-{veld}" else None
    query[param] = f"-{veld}" if stand == "ascending" else veld
    if stand:
        pijl, uitleg = SORTEERSTAND[stand]
        uitleg = _("%(stand)s; sorteer %(richting)s") % {
            "stand": uitleg, "richting": _("aflopend") if stand == "ascending" else _("oplopend")}
    else:
        pijl, uitleg = "↕", _("sorteer oplopend")
    return format_html('<th scope="col"{}><a href="?{}" class="sorteerkop">{} <span class="sorteerkop__pijl" '
                       'aria-hidden="true">{}</span><span class="visueel-verborgen"> ({})</span></a></th>',
                       format_html(' aria-sort="{}"', stand) if stand else "", query.urlencode(), label, pijl, uitleg)


WIDGET_KLASSEN = {
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "select": "utrecht-select utrecht-select--html-select",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radio": "",
    "file": "",
    "hidden": "",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


def _widget_soort(widget):
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        return "radio"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return getattr(widget, "input_type", None) or "text"


@register.simple_tag
def veld_invoer(veld):
    """The widget of a bound field with the NL Design System class of its kind and, with errors, the invalid state
    (``aria-invalid`` and the component's ``--invalid`` modifier). Classes the form set itself are kept."""
    soort = _widget_soort(veld.field.widget)
    klasse = WIDGET_KLASSEN.get(soort, TEXTBOX)
    if not klasse:
        return veld.as_widget()
    if veld.errors:
        klasse += f" {klasse.split()[0]}--invalid"
    eigen = veld.field.widget.attrs.get("class", "")
    attrs = {"class": f"{eigen} {klasse}".strip()}
    if veld.errors:
        attrs["aria-invalid"] = "true"
    return veld.as_widget(attrs=attrs)


@register.simple_tag
def opties(paren):
    """``<option>``s from (value, label) pairs, joined in Python: a coördinator's "Toewijzen aan" lists ~500
    colleagues at Rotterdam scale (8 ms through a template loop, 4 ms through format_html, < 1 ms so: the standard
    library's escape, which escapes the same five characters as Django's, on both parts of every option)."""
    return mark_safe("".join(f'<option value="{escape(str(w), quote=True)}">{escape(str(label), quote=True)}</option>'  # noqa: S308
                             for w, label in paren))


@register.simple_tag
def termijn_badge(status, dagen=None):
    # markup in Python, not an inclusion template: a werkvoorraad renders up to 75 of these per page, and a
    # template render each cost ~0.2 ms (werkvoorraad at scale: 10 ms of its time per request)
    if status == "te_laat":
        achter = format_html(" ({} {})", -dagen, _("dagen")) if dagen is not None and dagen < 0 else ""
        return format_html('<span class="termijn te-laat"><span aria-hidden="true">⚠ </span>{}{}</span>',
                           _("Te laat"), achter)
    if status == "binnen_week":
        return format_html('<span class="termijn bijna"><span aria-hidden="true">◷ </span>{}</span>',
                           _("Binnen een week"))
    if status == "op_tijd":
        return format_html('<span class="termijn op-tijd">{}</span>', _("Op tijd"))
    return ""


def _banner(context, obj):
    if obj is None or not getattr(obj, "zorgen_kindveiligheid", False):
        return ""
    if context.render_context.get("kindveiligheid_getoond"):
        return ""  # once per page
    context.render_context["kindveiligheid_getoond"] = True
    return format_html('<p class="utrecht-alert bericht bericht--error"><strong>{}</strong></p>',
                       _("Zorgen over de veiligheid van een kind"))


@register.simple_tag(takes_context=True)
def kindveiligheid_banner(context, traject):
    return _banner(context, traject)


@register.simple_tag(takes_context=True)
def kindveiligheid_pagina(context):
    """The banner on every page of a household: the page's ``huishouden`` (read through the household door,
    which annotates the flag) decides."""
    return _banner(context, context.get("huishouden"))


@register.simple_tag
def kindveiligheid_badge(obj):
    if obj is None or not getattr(obj, "zorgen_kindveiligheid", False):
        return ""
    return format_html('<span class="utrecht-badge-status kindveiligheid-badge">'
                       '<span aria-hidden="true">⚠ </span>{}</span> ', _("Kindveiligheid"))


def _paginatitel(context):
    """The page's own ``title`` block, rendered once more (the most derived override; base.html's default when the
    page sets none)."""
    blokken = context.render_context.get(BLOCK_CONTEXT_KEY)
    blok = blokken.get_block("title") if blokken else None
    if blok is None:
        return _("Wijkteam")
    with context.push():
        context["block"] = blok
        tekst = blok.nodelist.render(context)
    return mark_safe(" ".join(tekst.split()))  # noqa: S308 (rendered with autoescape, only whitespace folded)


@register.inclusion_tag("components/kruimelpad.html", takes_context=True)
def kruimelpad(context):
    """The breadcrumb trail of the page (none on the start page and for anonymous visitors)."""
    request = context.get("request")
    user = context.get("user")
    if request is None or not getattr(user, "is_authenticated", False):
        return {"kruimels": []}
    start = reverse("start")
    pad = request.path
    if pad == start:
        return {"kruimels": []}
    kruimels = [(_("Start"), start)]
    # the menu entry the page sits under: the longest menu address that is a prefix of this page's
    onder = [i for i in context.get("menu") or [] if i["url"] != start and pad.startswith(i["url"])]
    if onder:
        sectie = max(onder, key=lambda i: len(i["url"]))
        if sectie["url"] != pad:
            kruimels.append((sectie["label"], sectie["url"]))
    huishouden = context.get("huishouden")
    if huishouden is not None and hasattr(huishouden, "get_absolute_url"):
        # only on the household's own pages (below its address, read through the household door): a page elsewhere
        # that holds a household it shows without a name (an escalation for the bestuurstafel) must not name it here
        url = huishouden.get_absolute_url()
        if url != pad and pad.startswith(url) and (str(huishouden), url) not in kruimels:
            kruimels.append((str(huishouden), url))
    kruimels.extend((label, url) for label, url in context.get("kruimels") or [] if url != pad)
    kruimels.append((_paginatitel(context), pad))
    return {"kruimels": kruimels}


@register.inclusion_tag("components/tabbladen.html")
def tabbladen(tabs, label):
    return {"tabs": tabs, "label": label}


register.filter("datum_nl", opmaak.datum_nl, expects_localtime=True)
register.filter("bedrag", opmaak.bedrag)
