"""Extension points: apps that build on huishoudens add what they contribute to the dossier pages here,
so huishoudens never imports them (register in your AppConfig.ready()).

- HUISHOUDEN_SECTIES: callables ``(request, huishouden) -> None | {"template": str, **context}`` rendered
  as sections on the household page (ZRM scores, meldingen, maatwerk, escalaties, ...). Without "template",
  the generic ``huishoudens/sectie.html`` shows ``titel`` and ``regels`` (a list of {"tekst", "url"}).
  Optional keys: ``titel`` and ``anker`` (the entry in the page's in-page navigation and the section's id),
  ``ingeklapt`` (True for a less-used section: shown folded in a <details> whose summary carries ``titel`` as
  the heading; the section template then leaves out its own heading when ``ingeklapt`` is set),
  ``termijnen`` (the section's open deadlines for the summary band at the top: a list of {"tekst", "url",
  "uiterlijk": date, "status": a ``termijn_badge`` status, "dagen": days left}), ``kerncijfers`` (key figures
  for the band: a list of {"label", "waarde", "url"}). Compute them from what the section loads anyway: the
  page has a pinned query count.
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

HUISHOUDEN_SECTIES = []
TIJDLIJN_BRONNEN = []
ACTIE_EXTRA = []
AFSLUIT_CONTROLES = []
INZAGE_BRONNEN = []
