"""The one check a journey runs on every page it visits: axe-core (WCAG 2.1 A/AA, from npm) reports no
violations, and at 320 CSS pixels wide the page does not scroll sideways (WCAG 1.4.10 reflow) while what scrolls
sideways on its own (a wide table) can be reached with the keyboard."""

from functools import cache
from pathlib import Path

from django.conf import settings

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
REGELS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
SMAL = {"width": 320, "height": 800}

# The elements sticking out on the right, outermost first, outside any container that scrolls itself: said in the
# failure message, so a reflow failure names what to fix.
_UITSTEKERS = """() => {
  const breed = document.documentElement.clientWidth;
  const binnenScroller = (el) => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if ((o === 'auto' || o === 'scroll' || o === 'hidden') && p.getBoundingClientRect().right <= breed + 0.5) {
        return true; } }
    return false; };
  const naam = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const uit = [], alle = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= breed + 0.5 || binnenScroller(el)) continue;
    const ouder = el.parentElement;
    const ouderUit = ouder !== document.body && ouder.getBoundingClientRect().right > breed + 0.5;
    (ouderUit ? alle : uit).push(naam(el) + ' in ' + naam(ouder) + ' (' + Math.round(r.right) + 'px)');
  }
  const tekst = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = tekst.nextNode(); t; t = tekst.nextNode()) {
    if (!t.textContent.trim() || binnenScroller(t.parentElement)) continue;
    const bereik = document.createRange();
    bereik.selectNodeContents(t);
    const r = bereik.getBoundingClientRect();
    if (r.width > 0 && r.right > breed + 0.5) {
      uit.push('tekst "' + t.textContent.trim().slice(0, 40) + '" in ' + naam(t.parentElement) +
               ' (' + Math.round(r.right) + 'px)');
    }
  }
  if (uit.length || alle.length) return (uit.length ? uit : alle).slice(0, 6);
  // nothing sticks out outside a scroller (e.g. an absolutely positioned element escapes a scroller that is not
  // its containing block): name the containers whose content overflows them and everything past the edge
  const bronnen = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (getComputedStyle(el).overflowX === 'visible' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
      bronnen.push(naam(el) + ' (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
  }
  const ruw = [];
  for (const el of document.querySelectorAll('*')) { const r = el.getBoundingClientRect();
    const stijl = getComputedStyle(el);
    if (r.right > breed + 0.5) {
      ruw.push(naam(el) + ':' + Math.round(r.right) + ':' + stijl.display + ':' + stijl.overflowX); } }
  return bronnen.slice(-6).concat(ruw.slice(0, 8));
}"""


@cache
def _axe_bron():
    return AXE.read_text()


def overtredingen(pagina):
    """axe-core's WCAG 2.1 AA violations on the page, as (rule, impact, first targets)."""
    # Evaluated through the browser's debugging protocol, not as a <script> tag: the pages' Content-Security-
    # Policy allows no inline script, and axe-core is a test tool that the app does not serve.
    pagina.evaluate(_axe_bron())
    resultaat = pagina.evaluate("async (regels) => await axe.run(document, regels)", REGELS)
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in resultaat["violations"]]


def horizontaal_scrollen(pagina):
    """At 320 × 800 CSS pixels: [] when the page fits in the width and every part that scrolls sideways on its own
    can be reached with the keyboard (axe's scrollable-region-focusable at that width), else what is wrong. The
    viewport is restored afterwards."""
    oud = pagina.viewport_size
    pagina.set_viewport_size(SMAL)
    try:
        pagina.evaluate("() => new Promise(klaar => requestAnimationFrame(() => requestAnimationFrame(klaar)))")
        fouten = []
        if not pagina.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"):
            breedte = pagina.evaluate("() => document.documentElement.scrollWidth")
            fouten += [f"scrollWidth {breedte} > 320", *pagina.evaluate(_UITSTEKERS)]
        pagina.evaluate(_axe_bron())
        resultaat = pagina.evaluate("async () => await axe.run(document, {runOnly: ['scrollable-region-focusable']})")
        fouten += [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in resultaat["violations"]]
        return fouten
    finally:
        if oud:
            pagina.set_viewport_size(oud)


def controleer(pagina, waar=""):
    """Assert 0 axe violations and no horizontal scroll at 320 px on the current page."""
    waar = waar or pagina.url
    gevonden = overtredingen(pagina)
    assert gevonden == [], f"axe-core op {waar}: {gevonden}"
    gevonden = horizontaal_scrollen(pagina)
    assert gevonden == [], f"320 px op {waar}: {gevonden}"
