"""Extension points: apps that build on huishoudens add what they contribute to the dossier pages here,
so huishoudens never imports them (register in your AppConfig.ready()).

- TABBLADEN: the tabs of the household page, in order; each tab is its own URL (``huishoudens:tab`` with the
  tab's key; the first, "overzicht", is the household's own address ``huishoudens:huishouden``). Keys:
  ``overzicht`` (traject and ZRM), ``personen`` (persons, network, privacy), ``plan`` (gesprekken and plan),
  ``toegang`` (meldingen, maatwerk, opschaling), ``tijdlijn``.
- HUISHOUDEN_SECTIES: callables ``(request, huishouden) -> None | {"template": str, **context}`` rendered
  as sections on ONE tab of the household page (ZRM scores, meldingen, maatwerk, escalaties, ...). The tab is a
  key of TABBLADEN set on the callable with ``@tabblad("toegang")`` (no mark: "overzicht"): only the sections of
  the tab being shown are called, so a section costs queries on its own tab only. Without "template", the
  generic ``huishoudens/sectie.html`` shows ``titel`` and ``regels`` (a list of {"tekst", "url"}).
  Optional keys: ``titel`` and ``anker`` (the section's id on its tab), ``ingeklapt`` (True for a less-used
  section: shown folded in a <details> whose summary carries ``titel`` as the heading; the section template then
  leaves out its own heading when ``ingeklapt`` is set). A tab has a pinned query count (at most 12 in all).
- HUISHOUDEN_SAMENVATTING: what an app adds to the summary band shown on EVERY tab (open deadlines, key
  figures). Callables ``() -> (annotaties, uitlezen)``: ``annotaties`` a dict of query expressions over the
  household row (``OuterRef("pk")`` is the household; prefix the names with your app), added to the one query
  that opens the household, so the band costs no query of its own however many apps register;
  ``uitlezen(huishouden) -> {"termijnen": [...], "kerncijfers": [...]}`` turns the annotated attributes into the
  band's open deadlines ({"tekst", "url", "uiterlijk": date, "status": a ``termijn_badge`` status, "dagen": days
  left}) and key figures ({"label", "waarde", "url"}), without queries.
- TIJDLIJN_BRONNEN: callables ``(huishouden) -> iterable of {"datum": datetime|date, "soort": str,
  "omschrijving": str, "url": str|None}`` merged into the household timeline.
- ACTIE_EXTRA: callables ``(request, acties) -> {actie_id: str}`` giving a short line of extra information
  per plan activity (e.g. the volunteer match of an activity on the step "vrijwilligers").
- AFSLUIT_CONTROLES: callables ``(traject, gegevens) -> None`` that raise ValidationError when a traject may
  not be closed yet (e.g. no closing ZRM measurement and no reason why none); ``gegevens`` is the cleaned
  data of the closing form.
- INZAGE_BRONNEN: callables ``(huishouden) -> (titel, gegevens)`` adding what an app stores about a household
  to the inzage export (a resident asking for their data, AVG art. 15); ``gegevens`` must be JSON-serialisable
  (dates and decimals are fine). Use ``huishoudens.inzage.velden(obj)`` for readable field names.
"""

TABBLADEN = ("overzicht", "personen", "plan", "toegang", "tijdlijn")
HUISHOUDEN_SECTIES = []
HUISHOUDEN_SAMENVATTING = []
TIJDLIJN_BRONNEN = []
ACTIE_EXTRA = []
AFSLUIT_CONTROLES = []
INZAGE_BRONNEN = []


def tabblad(naam):
    """Mark a HUISHOUDEN_SECTIES callable with the tab it is shown on (a key of TABBLADEN)."""
    if naam not in TABBLADEN:
        raise ValueError(f"onbekend tabblad: {naam}")

    def markeer(functie):
        functie.tabblad = naam
        return functie
    return markeer


def tabblad_van(sectie):
    return getattr(sectie, "tabblad", TABBLADEN[0])
