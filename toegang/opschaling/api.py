"""API for opschaling under /api/v1/. Thin: serializers parse, services write, selectors read."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from common.fouten import roep_aan
from common.leeslog import LogtLezen, ToontGeenHuishoudens
from huishoudens.selectors import get_huishouden_voor, lopend_traject
from toegang.models import BeleidsSignaal, Opschaling, OpschalingDoel
from toegang.opschaling import selectors, services
from wijkteams import rollen


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

@extend_schema_view(
    list=extend_schema(description="Lopende opschalingen van huishoudens die u mag zien (kindveiligheid eerst). "
                                   "**Recht:** wie het huishouden mag zien; de LZN-groep na opschaling naar het LZN."),
    retrieve=extend_schema(description="Eén opschaling; 404 als u het huishouden niet mag zien."),
)
class OpschalingViewSet(LogtLezen, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = OpschalingSerializer

    def get_queryset(self):
        return selectors.opschalingen_voor(self.request.user)

    def get_object(self):
        return selectors.get_opschaling_voor(self.request.user, self.kwargs["pk"], request=self.request)

    @extend_schema(request=OpschalingInvoerSerializer, responses={201: OpschalingSerializer},
                   description="Een traject opschalen. **Recht:** regisseur of coördinator van het gebied. "
                               "Opschalen naar het LZN geeft de LZN-groep toegang tot het huishouden.")
    def create(self, request):
        invoer = OpschalingInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = dict(invoer.validated_data)
        huishouden = get_huishouden_voor(request.user, gegevens.pop("huishouden"), request=request)
        traject = lopend_traject(huishouden)
        if traject is None:
            raise serializers.ValidationError({"huishouden": _("Dit huishouden heeft geen open traject.")})
        opschaling = roep_aan(services.schaal_op, traject=traject, door=request.user, **gegevens)
        return Response(OpschalingSerializer(opschaling).data, status=status.HTTP_201_CREATED)

    def _actie(self, request, naam):
        o = self.get_object()
        invoer = OpschalingActieSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        if naam == "behandelen":
            roep_aan(services.neem_in_behandeling, opschaling_id=o.pk, door=request.user,
                     overlegdatum=d["overlegdatum"])
        elif naam == "besluit":
            roep_aan(services.leg_besluit_vast, opschaling_id=o.pk, door=request.user, besluit=d["tekst"],
                     overlegdatum=d["overlegdatum"])
        elif naam == "afschalen":
            roep_aan(services.schaal_af, opschaling_id=o.pk, door=request.user, instructies=d["tekst"],
                     uitkomst=d["uitkomst"])
        else:
            roep_aan(services.sluit_opschaling_af, opschaling_id=o.pk, door=request.user,
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
class BeleidsSignaalViewSet(ToontGeenHuishoudens, viewsets.ReadOnlyModelViewSet):
    waarom = "beleidssignalen, zonder persoonsgegevens"
    serializer_class = BeleidsSignaalSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return BeleidsSignaal.objects.none()
        rollen.vereis_rol(self.request, rollen.BELEIDSMEDEWERKER, rollen.BESTUURSTAFEL, rollen.COORDINATOR)
        return selectors.beleidssignalen_voor(self.request.user).order_by("-datum", "-id")


class BestuurstafelCasusSerializer(serializers.ModelSerializer):
    gebied = serializers.CharField(source="gebied.naam", default=None, read_only=True)

    class Meta:
        model = Opschaling
        fields = ["id", "status", "gebied", "overlegdatum", "aangemeld_op", "besluit", "uitkomst"]
        read_only_fields = fields


class BestuurstafelCasusDetailSerializer(BestuurstafelCasusSerializer):
    class Meta(BestuurstafelCasusSerializer.Meta):
        fields = [*BestuurstafelCasusSerializer.Meta.fields, "samenvatting"]
        read_only_fields = fields


class BestuurstafelBesluitSerializer(serializers.Serializer):
    besluit = serializers.CharField()
    overlegdatum = serializers.DateField(required=False, allow_null=True, default=None)


class BestuurstafelSignaalSerializer(serializers.Serializer):
    thema = serializers.ChoiceField(choices=BeleidsSignaal.Thema.choices)
    omschrijving = serializers.CharField()
    aanbeveling = serializers.CharField(required=False, allow_blank=True, default="")


@extend_schema_view(
    list=extend_schema(description="Casussen op de agenda van de bestuurstafel (alleen met casusbeschrijving), "
                                   "zonder persoonsgegevens. **Recht:** lid bestuurstafel of coördinator."),
    retrieve=extend_schema(description="De geminimaliseerde casusbeschrijving; elke inzage wordt gelogd. 404 voor "
                                       "een casus van een andere gemeente of zonder beschrijving."),
)
class BestuurstafelViewSet(ToontGeenHuishoudens, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                           viewsets.GenericViewSet):
    """The bestuurstafel's own door to its cases: the summary, never the dossier."""

    waarom = "geminimaliseerde casusbeschrijvingen zonder persoonsgegevens; elke inzage logt de selector"

    def get_serializer_class(self):
        return BestuurstafelCasusSerializer if self.action == "list" else BestuurstafelCasusDetailSerializer

    def get_queryset(self):
        return selectors.bestuurstafel_casussen(self.request.user)

    def get_object(self):
        return selectors.get_bestuurstafel_casus(self.request.user, self.kwargs["pk"], request=self.request)

    @extend_schema(request=BestuurstafelBesluitSerializer, responses={200: BestuurstafelCasusDetailSerializer},
                   description="Het besluit van de bestuurstafel vastleggen; de regisseur en de coördinator zien "
                               "het in het dossier en hun werkvoorraad. **Recht:** lid bestuurstafel van de gemeente.")
    @action(detail=True, methods=["post"])
    def besluit(self, request, pk=None):
        casus = self.get_object()
        invoer = BestuurstafelBesluitSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        roep_aan(services.leg_besluit_vast, opschaling_id=casus.pk, door=request.user, **invoer.validated_data)
        casus.refresh_from_db()
        return Response(BestuurstafelCasusDetailSerializer(casus).data)

    @extend_schema(request=BestuurstafelSignaalSerializer, responses={201: BeleidsSignaalSerializer},
                   description="Een beleidssignaal bij deze casus vastleggen (zonder persoonsgegevens). "
                               "**Recht:** lid bestuurstafel van de gemeente.")
    @action(detail=True, methods=["post"])
    def signaal(self, request, pk=None):
        casus = self.get_object()
        invoer = BestuurstafelSignaalSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        signaal = roep_aan(services.registreer_signaal, opschaling_id=casus.pk, door=request.user,
                           **invoer.validated_data)
        return Response(BeleidsSignaalSerializer(signaal).data, status=status.HTTP_201_CREATED)


def registreer(router):
    """Register this part's viewsets on the shared /api/v1/ router."""
    router.register("opschalingen", OpschalingViewSet, basename="opschaling")
    router.register("beleidssignalen", BeleidsSignaalViewSet, basename="beleidssignaal")
    router.register("bestuurstafel", BestuurstafelViewSet, basename="bestuurstafel")
