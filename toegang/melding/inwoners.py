"""Public pages for residents (no login): which wijkteam serves my address, the public sociale kaart,
and a form to hand in a question. Rate-limited per real client address (common.afremmen). A question never
looks a household up: every valid address gets the same answer, a receipt number (services.registreer_publieke_melding).
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from common import afremmen
from common.fouten import fouten_naar_form
from toegang.melding import services
from toegang.melding.forms import InwonerPostcodeForm, InwonerVraagForm
from wijkteams.models import Aanbod, Gemeente, Kanaal, Locatie, SignaalgeverType, Team


def _dienstverlening(wijk):
    teams = Team.objects.filter(gemeente_id=wijk.gemeente_id, gebied_id=wijk.gebied_id).select_related("type")
    geldig = Locatie.objects.geldig_in(timezone.localdate())  # an ended or future place is not shown to residents
    ankerplaatsen = geldig.filter(wijk=wijk, soort=Locatie.Soort.ANKERPLAATS)
    basis = geldig.filter(gemeente_id=wijk.gemeente_id, soort=Locatie.Soort.BASISLOCATIE)
    return {"wijk": wijk, "teams": list(teams), "ankerplaatsen": list(ankerplaatsen), "basislocaties": list(basis)}


@never_cache
def start(request):
    form = InwonerPostcodeForm(request.GET or None)
    context = {"form": form}
    if form.is_bound:
        if (te_veel := afremmen.afgeremd(request, afremmen.InwonerZoeken)) is not None:
            return te_veel
        if form.is_valid():
            try:
                wijk = services.wijk_voor_postcode(None, form.cleaned_data["postcode"])
            except ValidationError as fout:
                form.add_error("postcode", fout.message_dict["postcode"])
            else:
                if wijk is None:
                    form.add_error("postcode", _("Voor deze postcode kennen wij geen wijkteam. Neem contact op met "
                                                 "uw gemeente."))
                else:
                    context.update(_dienstverlening(wijk))
        if form.errors:
            return render(request, "toegang/inwoner/start.html", context, status=400)
    return render(request, "toegang/inwoner/start.html", context)


def sociale_kaart(request):
    if (te_veel := afremmen.afgeremd(request, afremmen.InwonerZoeken)) is not None:
        return te_veel
    gemeenten = list(Gemeente.objects.order_by("naam"))
    # read as typed, without NUL bytes (PostgreSQL text cannot hold them: ?zoek=%00 answered 500)
    gekozen = (request.GET.get("gemeente") or "").replace("\x00", "") or (gemeenten[0].cbs_code if gemeenten else "")
    zoek = (request.GET.get("zoek") or "").replace("\x00", "")[:100].strip()
    aanbod = (Aanbod.objects.lopend().filter(openbaar=True, gemeente__cbs_code=gekozen)
              .select_related("wijk", "gebied").order_by("naam", "id"))
    if zoek:
        aanbod = aanbod.filter(Q(naam__icontains=zoek) | Q(omschrijving__icontains=zoek)
                               | Q(doelgroep__icontains=zoek) | Q(aanbieder__icontains=zoek))
    soort = request.GET.get("soort") or ""
    if soort in Aanbod.Soort.values:
        aanbod = aanbod.filter(soort=soort)
    categorie = request.GET.get("categorie") or ""
    if categorie in Aanbod.Categorie.values:
        aanbod = aanbod.filter(categorie=categorie)
    pagina = Paginator(aanbod, 20).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "toegang/inwoner/sociale_kaart.html", {
        "gemeenten": gemeenten, "gekozen": gekozen, "zoek": zoek, "soort": soort, "soorten": Aanbod.Soort.choices,
        "categorie": categorie, "categorieen": Aanbod.Categorie.choices,
        "pagina": pagina, "querystring": query.urlencode(),
    })


@never_cache
def vraag(request):
    form = InwonerVraagForm(request.POST or None)
    if request.method != "POST":
        if (te_veel := afremmen.afgeremd(request, afremmen.InwonerZoeken)) is not None:
            return te_veel
        return render(request, "toegang/inwoner/vraag.html", {"form": form})
    if (te_veel := afremmen.afgeremd(request, afremmen.InwonerVraag)) is not None:
        return te_veel
    if form.is_valid():
        d = form.cleaned_data
        try:
            wijk = services.wijk_voor_postcode(None, d["postcode"])
            if wijk is None:
                raise ValidationError({"postcode": _("Voor deze postcode kennen wij geen wijkteam. Neem contact op "
                                                     "met uw gemeente.")})
            gemeente = wijk.gemeente
            signaalgever = SignaalgeverType.objects.filter(gemeente=gemeente, code="inwoner").first()
            kanaal = Kanaal.objects.filter(gemeente=gemeente, code="online").first()
            melding = services.registreer_publieke_melding(
                gemeente=gemeente, signaalgever_type=signaalgever, kanaal=kanaal, vraag=d["vraag"],
                leefgebieden=d["leefgebieden"], toestemming=True, kinderen_gemeld=d["kinderen_gemeld"],
                melder_naam=d["naam"], melder_contact=d["contact"], geboortedatum=d.get("geboortedatum"),
                adres={k: d.get(k) for k in ("postcode", "huisnummer", "toevoeging", "straat", "woonplaats")}
                | {"naam": d["naam"].split()[-1] if d["naam"].split() else ""},
            )
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            return render(request, "toegang/inwoner/ontvangen.html", {"ontvangstnummer": melding.ontvangstnummer})
    return render(request, "toegang/inwoner/vraag.html", {"form": form}, status=400)
