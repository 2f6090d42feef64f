"""API for maatwerk and opschaling under /api/v1/. Thin: serializers parse, services write, selectors read.

Who may do what is enforced by the services and selectors (404 for households the user may not see, 403 for
actions without the right role or mandate) and documented per action in the OpenAPI schema.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from huishoudens.models import Doel, Ladder, Persoon
from huishoudens.selectors import get_huishouden_voor, huishoudens_voor, open_traject
from toegang import selectors_maatwerk as sel
from toegang import selectors_opschaling as sel_o
from toegang import services_maatwerk as sm
from toegang import services_opschaling as so
from toegang.models import (
    Aanbieder,
    Aanvraag,
    BeleidsSignaal,
    Eenheid,
    Frequentie,
    Opschaling,
    OpschalingDoel,
    Product,
    Toewijzing,
)
from toegang.toewijzing_export import exporteer
from wijkteams import rollen
from wijkteams.selectors import gemeente_id_van, medewerker_van


def _service(fn, **kwargs):
    """Call a service; its Dutch ValidationError becomes a DRF 400 with field errors."""
    try:
        return fn(**kwargs)
    except DjangoValidationError as fout:
        raise serializers.ValidationError(fout.message_dict if hasattr(fout, "error_dict") else
                                          {"non_field_errors": fout.messages})


def _rol_vereist(request, *rol_namen):
    if not rollen.heeft_rol(request.user, *rol_namen):
        raise PermissionDenied(_("Uw rol geeft geen toegang tot deze actie."))


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

    class Meta:
        model = Aanvraag
        fields = ["id", "huishouden", "doel", "client", "product", "aanbieder", "volume", "eenheid", "frequentie",
                  "budget", "start", "eind", "motivering", "aanvraagdatum", "status", "beslisser", "externe_instantie",
                  "deadline", "termijn", "besluitreden", "besloten_op", "extern_kenmerk", "beschikking_beschikbaar"]
        read_only_fields = fields

    def get_beschikking_beschikbaar(self, obj) -> bool:
        return bool(obj.beschikking)


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
    lichtere_trede = serializers.ChoiceField(choices=sm.LICHTERE_TREDEN, required=False, default=Ladder.PROFESSIONEEL)
    extern_kenmerk = serializers.CharField(required=False, allow_blank=True, default="")


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


class OpschalingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Opschaling
        fields = ["id", "huishouden", "traject", "doel", "status", "reden", "geprobeerd", "eigenaar", "overlegdatum",
                  "besluit", "uitkomst", "afschaal_instructies", "aangemeld_op"]
        read_only_fields = fields


class OpschalingInvoerSerializer(serializers.Serializer):
    huishouden = serializers.IntegerField()
    doel = serializers.PrimaryKeyRelatedField(queryset=OpschalingDoel.objects.all())
    reden = serializers.CharField()
    geprobeerd = serializers.CharField()
    kindveiligheid = serializers.BooleanField(required=False, default=False)


class OpschalingActieSerializer(serializers.Serializer):
    tekst = serializers.CharField(required=False, allow_blank=True, default="",
                                  help_text=_("Besluit, instructies of uitkomst, afhankelijk van de actie."))
    uitkomst = serializers.CharField(required=False, allow_blank=True, default="")
    overlegdatum = serializers.DateField(required=False, allow_null=True, default=None)


class BeleidsSignaalSerializer(serializers.ModelSerializer):
    gebied = serializers.CharField(source="gebied.naam", default=None, read_only=True)

    class Meta:
        model = BeleidsSignaal
        fields = ["id", "datum", "thema", "gebied", "omschrijving", "aanbeveling"]


# --- viewsets ---------------------------------------------------------------------------------------

@extend_schema_view(list=extend_schema(description="Productcatalogus van de eigen gemeente. **Recht:** ingelogd."),
                    retrieve=extend_schema(description="Eén product. **Recht:** ingelogd."))
class ProductViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ProductSerializer

    def get_queryset(self):
        return Product.objects.filter(gemeente_id=gemeente_id_van(self.request.user), actief=True).select_related(
            "categorie")


@extend_schema_view(
    list=extend_schema(description="Aanvragen van huishoudens die u mag zien. **Recht:** wie het huishouden mag zien "
                                   "(team, regisseur, coördinator van het gebied)."),
    retrieve=extend_schema(description="Eén aanvraag; 404 als u het huishouden niet mag zien."),
)
class AanvraagViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = AanvraagSerializer
    filterset_fields = ["status"]

    def get_queryset(self):
        return sel.aanvragen_voor(self.request.user).order_by("-aanvraagdatum", "-id")

    def get_object(self):
        return sel.get_aanvraag_voor(self.request.user, self.kwargs["pk"], request=self.request)

    @extend_schema(request=AanvraagInvoerSerializer, responses={201: AanvraagSerializer},
                   description="Maatwerk aanvragen voor een doel uit het actieve plan. **Recht:** lid van het team "
                               "van het traject (anders 403).")
    def create(self, request):
        invoer = AanvraagInvoerSerializer(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        aanvraag = _service(sm.dien_aanvraag_in, door=request.user, **invoer.validated_data)
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
        _service(sm.besluit_over_aanvraag, aanvraag_id=aanvraag.pk, door=request.user, **invoer.validated_data)
        return Response(AanvraagSerializer(sel.get_aanvraag_voor(request.user, pk)).data)

    @extend_schema(request=MotiveringSerializer, responses={200: AanvraagSerializer},
                   description="Opnieuw indienen na terugsturen. **Recht:** lid van het team van het traject.")
    @action(detail=True, methods=["post"], url_path="opnieuw-indienen")
    def opnieuw_indienen(self, request, pk=None):
        aanvraag = self.get_object()
        invoer = MotiveringSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        _service(sm.dien_opnieuw_in, aanvraag_id=aanvraag.pk, door=request.user, **invoer.validated_data)
        return Response(AanvraagSerializer(sel.get_aanvraag_voor(request.user, pk)).data)

    @extend_schema(request=RedenSerializer, responses={200: AanvraagSerializer},
                   description="Intrekken. **Recht:** lid van het team van het traject.")
    @action(detail=True, methods=["post"])
    def intrekken(self, request, pk=None):
        aanvraag = self.get_object()
        invoer = RedenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        _service(sm.trek_aanvraag_in, aanvraag_id=aanvraag.pk, door=request.user, **invoer.validated_data)
        return Response(AanvraagSerializer(sel.get_aanvraag_voor(request.user, pk)).data)


@extend_schema_view(
    list=extend_schema(description="Toewijzingen van huishoudens die u mag zien. **Recht:** wie het huishouden "
                                   "mag zien."),
    retrieve=extend_schema(description="Eén toewijzing (velden iWmo 301)."),
)
class ToewijzingViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ToewijzingSerializer

    def get_queryset(self):
        return sel.toewijzingen_voor(self.request.user).order_by("-start", "-id")

    def _zorg(self, request, service):
        toewijzing = self.get_object()
        invoer = ZorgSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        kwargs = {"datum": invoer.validated_data["datum"]}
        if service is sm.registreer_zorgstop:
            kwargs["reden"] = invoer.validated_data["reden"]
        _service(service, toewijzing_id=toewijzing.pk, door=request.user, **kwargs)
        return Response(ToewijzingSerializer(self.get_queryset().get(pk=toewijzing.pk)).data)

    @extend_schema(request=ZorgSerializer, responses={200: ToewijzingSerializer},
                   description="Start van de zorg vastleggen (als bericht 305). **Recht:** team van het traject "
                               "of coördinator van het gebied.")
    @action(detail=True, methods=["post"], url_path="zorg-start")
    def zorg_start(self, request, pk=None):
        return self._zorg(request, sm.registreer_zorgstart)

    @extend_schema(request=ZorgSerializer, responses={200: ToewijzingSerializer},
                   description="Einde van de zorg vastleggen met reden (als bericht 307). **Recht:** team van het "
                               "traject of coördinator van het gebied.")
    @action(detail=True, methods=["post"], url_path="zorg-stop")
    def zorg_stop(self, request, pk=None):
        return self._zorg(request, sm.registreer_zorgstop)

    @extend_schema(responses={200: OpenApiResponse(description="JSON volgens toegang/toewijzing_schema.json")},
                   description="Export van toewijzingen (velden iWmo 301). **Recht:** coördinator.")
    @action(detail=False, methods=["get"])
    def export(self, request):
        _rol_vereist(request, rollen.COORDINATOR)
        mw = medewerker_van(request.user)
        return Response(exporteer(self.get_queryset(), gemeente=mw.gemeente))


@extend_schema_view(
    list=extend_schema(description="Lopende opschalingen van huishoudens die u mag zien (kindveiligheid eerst). "
                                   "**Recht:** wie het huishouden mag zien; de LZN-groep na opschaling naar het LZN."),
    retrieve=extend_schema(description="Eén opschaling; 404 als u het huishouden niet mag zien."),
)
class OpschalingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = OpschalingSerializer

    def get_queryset(self):
        return sel_o.opschalingen_voor(self.request.user)

    def get_object(self):
        return sel_o.get_opschaling_voor(self.request.user, self.kwargs["pk"], request=self.request)

    @extend_schema(request=OpschalingInvoerSerializer, responses={201: OpschalingSerializer},
                   description="Een traject opschalen. **Recht:** regisseur of coördinator van het gebied. "
                               "Opschalen naar het LZN geeft de LZN-groep toegang tot het huishouden.")
    def create(self, request):
        invoer = OpschalingInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = dict(invoer.validated_data)
        huishouden = get_huishouden_voor(request.user, gegevens.pop("huishouden"), request=request)
        traject = open_traject(huishouden)
        if traject is None:
            raise serializers.ValidationError({"huishouden": _("Dit huishouden heeft geen open traject.")})
        opschaling = _service(so.schaal_op, traject=traject, door=request.user, **gegevens)
        return Response(OpschalingSerializer(opschaling).data, status=status.HTTP_201_CREATED)

    def _actie(self, request, naam):
        o = self.get_object()
        invoer = OpschalingActieSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        if naam == "behandelen":
            _service(so.neem_in_behandeling, opschaling_id=o.pk, door=request.user, overlegdatum=d["overlegdatum"])
        elif naam == "besluit":
            _service(so.leg_besluit_vast, opschaling_id=o.pk, door=request.user, besluit=d["tekst"],
                     overlegdatum=d["overlegdatum"])
        elif naam == "afschalen":
            _service(so.schaal_af, opschaling_id=o.pk, door=request.user, instructies=d["tekst"],
                     uitkomst=d["uitkomst"])
        else:
            _service(so.sluit_opschaling_af, opschaling_id=o.pk, door=request.user,
                     uitkomst=d["uitkomst"] or d["tekst"])
        o.refresh_from_db()
        return Response(OpschalingSerializer(o).data)

    @extend_schema(request=OpschalingActieSerializer, responses={200: OpschalingSerializer},
                   description="In behandeling nemen (u wordt eigenaar). **Recht:** LZN (bij LZN), bestuurstafel "
                               "(bij bestuurstafel), eigenaar of coördinator van het gebied.")
    @action(detail=True, methods=["post"])
    def behandelen(self, request, pk=None):
        return self._actie(request, "behandelen")

    @extend_schema(request=OpschalingActieSerializer, responses={200: OpschalingSerializer},
                   description="Besluit van het overleg vastleggen (`tekst`). **Recht:** als bij behandelen.")
    @action(detail=True, methods=["post"])
    def besluit(self, request, pk=None):
        return self._actie(request, "besluit")

    @extend_schema(request=OpschalingActieSerializer, responses={200: OpschalingSerializer},
                   description="Afschalen naar het team met instructies (`tekst`); de LZN-toegang vervalt. "
                               "**Recht:** als bij behandelen.")
    @action(detail=True, methods=["post"])
    def afschalen(self, request, pk=None):
        return self._actie(request, "afschalen")

    @extend_schema(request=OpschalingActieSerializer, responses={200: OpschalingSerializer},
                   description="Afsluiten met uitkomst; de LZN-toegang vervalt. **Recht:** als bij behandelen.")
    @action(detail=True, methods=["post"])
    def afsluiten(self, request, pk=None):
        return self._actie(request, "afsluiten")


@extend_schema_view(
    list=extend_schema(description="Register van beleidssignalen, zonder persoonsgegevens. **Recht:** "
                                   "beleidsmedewerker, bestuurstafel of coördinator."),
    retrieve=extend_schema(description="Eén beleidssignaal."),
)
class BeleidsSignaalViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = BeleidsSignaalSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return BeleidsSignaal.objects.none()
        _rol_vereist(self.request, rollen.BELEIDSMEDEWERKER, rollen.BESTUURSTAFEL, rollen.COORDINATOR)
        return sel_o.beleidssignalen_voor(self.request.user).order_by("-datum", "-id")


def registreer(router):
    """Register this part's viewsets on the shared /api/v1/ router."""
    router.register("maatwerk/producten", ProductViewSet, basename="maatwerk-product")
    router.register("maatwerk/aanvragen", AanvraagViewSet, basename="maatwerk-aanvraag")
    router.register("maatwerk/toewijzingen", ToewijzingViewSet, basename="maatwerk-toewijzing")
    router.register("opschalingen", OpschalingViewSet, basename="opschaling")
    router.register("beleidssignalen", BeleidsSignaalViewSet, basename="beleidssignaal")
