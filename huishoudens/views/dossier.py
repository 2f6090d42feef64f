"""Pages of the household dossier. Thin: a selector to find, a form to parse, a service to write."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from audit import log
from common.fouten import fouten_naar_form
from common.termijnen import Termijnstatus, dagen_tot, termijnstatus
from huishoudens import forms, rechten, registry, selectors, services
from huishoudens.models import Relatie, Traject
from wijkteams import rollen
from wijkteams import selectors as wijkteam_selectors

PAGINA = 50


def gepost(request):
    """The POST data on a POST (even when empty, so an empty form shows its errors), else None."""
    return request.POST if request.method == "POST" else None


def _alleen_medewerkers(request):
    if not rollen.heeft_rol(request.user, rollen.MEDEWERKER, rollen.COORDINATOR, rollen.LZN):
        raise Http404


def startblok(request):
    """Start page block: the count of the user's own households with a link to the list."""
    if not rollen.heeft_rol(request.user, rollen.MEDEWERKER, rollen.COORDINATOR):
        return None
    return {"template": "huishoudens/startblok.html", "aantal": selectors.tel_mijn_trajecten(request.user)}


def verplaatsingen_startblok(request):
    """Start page block: trajecten moved into or out of the user's teams in the last 30 days."""
    if not rollen.heeft_rol(request.user, rollen.MEDEWERKER, rollen.COORDINATOR):
        return None
    rijen = selectors.verplaatsingen_voor(request.user)
    if not rijen:
        return None
    return {"template": "huishoudens/verplaatsingen_startblok.html", "verplaatsingen": rijen}


@login_required
def zoeken(request):
    _alleen_medewerkers(request)
    form = forms.ZoekForm(request.GET or None)
    resultaten, meer = None, False
    if form.is_bound and form.is_valid() and not form.is_leeg():
        resultaten = list(selectors.zoek_huishoudens(request.user, **form.cleaned_data)[:PAGINA + 1])
        meer, resultaten = len(resultaten) > PAGINA, resultaten[:PAGINA]
        log.getoond(request.user, (h.pk for h in resultaten), request=request, detail={"weergave": "zoeken"})
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "huishoudens/zoeken.html", {"form": form, "resultaten": resultaten, "meer": meer},
                  status=status)


@login_required
def nieuw(request):
    """Find before create: first search the whole gemeente, then (only then) register a new household."""
    _alleen_medewerkers(request)
    zoek = forms.ZoekBestaandForm(request.GET or None)
    gevonden = None
    if zoek.is_bound and zoek.is_valid():
        gevonden = selectors.zoek_bestaand(request.user, **zoek.cleaned_data)
    teams = rechten.teams_om_traject_te_openen(request.user)
    initial = {}
    if zoek.is_bound and zoek.is_valid():
        d = zoek.cleaned_data
        initial = {"bsn": d.get("bsn"), "achternaam": d.get("achternaam"), "geboortedatum": d.get("geboortedatum"),
                   "postcode": d.get("postcode"), "huisnummer": d.get("huisnummer"),
                   "woonplaats": wijkteam_selectors.medewerker_van(request.user).gemeente.naam}
    form = forms.NieuwHuishoudenForm(gepost(request), initial=initial, teams=teams,
                                     wijken=wijkteam_selectors.wijken_voor(request.user))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                huishouden = services.maak_huishouden(
                    door=request.user, team=d["team"], persoon=form.persoon(),
                    regisseur_worden=d["regisseur_worden"],
                    **{k: d[k] for k in ("naam", "straat", "huisnummer", "toevoeging", "postcode", "woonplaats",
                                         "wijk", "samenstelling")})
            except (ValidationError, PermissionDenied) as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Het huishouden is geregistreerd."))
                return redirect(huishouden)
        status = 400
    return render(request, "huishoudens/nieuw.html", {"zoek": zoek, "gevonden": gevonden, "form": form,
                                                     "toon_form": request.method == "POST" or gevonden == []},
                  status=status)


TABBLADEN = {  # the keys of registry.TABBLADEN, with their label and template
    "overzicht": (_l("Overzicht"), "huishoudens/tabs/overzicht.html"),
    "personen": (_l("Personen en netwerk"), "huishoudens/tabs/personen.html"),
    "plan": (_l("Gesprekken en plan"), "huishoudens/tabs/plan.html"),
    "toegang": (_l("Meldingen, maatwerk en opschaling"), "huishoudens/tabs/toegang.html"),
    "tijdlijn": (_l("Tijdlijn"), "huishoudens/tabs/tijdlijn.html"),
}


def tab_url(pk, tab):
    if tab == registry.TABBLADEN[0]:
        return reverse("huishoudens:huishouden", args=[pk])
    return reverse("huishoudens:tab", args=[pk, tab])


def samenvatting(uitlezers, huishouden, traject=None):
    """The summary band shown on every tab: what the HUISHOUDEN_SAMENVATTING providers read in the query that
    opened the household (no queries here): their open deadlines, soonest first, and their key figures; the open
    traject's evaluation is a deadline too once it is due within a week or overdue (as in the werkvoorraad)."""
    termijnen, kerncijfers = [], []
    evaluatie = traject.volgende_evaluatie if traject is not None else None
    status = termijnstatus(evaluatie)
    if status in (Termijnstatus.TE_LAAT, Termijnstatus.BINNEN_WEEK):
        termijnen.append({"tekst": _("Evaluatie van het plan"), "uiterlijk": evaluatie, "status": status,
                          "dagen": dagen_tot(evaluatie), "url": tab_url(huishouden.pk, "plan")})
    for uitlezen in uitlezers:
        band = uitlezen(huishouden) or {}
        termijnen.extend(band.get("termijnen", ()))
        kerncijfers.extend(band.get("kerncijfers", ()))
    return {"open_termijnen": sorted(termijnen, key=lambda t: t["uiterlijk"]), "kerncijfers": kerncijfers,
            "evaluatie_status": status}


def _secties(request, huishouden, tab):
    """Only the sections registered for this tab run."""
    secties = [{"template": "huishoudens/sectie.html", **s}
               for s in (sectie(request, huishouden) for sectie in registry.HUISHOUDEN_SECTIES
                         if registry.tabblad_van(sectie) == tab) if s]
    for nummer, sectie in enumerate(secties, start=1):
        sectie.setdefault("anker", f"sectie-{tab}-{nummer}")
    return {"secties_open": [s for s in secties if not s.get("ingeklapt")],
            "secties_ingeklapt": [s for s in secties if s.get("ingeklapt")]}


def _tab_overzicht(request, huishouden, traject, regisseur):
    is_coordinator = traject is not None and rollen.is_coordinator_van(request.user, traject.gebied_id)
    return {
        "trajecten": huishouden.dossier["trajecten"],
        "plan": selectors.actief_plan(traject),
        "mag_verplaatsen": traject is not None and (  # rechten.mag_traject_verplaatsen, from what this page read
            is_coordinator or getattr(regisseur, "pk", None) == request.user.pk),
        "overgangen": [Traject.Status(s) for s in services.OVERGANGEN.get(traject.status, ())
                       if s not in (Traject.Status.AFGESLOTEN, Traject.Status.HEROPEND)] if traject else [],
    }


def _tab_personen(request, huishouden, traject, regisseur):
    return {
        "personen": selectors.dossier_personen(huishouden),
        "relaties": Relatie.objects.filter(van__huishouden=huishouden).select_related("van", "naar"),
        "netwerk": selectors.netwerk_van(huishouden),
        "ondersteuning": selectors.ondersteuning_van(huishouden),
        "is_coordinator": traject is not None and rollen.is_coordinator_van(request.user, traject.gebied_id),
        "mag_wie_bekeek": selectors.mag_wie_bekeek_zien(request.user, traject),
    }


def _tab_plan(request, huishouden, traject, regisseur):
    return {"gesprekken": selectors.gesprekken_van(huishouden), "plan": selectors.actief_plan(traject)}


def _tab_toegang(request, huishouden, traject, regisseur):
    return {}


def _tab_tijdlijn(request, huishouden, traject, regisseur):
    return {"tijdlijn": selectors.tijdlijn(huishouden), "trajecten": huishouden.dossier["trajecten"]}


TAB_GEGEVENS = {"overzicht": _tab_overzicht, "personen": _tab_personen, "plan": _tab_plan,
                "toegang": _tab_toegang, "tijdlijn": _tab_tijdlijn}
# what a tab reads with the household's own row (JSON subqueries) rather than in queries of its own
TAB_ANNOTATIES = {"personen": selectors.netwerk_annotaties}


@login_required
def huishouden(request, pk, tab="overzicht"):
    """The household dossier as tabs, each its own URL (no JavaScript): the summary band on every tab, then only
    the current tab's own parts and the sections other apps registered for it."""
    if tab not in TABBLADEN:
        raise Http404
    pk = int(pk)  # the tabs' address is a regular expression
    annotaties, uitlezers = {}, []
    for bron in registry.HUISHOUDEN_SAMENVATTING:
        extra, uitlezen = bron()
        annotaties.update(extra)
        uitlezers.append(uitlezen)
    if tab in TAB_ANNOTATIES:
        annotaties.update(TAB_ANNOTATIES[tab]())
    huishouden = selectors.dossier_voor(request.user, pk, request=request, annotaties=annotaties)
    traject = selectors.lopend_traject(huishouden)
    regisseur = selectors.huidige_regisseur(traject) if traject else None
    label, template = TABBLADEN[tab]
    return render(request, "huishoudens/huishouden.html", {
        **samenvatting(uitlezers, huishouden, traject),
        **_secties(request, huishouden, tab),
        **TAB_GEGEVENS[tab](request, huishouden, traject, regisseur),
        "huishouden": huishouden,
        "traject": traject,
        "regisseur": regisseur,
        "tab": tab,
        "tab_label": label,
        "tab_template": template,
        "tabs": [{"label": lbl, "url": tab_url(huishouden.pk, sleutel), "actief": sleutel == tab}
                 for sleutel, (lbl, _t) in TABBLADEN.items()],
    })


def _bewerk(request, pk, *, form_cls, service, titel, form_kwargs=None, instance=None, service_kwargs=None,
            tab="overzicht"):
    """A form for one household; after saving back to the household page's ``tab`` (where the change shows)."""
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=request)
    kwargs = dict(form_kwargs(huishouden) if callable(form_kwargs) else form_kwargs or {})
    if instance is not None:
        kwargs["instance"] = instance(huishouden)
    form = form_cls(gepost(request), **kwargs)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                service(huishouden=huishouden, door=request.user, form=form,
                        **(service_kwargs(huishouden) if service_kwargs else {}))
            except (ValidationError, PermissionDenied) as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("De gegevens zijn opgeslagen."))
                return redirect(tab_url(huishouden.pk, tab))
        status = 400
    return render(request, "huishoudens/formulier.html", {"huishouden": huishouden, "form": form, "titel": titel},
                  status=status)


@login_required
def wijzig(request, pk):
    return _bewerk(
        request, pk, form_cls=forms.HuishoudenForm, titel=_("Huishouden wijzigen"),
        form_kwargs={"wijken": wijkteam_selectors.wijken_voor(request.user)}, instance=lambda h: h,
        service=lambda huishouden, door, form: services.wijzig_huishouden(
            huishouden=huishouden, door=door, **{k: form.cleaned_data[k] for k in form.Meta.fields}))


@login_required
def persoon_toevoegen(request, pk):
    return _bewerk(
        request, pk, form_cls=forms.PersoonForm, titel=_("Persoon toevoegen"), tab="personen",
        service=lambda huishouden, door, form: services.voeg_persoon_toe(
            huishouden=huishouden, door=door, **form.cleaned_data))


@login_required
def persoon_wijzigen(request, pk, persoon_pk):
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=None, log_lezen=False)
    persoon = selectors.get_persoon_voor(request.user, huishouden, persoon_pk)
    return _bewerk(
        request, pk, form_cls=forms.PersoonForm, titel=_("Persoon wijzigen"), instance=lambda h: persoon,
        tab="personen",
        service=lambda huishouden, door, form: services.wijzig_persoon(
            persoon=persoon, door=door, **form.cleaned_data))


@login_required
def relatie_toevoegen(request, pk):
    return _bewerk(
        request, pk, form_cls=forms.RelatieForm, titel=_("Relatie vastleggen"), tab="personen",
        form_kwargs=lambda h: {"personen": selectors.personen_van(h)},
        service=lambda huishouden, door, form: services.voeg_relatie_toe(door=door, **form.cleaned_data))


@login_required
def netwerk_toevoegen(request, pk):
    return _bewerk(
        request, pk, form_cls=forms.NetwerkLidForm, titel=_("Iemand uit het netwerk toevoegen"), tab="personen",
        service=lambda huishouden, door, form: services.voeg_netwerklid_toe(
            huishouden=huishouden, door=door, **form.cleaned_data))


@login_required
def ondersteuning_toevoegen(request, pk):
    return _bewerk(
        request, pk, form_cls=forms.OndersteuningForm, titel=_("Bestaande ondersteuning toevoegen"), tab="personen",
        service=lambda huishouden, door, form: services.voeg_ondersteuning_toe(
            huishouden=huishouden, door=door, **form.cleaned_data))


@require_POST
@login_required
def toon_bsn(request, pk, persoon_pk):
    """Show one full BSN on request; the reveal is logged (the page view itself is logged too)."""
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=request, log_lezen=False)
    persoon = selectors.get_persoon_voor(request.user, huishouden, persoon_pk)
    bsn = services.toon_bsn(persoon=persoon, door=request.user, request=request)
    return render(request, "huishoudens/bsn.html", {"huishouden": huishouden, "persoon": persoon, "bsn": bsn})


@login_required
def traject_openen(request, pk):
    return _bewerk(
        request, pk, form_cls=forms.OpenTrajectForm, titel=_("Nieuw traject openen"),
        form_kwargs={"teams": rechten.teams_om_traject_te_openen(request.user)},
        service=lambda huishouden, door, form: services.open_traject(
            huishouden=huishouden, team=form.cleaned_data["team"], door=door))


def _open_traject_of_404(huishouden):
    traject = selectors.lopend_traject(huishouden)
    if traject is None:
        raise Http404
    return traject


@login_required
def status_wijzigen(request, pk):
    return _bewerk(
        request, pk, form_cls=forms.StatusForm, titel=_("Status van het traject wijzigen"),
        service=lambda huishouden, door, form: services.wijzig_status(
            traject=_open_traject_of_404(huishouden), door=door, **form.cleaned_data))


@login_required
def afsluiten(request, pk):
    return _bewerk(
        request, pk, form_cls=forms.AfsluitForm, titel=_("Traject afsluiten"),
        form_kwargs=lambda h: {"personen": selectors.personen_van(h)},
        service=lambda huishouden, door, form: services.sluit_traject_af(
            traject=_open_traject_of_404(huishouden), door=door, **form.service_gegevens()))


@login_required
def uitstroom(request, pk):
    """Outflow of a client to work or education (Participatiewet), at the end of an activity or of the traject:
    for the open traject, or else the latest one (recorded shortly after closing)."""
    def traject_van(huishouden):
        traject = selectors.lopend_traject(huishouden) or huishouden.trajecten.order_by("-aangemeld_op", "-id").first()
        if traject is None:
            raise Http404
        return traject

    return _bewerk(
        request, pk, form_cls=forms.UitstroomForm, titel=_("Uitstroom naar werk of opleiding vastleggen"),
        form_kwargs=lambda h: {"personen": selectors.personen_van(h),
                               "acties": selectors.acties_van_traject(traject_van(h))},
        service=lambda huishouden, door, form: services.registreer_uitstroom(
            traject=traject_van(huishouden), door=door, **form.cleaned_data))


@login_required
def heropenen(request, pk):
    def heropen(huishouden, door, form):
        laatste = huishouden.trajecten.order_by("-aangemeld_op", "-id").first()
        if laatste is None:
            raise ValidationError(_("Dit huishouden heeft nog geen traject."))
        services.heropen_traject(traject=laatste, door=door, reden=form.cleaned_data["reden"])

    return _bewerk(request, pk, form_cls=forms.HeropenForm, titel=_("Traject heropenen"), service=heropen)


@login_required
def regisseur(request, pk):
    """Hand over (or assign) the regie of the open traject; access moves with it."""
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=None, log_lezen=False)
    traject = _open_traject_of_404(huishouden)
    return _bewerk(
        request, pk, form_cls=forms.RegisseurForm, titel=_("Regisseur toewijzen of overdragen"),
        form_kwargs={"kandidaten": selectors.mogelijke_regisseurs(traject)},
        service=lambda huishouden, door, form: services.wijs_regisseur_toe(
            traject=traject, door=door, **form.cleaned_data))


@login_required
def verplaats(request, pk):
    """Move the open traject to another team or gebied (regisseur or coördinator of the gebied)."""
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=None, log_lezen=False)
    traject = _open_traject_of_404(huishouden)
    if not rechten.mag_traject_verplaatsen(request.user, traject):
        raise PermissionDenied(_("Alleen de regisseur of de coördinator van het gebied verplaatst een traject."))
    return _bewerk(
        request, pk, form_cls=forms.VerplaatsTrajectForm, titel=_("Traject naar een ander team of gebied"),
        form_kwargs={"teams": wijkteam_selectors.teams_voor(request.user).exclude(pk=traject.team_id),
                     "wijken": wijkteam_selectors.wijken_voor(request.user)},
        service=lambda huishouden, door, form: services.verplaats_traject(
            traject=traject, door=door, **form.cleaned_data))


@login_required
def wie_bekeek(request, pk):
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=request)
    if not selectors.mag_wie_bekeek_zien(request.user, selectors.lopend_traject(huishouden)):
        raise PermissionDenied
    return render(request, "huishoudens/wie_bekeek.html", {
        "huishouden": huishouden, "regels": selectors.wie_bekeek(huishouden)})
