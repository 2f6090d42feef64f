"""API for maatwerk under /api/v1/. Thin: serializers parse, services write, selectors read.

Who may do what is enforced by the services and selectors (404 for households the user may not see, 403 for
actions without the right role or mandate) and documented per action in the OpenAPI schema.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from audit.models import AuditActie
from common.fouten import roep_aan
from common.leeslog import LogtLezen, ToontGeenHuishoudens
from huishoudens.models import Doel, Ladder, Persoon
from huishoudens.selectors import huishoudens_voor
from toegang.maatwerk import selectors, services
from toegang.maatwerk.export import exporteer
from toegang.models import (
    Aanbieder,
    Aanvraag,
    Eenheid,
    Frequentie,
    Product,
    Toewijzing,
)
from wijkteams import rollen
from wijkteams.selectors import gemeente_id_van, medewerker_van

# --- serializers ------------------------------------------------------------------------------------

class ProductSerializer(serializers.ModelSerializer):
    wet = serializers.CharField(source="categorie.wet", read_only=True)
    categorie = serializers.CharField(source="categorie.code", read_only=True)

    class Meta:
        model = Product
        fields = ["id", "code", "naam", "wet", "categorie", "tarief"]


class AanvraagSerializer(serializers.ModelSerializer):
    deadline = serializers.DateField(read_only=True)
    termijn = serializers.CharField(read_only=True)
    beschikking_beschikbaar = serializers.SerializerMethodField()
    besluitbrief_beschikbaar = serializers.SerializerMethodField()

    class Meta:
        model = Aanvraag
        fields = ["id", "huishouden", "doel", "client", "product", "aanbieder", "volume", "eenheid", "frequentie",
                  "budget", "start", "eind", "motivering", "aanvraagdatum", "status", "beslisser", "externe_instantie",
                  "deadline", "termijn", "besluitreden", "besloten_op", "extern_kenmerk", "extern_besluitdatum",
                  "beschikking_beschikbaar", "besluitbrief_beschikbaar"]
        read_only_fields = fields

    def get_beschikking_beschikbaar(self, obj) -> bool:
        return bool(obj.beschikking)

    def get_besluitbrief_beschikbaar(self, obj) -> bool:
        return bool(obj.extern_besluitbrief)


class AanvraagInvoerSerializer(serializers.Serializer):
    doel = serializers.PrimaryKeyRelatedField(queryset=Doel.objects.all())
    client = serializers.PrimaryKeyRelatedField(queryset=Persoon.objects.all())
    product = serializers.PrimaryKeyRelatedField(queryset=Product.objects.all())
    aanbieder = serializers.PrimaryKeyRelatedField(queryset=Aanbieder.objects.all())
    volume = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    eenheid = serializers.PrimaryKeyRelatedField(queryset=Eenheid.objects.all(), required=False, allow_null=True)
    frequentie = serializers.PrimaryKeyRelatedField(queryset=Frequentie.objects.all(), required=False,
                                                    allow_null=True)
    budget = serializers.DecimalField(max_digits=10, decimal_places=2, required=False, allow_null=True)
    start = serializers.DateField()
    eind = serializers.DateField()
    motivering = serializers.CharField()

    def validate_doel(self, doel):
        user = self.context["request"].user
        if not huishoudens_voor(user).filter(pk=doel.plan.traject.huishouden_id).exists():
            raise serializers.ValidationError(_("Onbekend doel."))
        return doel


class BesluitSerializer(serializers.Serializer):
    besluit = serializers.ChoiceField(choices=[Aanvraag.Status.TOEGEKEND, Aanvraag.Status.AFGEWEZEN,
                                               Aanvraag.Status.TERUGGESTUURD])
    reden = serializers.CharField()
    lichtere_activiteit = serializers.CharField(required=False, allow_blank=True, default="")
    lichtere_trede = serializers.ChoiceField(choices=services.LICHTERE_TREDEN, required=False,
                                             default=Ladder.PROFESSIONEEL)
    extern_kenmerk = serializers.CharField(required=False, allow_blank=True, default="")
    extern_besluitdatum = serializers.DateField(required=False, allow_null=True, default=None)
    extern_besluitbrief = serializers.FileField(required=False, allow_null=True, default=None,
                                                help_text="PDF van de externe instantie, hooguit 10 MB (multipart).")


class RedenSerializer(serializers.Serializer):
    reden = serializers.CharField()


class MotiveringSerializer(serializers.Serializer):
    motivering = serializers.CharField()


class ToewijzingSerializer(serializers.ModelSerializer):
    gemeentecode = serializers.CharField(source="gemeente.cbs_code", read_only=True)
    agb_code = serializers.CharField(source="aanbieder.agb_code", read_only=True)
    productcode = serializers.CharField(source="product.code", read_only=True)
    categorie = serializers.CharField(source="categorie.code", read_only=True)

    class Meta:
        model = Toewijzing
        fields = ["id", "aanvraag", "toewijzingnummer", "gemeentecode", "agb_code", "categorie", "productcode",
                  "start", "eind", "volume", "eenheid", "frequentie", "budget", "zorg_gestart_op", "zorg_gestopt_op",
                  "reden_einde"]
        read_only_fields = fields


class ZorgSerializer(serializers.Serializer):
    datum = serializers.DateField()
    reden = serializers.CharField(required=False, allow_blank=True, default="")


# --- viewsets ---------------------------------------------------------------------------------------

@extend_schema_view(list=extend_schema(description="Productcatalogus van de eigen gemeente. **Recht:** ingelogd."),
                    retrieve=extend_schema(description="Eén product. **Recht:** ingelogd."))
class ProductViewSet(ToontGeenHuishoudens, viewsets.ReadOnlyModelViewSet):
    waarom = "de productcatalogus van de gemeente"
    serializer_class = ProductSerializer

    def get_queryset(self):
        return Product.objects.filter(gemeente_id=gemeente_id_van(self.request.user), actief=True).select_related(
            "categorie")


@extend_schema_view(
    list=extend_schema(description="Aanvragen van huishoudens die u mag zien. **Recht:** wie het huishouden mag zien "
                                   "(team, regisseur, coördinator van het gebied). Met `te_beslissen=1`: alleen de "
                                   "open aanvragen waarover u volgens het mandaatregister beslist (uw werkvoorraad; "
                                   "dezelfde regel als het besluit zelf).",
                       parameters=[OpenApiParameter("te_beslissen", bool, required=False)]),
    retrieve=extend_schema(description="Eén aanvraag; 404 als u het huishouden niet mag zien."),
)
class AanvraagViewSet(LogtLezen, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = AanvraagSerializer
    filterset_fields = ["status"]

    def get_queryset(self):
        if self.request.query_params.get("te_beslissen") in ("1", "true"):
            return selectors.te_beslissen_voor(self.request.user)
        return selectors.aanvragen_voor(self.request.user).order_by("-aanvraagdatum", "-id")

    def get_object(self):
        return selectors.get_aanvraag_voor(self.request.user, self.kwargs["pk"], request=self.request)

    @extend_schema(request=AanvraagInvoerSerializer, responses={201: AanvraagSerializer},
                   description="Maatwerk aanvragen voor een doel uit het actieve plan. **Recht:** lid van het team "
                               "van het traject (anders 403).")
    def create(self, request):
        invoer = AanvraagInvoerSerializer(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        aanvraag = roep_aan(services.dien_aanvraag_in, door=request.user, **invoer.validated_data)
        return Response(AanvraagSerializer(aanvraag).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=BesluitSerializer, responses={200: AanvraagSerializer, 403: OpenApiResponse(
        description="Geen mandaat, of u deed de aanvraag zelf (vier ogen).")},
                   description="Toekennen, afwijzen of terugsturen, altijd met reden. **Recht:** wie het "
                               "mandaatregister aanwijst (coördinator van het gebied, Wmo-consulent in het "
                               "Sociaal team, of vastleggen van het besluit van een externe instantie); nooit de "
                               "aanvrager.")
    @action(detail=True, methods=["post"])
    def besluit(self, request, pk=None):
        aanvraag = self.get_object()
        invoer = BesluitSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        roep_aan(services.besluit_over_aanvraag, aanvraag_id=aanvraag.pk, door=request.user, **invoer.validated_data)
        return Response(AanvraagSerializer(selectors.get_aanvraag_voor(request.user, pk)).data)

    @extend_schema(request=MotiveringSerializer, responses={200: AanvraagSerializer},
                   description="Opnieuw indienen na terugsturen. **Recht:** lid van het team van het traject.")
    @action(detail=True, methods=["post"], url_path="opnieuw-indienen")
    def opnieuw_indienen(self, request, pk=None):
        aanvraag = self.get_object()
        invoer = MotiveringSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        roep_aan(services.dien_opnieuw_in, aanvraag_id=aanvraag.pk, door=request.user, **invoer.validated_data)
        return Response(AanvraagSerializer(selectors.get_aanvraag_voor(request.user, pk)).data)

    @extend_schema(request=RedenSerializer, responses={200: AanvraagSerializer},
                   description="Intrekken. **Recht:** lid van het team van het traject.")
    @action(detail=True, methods=["post"])
    def intrekken(self, request, pk=None):
        aanvraag = self.get_object()
        invoer = RedenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        roep_aan(services.trek_aanvraag_in, aanvraag_id=aanvraag.pk, door=request.user, **invoer.validated_data)
        return Response(AanvraagSerializer(selectors.get_aanvraag_voor(request.user, pk)).data)


@extend_schema_view(
    list=extend_schema(description="Toewijzingen van huishoudens die u mag zien. **Recht:** wie het huishouden "
                                   "mag zien."),
    retrieve=extend_schema(description="Eén toewijzing (velden iWmo 301)."),
)
class ToewijzingViewSet(LogtLezen, viewsets.ReadOnlyModelViewSet):
    huishouden_pad = "client__huishouden_id"
    serializer_class = ToewijzingSerializer

    def get_queryset(self):
        return selectors.toewijzingen_voor(self.request.user).order_by("-start", "-id")

    def _zorg(self, request, service):
        toewijzing = self.get_object()
        invoer = ZorgSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        kwargs = {"datum": invoer.validated_data["datum"]}
        if service is services.registreer_zorgstop:
            kwargs["reden"] = invoer.validated_data["reden"]
        roep_aan(service, toewijzing_id=toewijzing.pk, door=request.user, **kwargs)
        return Response(ToewijzingSerializer(self.get_queryset().get(pk=toewijzing.pk)).data)

    @extend_schema(request=ZorgSerializer, responses={200: ToewijzingSerializer},
                   description="Start van de zorg vastleggen (als bericht 305). **Recht:** team van het traject "
                               "of coördinator van het gebied.")
    @action(detail=True, methods=["post"], url_path="zorg-start")
    def zorg_start(self, request, pk=None):
        return self._zorg(request, services.registreer_zorgstart)

    @extend_schema(request=ZorgSerializer, responses={200: ToewijzingSerializer},
                   description="Einde van de zorg vastleggen met reden (als bericht 307). **Recht:** team van het "
                               "traject of coördinator van het gebied.")
    @action(detail=True, methods=["post"], url_path="zorg-stop")
    def zorg_stop(self, request, pk=None):
        return self._zorg(request, services.registreer_zorgstop)

    @extend_schema(responses={200: OpenApiResponse(description="JSON volgens toegang/toewijzing_schema.json")},
                   description="Export van toewijzingen (velden iWmo 301). **Recht:** coördinator.")
    @action(detail=False, methods=["get"])
    def export(self, request):
        rollen.vereis_rol(request, rollen.COORDINATOR)
        mw = medewerker_van(request.user)
        toewijzingen = self.get_queryset()
        self.log_getoond(list(toewijzingen), actie=AuditActie.GEEXPORTEERD, detail={"export": "toewijzingen"})
        return Response(exporteer(toewijzingen, gemeente=mw.gemeente))


def registreer(router):
    """Register this part's viewsets on the shared /api/v1/ router."""
    router.register("maatwerk/producten", ProductViewSet, basename="maatwerk-product")
    router.register("maatwerk/aanvragen", AanvraagViewSet, basename="maatwerk-aanvraag")
    router.register("maatwerk/toewijzingen", ToewijzingViewSet, basename="maatwerk-toewijzing")
