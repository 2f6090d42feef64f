"""Reads for maatwerk, always filtered to what the user may see (the household door of huishoudens)."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Case, DecimalField, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from audit import log
from huishoudens.selectors import get_huishouden_voor, huishoudens_voor
from toegang.maatwerk import rechten
from toegang.models import (
    Aanbieder,
    Aanvraag,
    Afwezigheid,
    BudgetHerschikking,
    BudgetRegel,
    Toewijzing,
    beslistermijn_sql,
)

Status = Aanvraag.Status

AANVRAAG_RELATIES = ("product__categorie", "aanbieder", "eenheid", "frequentie", "client", "huishouden",
                     "aangevraagd_door", "besloten_door", "beslis_discipline", "gebied", "team", "traject")


def aanvragen_voor(user):
    """The requests of the households this user may see."""
    return Aanvraag.objects.filter(huishouden__in=huishoudens_voor(user)).select_related(*AANVRAAG_RELATIES)


def get_aanvraag_voor(user, pk, *, request=None):
    """One request, or 404 whether it does not exist or its household is not this user's. Logs the read once."""
    aanvraag = Aanvraag.objects.select_related(*AANVRAAG_RELATIES).filter(pk=pk).first()
    if aanvraag is None:
        log.geweigerd(user, Aanvraag._meta.label_lower, pk, request=request)
        raise Http404
    get_huishouden_voor(user, aanvraag.huishouden_id, request=request)  # 404 and the logged read
    return aanvraag


def aanvragen_van_huishouden(huishouden):
    """For a household page the caller has already opened through the household door."""
    return Aanvraag.objects.filter(huishouden=huishouden).select_related(*AANVRAAG_RELATIES).order_by("-aanvraagdatum")


mandaat_q = rechten.mandaat_q  # THE mandate rule lives in the access policy (``rechten.mandaat_q``)


# The orders of the requests to decide (?sorteer= on the maatwerk werkvoorraad); anything else: by deadline
BESLIS_SORTERINGEN = {
    "termijn": beslistermijn_sql().asc(), "-termijn": beslistermijn_sql().desc(),
    "huishouden": "huishouden__naam", "-huishouden": "-huishouden__naam",
    "product": "product__naam", "-product": "-product__naam",
    "team": "team__naam", "-team": "-team__naam",
    "status": "status", "-status": "-status",
}


def te_beslissen_voor(user, *, sorteer="termijn"):
    """Open requests this user holds the mandate for (never one they wrote): child safety first whatever the order,
    then by decision deadline (or another order of ``BESLIS_SORTERINGEN``)."""
    mandaat = mandaat_q(user)
    if mandaat is None:
        return Aanvraag.objects.none()
    volgorde = BESLIS_SORTERINGEN.get(sorteer, BESLIS_SORTERINGEN["termijn"])
    return (
        Aanvraag.objects.filter(mandaat, status__in=Aanvraag.OPEN).select_related(*AANVRAAG_RELATIES)
        .order_by("-traject__zorgen_kindveiligheid", volgorde, "aanvraagdatum", "id")
    )


def te_beslissen_als_vervanger(user, *, al_getoond=(), op=None):
    """Achtervang, as for meldingen: the running decision terms (submitted, not sent back) of colleagues who are
    away today and named ``user`` as their substitute, as [(colleague, request), ...] by deadline.

    While the decider is away the substitute may also decide these (``rechten.vervangingsmandaat_q``). Only
    requests whose household the substitute may see (the household door), never one they wrote, and none already
    in ``al_getoond`` (their own mandate). One query when nobody is away."""
    op = op or timezone.localdate()
    afwezig = Afwezigheid.objects.filter(vervanger=user, van__lte=op, tot__gte=op).values("medewerker_id")
    collegas = list(get_user_model().objects.filter(pk__in=afwezig, is_active=True).order_by("pk"))
    gezien, resultaat = set(al_getoond), []
    for collega in collegas:
        for a in (te_beslissen_voor(collega).filter(status=Status.INGEDIEND, huishouden__in=huishoudens_voor(user))
                  .exclude(auteurs__auteur=user)):
            if a.pk not in gezien:
                gezien.add(a.pk)
                resultaat.append((collega, a))
    return sorted(resultaat, key=lambda rij: (rij[1].deadline, rij[1].pk))


def eigen_aanvragen(user):
    """Open requests this user made (for the requester's overview)."""
    return aanvragen_voor(user).filter(aangevraagd_door=user, status__in=Aanvraag.OPEN).order_by(
        "-traject__zorgen_kindveiligheid", "aanvraagdatum", "id")


def toewijzingen_voor(user):
    return Toewijzing.objects.filter(client__huishouden__in=huishoudens_voor(user)).select_related(
        "gemeente", "aanbieder", "client", "product", "categorie", "eenheid", "frequentie")


def aanbieders_voor_berichten(user):
    """The providers whose 301 files this user may download (``rechten.berichtengemeente``); 404 for anyone else."""
    gemeente = rechten.berichtengemeente(user)
    if gemeente is None:
        raise Http404
    return gemeente, Aanbieder.objects.filter(gemeente=gemeente).order_by("naam")


def get_aanbieder_voor_berichten(user, pk):
    """One provider of the user's gemeente for the message files, or 404 (missing and forbidden alike)."""
    gemeente, aanbieders = aanbieders_voor_berichten(user)
    aanbieder = aanbieders.filter(pk=pk).first()
    if aanbieder is None:
        raise Http404
    return gemeente, aanbieder


# --- budget and commitments ------------------------------------------------------------------------

# Commitment of a toewijzing within one calendar year: volume × tariff for the days of the year it runs
# (until the care stopped, if it did); a budget is spread evenly over its period. All in SQL.
VERPLICHTING_SQL = """
SELECT b.id,
       COALESCE(SUM(
         CASE WHEN t.budget IS NOT NULL THEN t.budget * ov.dagen / tot.dagen
              WHEN f.dagen IS NOT NULL THEN t.volume * t.tarief * ov.dagen / f.dagen
              ELSE t.volume * t.tarief * ov.dagen / tot.dagen END), 0) AS verplicht
FROM toegang_budgetregel b
LEFT JOIN toegang_toewijzing t
       ON t.gemeente_id = b.gemeente_id AND t.categorie_id = b.categorie_id
      AND (b.gebied_id IS NULL OR t.gebied_id = b.gebied_id)
      AND t.start <= make_date(b.jaar, 12, 31)
      AND LEAST(t.eind, COALESCE(t.zorg_gestopt_op, t.eind)) >= make_date(b.jaar, 1, 1)
LEFT JOIN toegang_frequentie f ON f.id = t.frequentie_id
LEFT JOIN LATERAL (SELECT (LEAST(t.eind, COALESCE(t.zorg_gestopt_op, t.eind), make_date(b.jaar, 12, 31))
                           - GREATEST(t.start, make_date(b.jaar, 1, 1)) + 1)::numeric AS dagen) ov ON TRUE
LEFT JOIN LATERAL (SELECT (t.eind - t.start + 1)::numeric AS dagen) tot ON TRUE
WHERE b.id = ANY(%s)
GROUP BY b.id
"""


def verplichtingen(budgetregel_ids):
    """{budgetregel id: committed euros} computed from the toewijzingen (for pages and the monitor)."""
    ids = list(budgetregel_ids)
    if not ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(VERPLICHTING_SQL, [ids])
        return {pk: Decimal(v).quantize(Decimal("0.01")) for pk, v in cursor.fetchall()}


def _som(veld):
    return Coalesce(
        Subquery(BudgetHerschikking.objects.filter(**{veld: OuterRef("pk")}).values(veld)
                 .annotate(s=Sum("bedrag")).values("s")[:1]),
        Value(Decimal("0")), output_field=DecimalField(max_digits=12, decimal_places=2))


def budgetregels(*, gemeente_id, jaar, gebied_ids=None):
    """Budget lines with reallocations (in/out), available amount, commitments and what remains."""
    qs = BudgetRegel.objects.filter(gemeente_id=gemeente_id, jaar=jaar).select_related("gebied", "categorie")
    if gebied_ids is not None:
        qs = qs.filter(Q(gebied_id__in=gebied_ids) | Q(gebied__isnull=True))
    qs = qs.annotate(erbij=_som("naar"), eraf=_som("van")).order_by(
        Case(When(gebied__isnull=True, then=Value(1)), default=Value(0)), "gebied__naam", "categorie__wet",
        "categorie__code")
    regels = list(qs)
    verplicht = verplichtingen(r.pk for r in regels)
    for r in regels:
        r.beschikbaar = r.bedrag + r.erbij - r.eraf
        r.verplicht = verplicht.get(r.pk, Decimal("0.00"))
        r.resterend = r.beschikbaar - r.verplicht
        r.percentage = int(r.verplicht * 100 / r.beschikbaar) if r.beschikbaar else None
        r.overschreden = r.verplicht > r.beschikbaar
    return regels
