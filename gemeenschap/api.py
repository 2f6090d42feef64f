"""API of gemeenschap under /api/v1/: the same selectors and services as the pages, with per-action permissions.

Wrong role → 403; an object the user may not see → 404; bad input → 400 with Dutch field errors.
"""

from datetime import date

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view, inline_serializer
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as DRFValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from common import onderdrukking
from common.fouten import roep_aan
from gemeenschap import mantelzorg, rechten, selectors, services, tellingen
from gemeenschap.mantelzorg import BELASTING_VRAGEN
from gemeenschap.models import (
    ClientervaringScore,
    CollectieveActiviteit,
    Dagdeel,
    Hulpvraag,
    Klacht,
    Koppeling,
    Mantelzorger,
    MantelzorgSteun,
    Vaardigheid,
    Vrijwilliger,
)
from huishoudens.models import Actie, NetwerkLid, Persoon
from huishoudens.selectors import huishoudens_voor
from wijkteams.models import Gebied, Team, Wijk
from wijkteams.selectors import gemeente_id_van

ONBEKENDE_WIJK = {"does_not_exist": "Onbekende wijk: kies een wijk in uw gemeente.",
                  "incorrect_type": "Onbekende wijk: kies een wijk in uw gemeente."}


class PerActie(permissions.BasePermission):
    """``view.rechten`` maps an action name (or "*") to a rechten function of the user."""

    def has_permission(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return False
        controle = view.rechten.get(view.action) or view.rechten.get("*")
        return bool(controle and controle(request.user))


def _wijk_veld(**kwargs):
    return serializers.PrimaryKeyRelatedField(queryset=Wijk.objects.all(), error_messages=ONBEKENDE_WIJK, **kwargs)


def _keuzes(keuzes, **kwargs):
    return serializers.ListField(child=serializers.ChoiceField(choices=keuzes), required=False, **kwargs)


class BasisViewSet(viewsets.GenericViewSet):
    permission_classes = [PerActie]
    rechten = {}


# --- vrijwilligers ------------------------------------------------------------------------------------

class VrijwilligerSerializer(serializers.ModelSerializer):
    wijk = _wijk_veld()
    vaardigheden = _keuzes(Vaardigheid.choices)
    beschikbaarheid = _keuzes(Dagdeel.choices)

    class Meta:
        model = Vrijwilliger
        fields = ["id", "naam", "email", "telefoon", "wijk", "interesses", "vaardigheden", "beschikbaarheid",
                  "vog_gecontroleerd", "vog_datum", "organisatie", "actief", "aangemeld_op"]
        read_only_fields = ["aangemeld_op"]


class VrijwilligerViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, BasisViewSet):
    """Vrijwilligersregister: alleen voor de sociaal makelaar."""

    serializer_class = VrijwilligerSerializer
    rechten = {"*": rechten.mag_vrijwilligers_beheren}
    filterset_fields = ["wijk", "actief"]

    def get_queryset(self):
        return selectors.vrijwilligers_voor(self.request.user).order_by("naam", "id")

    def create(self, request):
        s = self.get_serializer(data=request.data)
        s.is_valid(raise_exception=True)
        v = roep_aan(services.registreer_vrijwilliger, door=request.user, **s.validated_data)
        return Response(self.get_serializer(v).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        v = self.get_object()
        s = self.get_serializer(v, data=request.data, partial=True)
        s.is_valid(raise_exception=True)
        v = roep_aan(services.wijzig_vrijwilliger, vrijwilliger=v, door=request.user, **s.validated_data)
        return Response(self.get_serializer(v).data)


# --- hulpvragen en koppelingen --------------------------------------------------------------------------

class KoppelingSerializer(serializers.ModelSerializer):
    vrijwilliger = serializers.SerializerMethodField()

    class Meta:
        model = Koppeling
        fields = ["id", "hulpvraag", "vrijwilliger", "status", "voorgesteld_op", "geaccepteerd_op", "start", "eind",
                  "toelichting"]

    def get_vrijwilliger(self, k) -> dict:
        """Name and contact details only for the makelaar and the regisseur of the household concerned."""
        user = self.context["request"].user
        if selectors.mag_contactgegevens_zien(user, k.vrijwilliger, k.hulpvraag):
            v = k.vrijwilliger
            return {"id": v.pk, "naam": v.naam, "telefoon": v.telefoon, "email": v.email,
                    "organisatie": v.organisatie}
        return {"id": None, "naam": None, "telefoon": None, "email": None, "organisatie": None}


class HulpvraagSerializer(serializers.ModelSerializer):
    wijk = _wijk_veld(required=False)
    actie = serializers.PrimaryKeyRelatedField(queryset=Actie.objects.all(), required=False, allow_null=True,
                                               error_messages={"does_not_exist": "Onbekende activiteit."})
    vaardigheden = _keuzes(Vaardigheid.choices)
    wanneer = _keuzes(Dagdeel.choices)
    koppelingen = KoppelingSerializer(many=True, read_only=True)

    class Meta:
        model = Hulpvraag
        fields = ["id", "bron", "actie", "wijk", "aanvrager", "wat", "vaardigheden", "wanneer", "hoe_vaak",
                  "vog_nodig", "status", "ingediend_op", "koppelingen"]
        read_only_fields = ["status", "ingediend_op"]
        extra_kwargs = {"bron": {"required": False}, "wat": {"required": False}}


class KoppelVoorstelSerializer(serializers.Serializer):
    vrijwilliger = serializers.IntegerField()
    toelichting = serializers.CharField(required=False, allow_blank=True)


class StapSerializer(serializers.Serializer):
    naar = serializers.ChoiceField(choices=[c for c in Koppeling.Status.choices if c[0] != "voorgesteld"])
    datum = serializers.DateField(required=False)
    toelichting = serializers.CharField(required=False, allow_blank=True)
SuggestieSerializer = inline_serializer("Suggestie", {
    "vrijwilliger": serializers.IntegerField(), "naam": serializers.CharField(), "wijk": serializers.IntegerField(),
    "score": serializers.IntegerField(), "redenen": serializers.ListField(child=serializers.CharField())},
    many=True)


class HulpvraagViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, BasisViewSet):
    """Hulpvragen aan vrijwilligers. Met ``actie`` uit een plan (trede vrijwilligers), anders los van een bewoner
    of partner (``bron``, ``wijk``)."""

    serializer_class = HulpvraagSerializer
    rechten = {"*": rechten.mag_hulpvraag_indienen, "suggesties": rechten.mag_koppelen,
               "koppel": rechten.mag_koppelen}
    filterset_fields = ["status", "wijk", "bron"]

    def get_queryset(self):
        return (selectors.hulpvragen_voor(self.request.user)
                .prefetch_related("koppelingen__vrijwilliger", "koppelingen__hulpvraag")
                .order_by("-ingediend_op", "-id"))

    def create(self, request):
        s = self.get_serializer(data=request.data)
        s.is_valid(raise_exception=True)
        d = dict(s.validated_data)
        actie = d.pop("actie", None)
        velden = {k: d[k] for k in ("vaardigheden", "wanneer", "hoe_vaak", "vog_nodig") if k in d}
        if actie is not None:
            if not Actie.objects.filter(pk=actie.pk,
                                        doel__plan__traject__huishouden__in=huishoudens_voor(request.user)).exists():
                raise DRFValidationError({"actie": ["Onbekende activiteit."]})
            hv = roep_aan(services.maak_hulpvraag_voor_actie, door=request.user, actie=actie, wat=d.get("wat", ""),
                        **velden)
        else:
            hv = roep_aan(services.maak_hulpvraag, door=request.user, wijk=d.get("wijk"), bron=d.get("bron", ""),
                        wat=d.get("wat", ""), aanvrager=d.get("aanvrager", ""), **velden)
        return Response(self.get_serializer(hv).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={200: SuggestieSerializer})
    @action(detail=True, methods=["get"])
    def suggesties(self, request, pk=None):
        hv = self.get_object()
        return Response([{"vrijwilliger": s.vrijwilliger.pk, "naam": s.vrijwilliger.naam,
                          "wijk": s.vrijwilliger.wijk_id, "score": s.score, "redenen": s.redenen}
                         for s in selectors.suggesties(request.user, hv, aantal=10)])

    @extend_schema(request=KoppelVoorstelSerializer, responses={201: KoppelingSerializer})
    @action(detail=True, methods=["post"])
    def koppel(self, request, pk=None):
        hv = self.get_object()
        s = KoppelVoorstelSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        v = selectors.vrijwilligers_voor(request.user).filter(pk=s.validated_data["vrijwilliger"]).first()
        if v is None:
            raise DRFValidationError({"vrijwilliger": ["Onbekende vrijwilliger."]})
        k = roep_aan(services.stel_koppeling_voor, hulpvraag=hv, vrijwilliger=v, door=request.user,
                   toelichting=s.validated_data.get("toelichting", ""))
        return Response(KoppelingSerializer(k, context={"request": request}).data, status=status.HTTP_201_CREATED)


class KoppelingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, BasisViewSet):
    serializer_class = KoppelingSerializer
    rechten = {"*": rechten.mag_hulpvraag_indienen, "stap": rechten.mag_koppelen}
    filterset_fields = ["status", "hulpvraag"]

    def get_queryset(self):
        return (Koppeling.objects.filter(hulpvraag__in=selectors.hulpvragen_voor(self.request.user))
                .select_related("vrijwilliger", "hulpvraag").order_by("-voorgesteld_op", "-id"))

    @extend_schema(request=StapSerializer, responses=KoppelingSerializer)
    @action(detail=True, methods=["post"])
    def stap(self, request, pk=None):
        k = self.get_object()
        s = StapSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        k = roep_aan(services.wijzig_koppeling, koppeling=k, door=request.user, **s.validated_data)
        return Response(self.get_serializer(k).data)


# --- mantelzorg ---------------------------------------------------------------------------------------

class MantelzorgerSerializer(serializers.ModelSerializer):
    persoon = serializers.PrimaryKeyRelatedField(queryset=Persoon.objects.all(), required=False, allow_null=True)
    netwerklid = serializers.PrimaryKeyRelatedField(queryset=NetwerkLid.objects.all(), required=False,
                                                    allow_null=True)
    uren_per_week = serializers.DecimalField(max_digits=4, decimal_places=1)
    laatste_score = serializers.IntegerField(read_only=True, allow_null=True)
    overbelast = serializers.BooleanField(read_only=True, allow_null=True)

    class Meta:
        model = Mantelzorger
        fields = ["id", "huishouden", "wijk", "persoon", "netwerklid", "zorgt_voor", "uren_per_week", "sinds",
                  "laatste_score", "overbelast"]
        read_only_fields = ["huishouden", "wijk"]


class SteunSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(choices=MantelzorgSteun.Soort.choices)
    datum = serializers.DateField()
    toelichting = serializers.CharField(required=False, allow_blank=True)


class CheckSerializer(serializers.Serializer):
    datum = serializers.DateField(required=False)

    def get_fields(self):
        velden = super().get_fields()
        for code, tekst in BELASTING_VRAGEN:
            velden[code] = serializers.IntegerField(help_text=str(tekst), min_value=0, max_value=3)
        return velden
CheckUitslag = inline_serializer("BelastingcheckUitslag", {
    "score": serializers.IntegerField(), "overbelast": serializers.BooleanField(), "datum": serializers.DateField()})


class MantelzorgerViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, BasisViewSet):
    """Mantelzorgers bij huishoudens die de gebruiker mag zien."""

    serializer_class = MantelzorgerSerializer
    rechten = {"*": rechten.mag_mantelzorg}
    filterset_fields = ["huishouden", "wijk"]

    def get_queryset(self):
        return selectors.mantelzorgers_voor(self.request.user).order_by("-sinds", "-id")

    def create(self, request):
        s = self.get_serializer(data=request.data)
        s.is_valid(raise_exception=True)
        mz = roep_aan(mantelzorg.registreer_mantelzorger, door=request.user, **s.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=mz.pk)).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=SteunSerializer, responses={201: SteunSerializer})
    @action(detail=True, methods=["post"])
    def steun(self, request, pk=None):
        mz = self.get_object()
        s = SteunSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        steun = roep_aan(mantelzorg.registreer_steun, mantelzorger=mz, door=request.user, **s.validated_data)
        return Response({"soort": steun.soort, "datum": steun.datum, "toelichting": steun.toelichting},
                        status=status.HTTP_201_CREATED)

    @extend_schema(request=CheckSerializer, responses={201: CheckUitslag})
    @action(detail=True, methods=["post"])
    def belastingcheck(self, request, pk=None):
        mz = self.get_object()
        s = CheckSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        d = dict(s.validated_data)
        check = roep_aan(mantelzorg.neem_belastingcheck_af, mantelzorger=mz, door=request.user,
                       datum=d.pop("datum", None), antwoorden=d)
        return Response({"score": check.score, "overbelast": check.overbelast, "datum": check.datum},
                        status=status.HTTP_201_CREATED)


# --- collectieve activiteiten -------------------------------------------------------------------------

class ActiviteitSerializer(serializers.ModelSerializer):
    wijk = _wijk_veld(required=False, allow_null=True)
    gebied = serializers.PrimaryKeyRelatedField(queryset=Gebied.objects.all(), required=False, allow_null=True)
    bereik = serializers.IntegerField(required=False, allow_null=True)

    class Meta:
        model = CollectieveActiviteit
        fields = ["id", "gebied", "wijk", "soort", "titel", "partner", "startdatum", "einddatum", "bereik",
                  "omschrijving"]


class ActiviteitViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, BasisViewSet):
    serializer_class = ActiviteitSerializer
    rechten = {"list": rechten.mag_activiteiten_zien, "retrieve": rechten.mag_activiteiten_zien,
               "create": rechten.mag_activiteiten_beheren, "partial_update": rechten.mag_activiteiten_beheren}
    filterset_fields = ["gebied", "wijk", "soort"]

    def get_queryset(self):
        return selectors.activiteiten_voor(self.request.user).order_by("-startdatum", "-id")

    def create(self, request):
        s = self.get_serializer(data=request.data)
        s.is_valid(raise_exception=True)
        a = roep_aan(services.registreer_activiteit, door=request.user, **s.validated_data)
        return Response(self.get_serializer(a).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        a = self.get_object()
        s = self.get_serializer(a, data=request.data, partial=True)
        s.is_valid(raise_exception=True)
        a = roep_aan(services.wijzig_activiteit, activiteit=a, door=request.user, **s.validated_data)
        return Response(self.get_serializer(a).data)


# --- klachten en cliëntervaring -----------------------------------------------------------------------

class KlachtSerializer(serializers.ModelSerializer):
    team = serializers.PrimaryKeyRelatedField(queryset=Team.objects.all(), required=False, allow_null=True)
    gebied = serializers.PrimaryKeyRelatedField(queryset=Gebied.objects.all(), required=False, allow_null=True)
    huishouden = serializers.IntegerField(source="huishouden_id", required=False, allow_null=True,
                                          help_text="Alleen getoond aan wie dit huishouden mag zien.")

    class Meta:
        model = Klacht
        fields = ["id", "ontvangen_op", "team", "gebied", "onderwerp", "behandeling", "uitkomst", "status",
                  "uiterlijk_afgehandeld", "afgehandeld_op", "huishouden"]
        read_only_fields = ["uitkomst", "status", "uiterlijk_afgehandeld", "afgehandeld_op"]

    def to_representation(self, klacht):
        data = super().to_representation(klacht)
        zichtbaar = self.context.get("zichtbare_huishoudens", set())
        data["huishouden"] = klacht.huishouden_id if klacht.huishouden_id in zichtbaar else None
        return data


class BehandelSerializer(serializers.Serializer):
    naar = serializers.ChoiceField(choices=[c for c in Klacht.Status.choices if c[0] != "ontvangen"])
    behandeling = serializers.CharField(required=False, allow_blank=True)
    uitkomst = serializers.ChoiceField(choices=Klacht.Uitkomst.choices, required=False, allow_blank=True)
    afgehandeld_op = serializers.DateField(required=False)


class KlachtViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, BasisViewSet):
    serializer_class = KlachtSerializer
    rechten = {"list": rechten.mag_klachten_zien, "retrieve": rechten.mag_klachten_zien,
               "create": rechten.mag_klacht_registreren, "behandel": rechten.mag_klacht_afhandelen}
    filterset_fields = ["status", "gebied", "team"]

    def get_queryset(self):
        return selectors.klachten_voor(self.request.user).order_by("-ontvangen_op", "-id")

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self, "swagger_fake_view", False) or not self.request.user.is_authenticated:
            return context
        context["zichtbare_huishoudens"] = set(huishoudens_voor(self.request.user).filter(
            pk__in=self.get_queryset().exclude(huishouden=None).values("huishouden_id")).values_list("pk", flat=True))
        return context

    def create(self, request):
        s = self.get_serializer(data=request.data)
        s.is_valid(raise_exception=True)
        d = dict(s.validated_data)
        hh_id = d.pop("huishouden_id", None)
        hh = huishoudens_voor(request.user).filter(pk=hh_id).first() if hh_id else None
        if hh_id and hh is None:
            raise DRFValidationError({"huishouden": ["Onbekend huishouden, of een huishouden dat u niet mag zien."]})
        k = roep_aan(services.registreer_klacht, door=request.user, huishouden=hh, **d)
        return Response(self.get_serializer(k).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=BehandelSerializer, responses=KlachtSerializer)
    @action(detail=True, methods=["post"])
    def behandel(self, request, pk=None):
        k = self.get_object()
        s = BehandelSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        k = roep_aan(services.behandel_klacht, klacht=k, door=request.user, **s.validated_data)
        return Response(self.get_serializer(k).data)


class ClientervaringSerializer(serializers.ModelSerializer):
    gebied = serializers.PrimaryKeyRelatedField(queryset=Gebied.objects.all(), required=False, allow_null=True)

    class Meta:
        model = ClientervaringScore
        fields = ["id", "jaar", "gebied", "vraag", "score", "respondenten"]
        validators = []  # the service upserts on (gemeente, gebied, jaar, vraag)


ImportSerializer = inline_serializer("ClientervaringImport", {"bestand": serializers.FileField()})


class ClientervaringViewSet(mixins.ListModelMixin, BasisViewSet):
    serializer_class = ClientervaringSerializer
    rechten = {"list": rechten.mag_clientervaring_zien, "create": rechten.mag_clientervaring_invoeren,
               "importeer": rechten.mag_clientervaring_invoeren}
    filterset_fields = ["jaar", "gebied"]
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    def get_queryset(self):
        return selectors.clientervaring_voor(self.request.user).order_by("-jaar", "vraag", "id")

    def create(self, request):
        s = self.get_serializer(data=request.data)
        s.is_valid(raise_exception=True)
        obj = roep_aan(services.sla_clientervaring_op, door=request.user, **s.validated_data)
        return Response(self.get_serializer(obj).data, status=status.HTTP_201_CREATED)

    @extend_schema(request={"multipart/form-data": ImportSerializer},
                   responses={201: inline_serializer("ImportUitslag", {"regels": serializers.IntegerField()})})
    @action(detail=False, methods=["post"])
    def importeer(self, request):
        bestand = request.FILES.get("bestand")
        if bestand is None:
            raise DRFValidationError({"bestand": ["Kies een CSV-bestand."]})
        try:
            tekst = bestand.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DRFValidationError({"bestand": ["Het bestand is geen tekst in UTF-8."]})
        n = roep_aan(services.importeer_clientervaring, door=request.user, tekst=tekst)
        return Response({"regels": n}, status=status.HTTP_201_CREATED)


# --- tellingen ----------------------------------------------------------------------------------------

class PeriodeSerializer(serializers.Serializer):
    """Only the monitor's periods (a whole quarter, half-year or year), never a free window."""

    van = serializers.DateField(required=False)
    tot = serializers.DateField(required=False)

    def validate(self, attrs):
        jaar = timezone.localdate().year
        attrs.setdefault("van", date(jaar, 1, 1))
        attrs.setdefault("tot", date(attrs["van"].year, 12, 31))
        if attrs["tot"] < attrs["van"]:
            raise DRFValidationError({"tot": ["De einddatum ligt vóór de startdatum."]})
        if not onderdrukking.is_monitorperiode(attrs["van"], attrs["tot"]):
            raise DRFValidationError({"tot": [onderdrukking.periodefout()]})
        return attrs


@extend_schema_view(list=extend_schema(
    parameters=[OpenApiParameter("van", date, description="Eerste dag van een kwartaal, halfjaar of jaar "
                                                          "(standaard: 1 januari van dit jaar)"),
                OpenApiParameter("tot", date, description="Laatste dag van dat kwartaal, halfjaar of jaar")],
    responses=inline_serializer("GemeenschapTellingen", {
        "van": serializers.DateField(), "tot": serializers.DateField(),
        "per_wijk": serializers.DictField(child=serializers.DictField()),
        "per_gebied": serializers.DictField(child=serializers.DictField())})))
class TellingenViewSet(BasisViewSet):
    """Tellingen per wijk en gebied over een kwartaal, halfjaar of jaar; kleine aantallen als ‘< 5’ en aantallen
    die verborgen zijn om die te beschermen als ‘×’ (aanvullende onderdrukking)."""

    rechten = {"list": rechten.mag_cijfers_zien}
    pagination_class = None
    filter_backends = []
    queryset = Hulpvraag.objects.none()

    def list(self, request):
        periode = PeriodeSerializer(data=request.query_params)
        periode.is_valid(raise_exception=True)
        van, tot = periode.validated_data["van"], periode.validated_data["tot"]
        per_wijk, per_gebied, _gemeente = tellingen.gepubliceerd(gemeente_id_van(request.user), van, tot)
        return Response({"van": van, "tot": tot, "per_wijk": per_wijk, "per_gebied": per_gebied})


def registreer(router):
    """Register this app's viewsets on the shared /api/v1/ router."""
    router.register("vrijwilligers", VrijwilligerViewSet, basename="vrijwilliger")
    router.register("hulpvragen", HulpvraagViewSet, basename="hulpvraag")
    router.register("koppelingen", KoppelingViewSet, basename="koppeling")
    router.register("mantelzorgers", MantelzorgerViewSet, basename="mantelzorger")
    router.register("collectieve-activiteiten", ActiviteitViewSet, basename="collectieve-activiteit")
    router.register("klachten", KlachtViewSet, basename="klacht")
    router.register("clientervaring", ClientervaringViewSet, basename="clientervaring")
    router.register("gemeenschap-tellingen", TellingenViewSet, basename="gemeenschap-tellingen")
