"""Template tags for the recurring NL Design System components, so pages do not write the class strings by hand.

``{% load componenten %}`` then:

- ``{% knop _("Opslaan") %}`` → a submit button (``soort="secundair"`` / ``"subtiel"``, optional ``naam``/``waarde``);
- ``{% tabel %}…{% endtabel %}`` → ``<table class="utrecht-table">…</table>``;
- ``{% termijn_badge status dagen %}`` → the deadline badge (te laat / binnen een week / op tijd, from
  ``toegang.melding.termijnen``);
- ``{% kindveiligheid_banner traject %}`` → the child-safety alert when the traject (or a household annotated with
  ``zorgen_kindveiligheid``) has that concern; ``{% kindveiligheid_pagina %}`` (in base.html) shows it on every page
  whose context holds the ``huishouden``;
- ``{% kindveiligheid_badge obj %}`` → the short badge for a row in a werkvoorraad or list.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()

KNOP_SOORTEN = {"primair": "primary-action", "secundair": "secondary-action", "subtiel": "subtle"}


@register.simple_tag
def knop(label, soort="primair", naam="", waarde=""):
    extra = format_html(' name="{}" value="{}"', naam, waarde) if naam else ""
    return format_html('<button type="submit"{} class="utrecht-button utrecht-button--{}">{}</button>',
                       extra, KNOP_SOORTEN[soort], label)


class TabelNode(template.Node):
    def __init__(self, inhoud):
        self.inhoud = inhoud

    def render(self, context):
        return format_html('<table class="utrecht-table">{}</table>', self.inhoud.render(context))


@register.tag
def tabel(parser, token):
    inhoud = parser.parse(("endtabel",))
    parser.delete_first_token()
    return TabelNode(inhoud)


@register.inclusion_tag("common/_termijn.html")
def termijn_badge(status, dagen=None):
    return {"status": status, "dagen": dagen}


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
    return format_html('<strong class="te-laat badge-kindveiligheid">{}</strong> ', _("Kindveiligheid"))
