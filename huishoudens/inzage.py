"""Inzage (AVG art. 15): everything the application holds about a household, as one JSON document.

Assembled from huishoudens' own data, from every app in ``registry.INZAGE_BRONNEN`` and from the audit table
(who viewed the dossier). Only the current regisseur and the coördinator of the gebied may export it.
"""

from django.db.models import Prefetch
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _

from huishoudens import registry
from huishoudens.models import Doel, Persoon, RegisseurToewijzing, Relatie, Traject
from wijkteams import rollen


def velden(obj, *, zonder=()):
    """{verbose name: value} of an object's own fields, choices as their label. Relations only when already
    loaded (select_related), shown as text: database ids mean nothing to a resident."""
    uit = {}
    for veld in obj._meta.concrete_fields:
        if veld.primary_key or veld.name in zonder:
            continue
        if veld.is_relation:
            if not veld.is_cached(obj):
                continue
            gerelateerd = getattr(obj, veld.name)
            waarde = str(gerelateerd) if gerelateerd is not None else None
        elif veld.choices:
            waarde = getattr(obj, f"get_{veld.name}_display")()
        else:
            waarde = getattr(obj, veld.attname)
            if isinstance(waarde, FieldFile):
                waarde = waarde.name or None
        uit[str(veld.verbose_name)] = waarde
    return uit


def _traject(huishouden):
    return huishouden.trajecten.order_by("-aangemeld_op", "-id").select_related("gebied").first()


def mag_inzage_exporteren(user, huishouden):
    """The current regisseur of the household's (latest) traject, or the coördinator of its gebied."""
    traject = _traject(huishouden)
    if traject is None:
        return False
    return rollen.is_coordinator_van(user, traject.gebied_id) or RegisseurToewijzing.objects.filter(
        traject=traject, tot__isnull=True, regisseur=user).exists()


def _eigen_gegevens(huishouden):
    personen = list(Persoon.objects.filter(huishouden=huishouden).order_by("id"))
    trajecten = (Traject.objects.filter(huishouden=huishouden).select_related("team", "gebied").order_by("id")
                 .prefetch_related("statuswijzigingen", "regisseurs__regisseur", "gesprekken__leefgebieden",
                                   Prefetch("plannen__doelen", queryset=Doel.objects.prefetch_related("acties")),
                                   "plannen__evaluaties", "plannen__akkoorden__persoon"))
    return {
        _("Huishouden"): velden(huishouden),
        _("Personen"): [velden(p, zonder=("samengevoegd_in",)) for p in personen],
        _("Relaties"): [{"van": str(r.van), "naar": str(r.naar), **velden(r, zonder=("van", "naar"))}
                        for r in Relatie.objects.filter(van__huishouden=huishouden).select_related("van", "naar")
                        .order_by("id")],
        _("Netwerk"): [velden(n) for n in huishouden.netwerk.order_by("id")],
        _("Bestaande ondersteuning"): [velden(o) for o in huishouden.bestaande_ondersteuning.order_by("id")],
        _("Trajecten"): [{
            **velden(t),
            _("Statuswijzigingen"): [velden(w, zonder=("traject",)) for w in t.statuswijzigingen.all()],
            _("Regisseurs"): [{"regisseur": r.regisseur.get_full_name() or r.regisseur.username,
                               **velden(r, zonder=("traject", "regisseur"))} for r in t.regisseurs.all()],
            _("Keukentafelgesprekken"): [{**velden(g, zonder=("traject",)),
                                          _("Leefgebieden"): [velden(lg, zonder=("gesprek",))
                                                              for lg in g.leefgebieden.all()]}
                                         for g in t.gesprekken.all()],
            _("Plannen"): [{
                **velden(p, zonder=("traject",)),
                _("Doelen"): [{**velden(d, zonder=("plan",)),
                               _("Activiteiten"): [velden(a, zonder=("doel",)) for a in d.acties.all()]}
                              for d in p.doelen.all()],
                _("Evaluaties"): [velden(e, zonder=("plan",)) for e in p.evaluaties.all()],
                _("Akkoord"): [{"persoon": str(a.persoon), **velden(a, zonder=("plan", "persoon"))}
                               for a in p.akkoorden.all()],
            } for p in t.plannen.all()],
        } for t in trajecten],
    }


def _wie_bekeek(huishouden):
    from huishoudens.selectors import wie_bekeek

    return [{_("tijdstip"): r.tijdstip, _("medewerker"): r.actor_weergave, _("rol"): r.rol,
             _("noodtoegang"): r.noodtoegang} for r in wie_bekeek(huishouden, limiet=None)]


def verzamel(huishouden):
    onderdelen = [{"titel": _("Gegevens van het huishouden"), "gegevens": _eigen_gegevens(huishouden)}]
    for bron in registry.INZAGE_BRONNEN:
        titel, gegevens = bron(huishouden)
        onderdelen.append({"titel": str(titel), "gegevens": gegevens})
    onderdelen.append({"titel": _("Wie dit dossier heeft bekeken"), "gegevens": _wie_bekeek(huishouden)})
    return {"huishouden": huishouden.pk, "onderdelen": onderdelen}
