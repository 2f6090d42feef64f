"""``{% huisstijl as huisstijl %}``: the chosen NL Design System theme and the municipality (common/thema.py)."""

from django import template

from common import thema

register = template.Library()


@register.simple_tag
def huisstijl():
    return thema.huisstijl()
