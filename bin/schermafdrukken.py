"""The README's screenshots, run by bin/schermafdrukken against the app on demo data: the demo accounts log in
in the real Chromium (Debian's, as the tests use it) and each page is saved at 1280×800, the viewport only.
Any page that does not answer 200, a login that fails or an element that is missing stops the run (exit 1).

Usage: python bin/schermafdrukken.py <base url> <folder>
"""

import os
import re
import sys
from pathlib import Path

BREEDTE, HOOGTE = 1280, 800
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--font-render-hinting=none"]


class Mislukt(Exception):
    pass


def demo_gegevens():
    """From the demo database, before the browser starts: the password and a postcode the public page knows."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from toegang.models import PostcodeWijk
    from wijkteams.demo import DEMO_WACHTWOORD

    rij = (PostcodeWijk.objects.filter(wijk__gemeente__naam="Ridderkerk").order_by("postcode").first()
           or PostcodeWijk.objects.order_by("postcode").first())
    if rij is None:
        raise Mislukt("de demo-gegevens hebben geen postcode bij een wijk")
    postcode = rij.postcode if len(rij.postcode) == 6 else rij.postcode + "AA"
    return DEMO_WACHTWOORD, f"{postcode[:4]} {postcode[4:]}"


class Fotograaf:
    def __init__(self, browser, basis, map_, wachtwoord):
        self.browser, self.basis, self.map, self.wachtwoord = browser, basis.rstrip("/"), map_, wachtwoord
        self.context = self.pagina = None

    def nieuwe_sessie(self):
        if self.context:
            self.context.close()
        self.context = self.browser.new_context(viewport={"width": BREEDTE, "height": HOOGTE}, locale="nl-NL",
                                                timezone_id="Europe/Amsterdam", device_scale_factor=1)
        self.pagina = self.context.new_page()
        self.pagina.set_default_timeout(30000)

    def ga_naar(self, pad):
        antwoord = self.pagina.goto(self.basis + pad, wait_until="load")
        if antwoord is None or antwoord.status != 200:
            raise Mislukt(f"{pad}: HTTP {antwoord.status if antwoord else 'geen antwoord'}")
        self.pagina.evaluate("document.fonts.ready")

    def log_in(self, wie):
        self.nieuwe_sessie()
        self.ga_naar("/inloggen/")
        self.pagina.get_by_label("Gebruikersnaam").fill(wie)
        self.pagina.get_by_label("Wachtwoord").fill(self.wachtwoord)
        self.pagina.get_by_role("button", name="Inloggen").click()
        try:
            self.pagina.wait_for_url(self.basis + "/", timeout=30000)
        except Exception as fout:
            melding = self.pagina.locator("[role=alert], .foutoverzicht").all_inner_texts()
            raise Mislukt(f"inloggen als {wie!r} mislukt (nu op {self.pagina.url}): {melding}") from fout

    def href(self, selector, patroon):
        """The first link under `selector` whose path matches `patroon` (a regular expression)."""
        for a in self.pagina.locator(selector).all():
            pad = a.get_attribute("href") or ""
            if re.fullmatch(patroon, pad.split("?")[0]):
                return pad
        raise Mislukt(f"{self.pagina.url}: geen link {patroon} in {selector}")

    def bewaar(self, naam, *, toon=None):
        if toon:  # scroll this element into the viewport, its end at the bottom (not a full-page shot)
            element = self.pagina.locator(toon).first
            if not element.count():
                raise Mislukt(f"{self.pagina.url}: {toon} ontbreekt")
            element.evaluate("""e => e.scrollIntoView(
                {block: e.getBoundingClientRect().height < window.innerHeight ? 'end' : 'start'})""")
        self.pagina.wait_for_timeout(150)  # let the scroll and any :focus styles settle
        pad = self.map / f"{naam}.png"
        self.pagina.screenshot(path=str(pad), full_page=False, animations="disabled", caret="hide")
        verklein(pad)
        print(f"  {pad} ({pad.stat().st_size // 1024} kB)")


def verklein(pad):
    """A palette PNG: the pages have few colours, so the README's images stay small without visible loss."""
    from PIL import Image

    with Image.open(pad) as beeld:
        palet = beeld.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    palet.save(pad, optimize=True)


def maak(basis, map_):
    from playwright.sync_api import sync_playwright

    wachtwoord, postcode = demo_gegevens()
    map_.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE", "/usr/bin/chromium"), args=CHROMIUM_ARGS)
        f = Fotograaf(browser, basis, map_, wachtwoord)
        try:
            f.log_in("medewerker")
            f.ga_naar("/")
            f.bewaar("01-start-medewerker")
            f.ga_naar("/toegang/werkvoorraad/")
            f.bewaar("02-werkvoorraad")
            f.ga_naar("/huishoudens/")
            f.ga_naar(f.href("main a", r"/huishoudens/\d+/"))
            f.bewaar("03-huishouden")

            f.log_in("coordinator")
            f.ga_naar("/toegang/maatwerk/")
            f.ga_naar(f.href('section[aria-labelledby="beslissen-kop"] a', r"/toegang/maatwerk/\d+/"))
            f.bewaar("04-maatwerkbesluit", toon='form[action$="/besluit/"]')

            f.log_in("beleid")
            f.ga_naar("/monitoring/")
            f.bewaar("05-monitor", toon="figure.kaart-figuur")

            f.nieuwe_sessie()  # the public page, not logged in
            f.ga_naar("/toegang/inwoners/?" + f"postcode={postcode}".replace(" ", "+"))
            f.bewaar("06-vind-uw-wijkteam")
        finally:
            if f.context:
                f.context.close()
            browser.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    try:
        maak(sys.argv[1], Path(sys.argv[2]))
    except Mislukt as fout:
        sys.exit(f"FOUT: {fout}")
