"""Organisation endpoints; every queryset stays inside the user's gemeente. Read-only, except the sociale kaart
that the sociaal makelaar and the functioneel beheerder keep current (through ``wijkteams.services``)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from common.fouten import roep_aan
from common.leeslog import ToontGeenHuishoudens
from wijkteams import selectors, services
from wijkteams.models import Aanbod, Gebied, Team, Wijk
from wijkteams.rechten import mag_aanbod_beheren


class GebiedSerializer(serializers.ModelSerializer):
    class Meta:
        model = Gebied
        fields = ["id", "naam", "gemeente"]


class WijkSerializer(serializers.ModelSerializer):
    class Meta:
        model = Wijk
        fields = ["id", "cbs_code", "naam", "gebied", "gemeente"]


class TeamSerializer(serializers.ModelSerializer):
    type = serializers.CharField(source="type.naam", read_only=True)

    class Meta:
        model = Team
        fields = ["id", "naam", "type", "gebied", "gemeente"]


class GebiedViewSet(ToontGeenHuishoudens, viewsets.ReadOnlyModelViewSet):
    waarom = "de organisatie: gebieden"
    serializer_class = GebiedSerializer
    filterset_fields = ["naam"]

    def get_queryset(self):
        return selectors.gebieden_voor(self.request.user).order_by("naam")


class WijkViewSet(ToontGeenHuishoudens, viewsets.ReadOnlyModelViewSet):
    waarom = "de organisatie: wijken"
    serializer_class = WijkSerializer
    filterset_fields = ["gebied", "cbs_code"]

    def get_queryset(self):
        return selectors.wijken_voor(self.request.user).order_by("cbs_code")


class TeamViewSet(ToontGeenHuishoudens, viewsets.ReadOnlyModelViewSet):
    waarom = "de organisatie: teams"
    serializer_class = TeamSerializer
    filterset_fields = ["gebied"]

    def get_queryset(self):
        return selectors.teams_voor(self.request.user).order_by("naam")


class AanbodBeheerSerializer(serializers.ModelSerializer):
    wijk = serializers.PrimaryKeyRelatedField(queryset=Wijk.objects.all(), required=False, allow_null=True)
    gebied = serializers.PrimaryKeyRelatedField(queryset=Gebied.objects.all(), required=False, allow_null=True)

    class Meta:
        model = Aanbod
        fields = ["id", "code", "naam", "categorie", "soort", "aanbieder", "omschrijving", "doelgroep", "wijk",
                  "gebied", "contact", "openingstijden", "regionale_kaart", "geldig_van", "geldig_tot", "openbaar",
                  "geindiceerd", "actief"]
        read_only_fields = ["id", "actief"]
        # the service checks the code per gemeente; DRF must not add its own validators from the model
        validators = []
        extra_kwargs = {"code": {"validators": []}}


class BeeindigAanbodSerializer(serializers.Serializer):
    laatste_dag = serializers.DateField(required=False, allow_null=True, default=None,
                                        help_text="Leeg: het aanbod verdwijnt direct.")


@extend_schema_view(
    list=extend_schema(description="Alle aanbod van de sociale kaart van uw gemeente, ook beëindigd. **Recht:** "
                                   "sociaal makelaar of functioneel beheerder van de gemeente."),
    retrieve=extend_schema(description="Eén aanbod; 404 voor aanbod van een andere gemeente."),
    create=extend_schema(description="Aanbod toevoegen. **Recht:** sociaal makelaar of functioneel beheerder."),
    update=extend_schema(description="Aanbod wijzigen. **Recht:** als bij toevoegen."),
    partial_update=extend_schema(description="Aanbod deels wijzigen. **Recht:** als bij toevoegen."),
)
class AanbodBeheerViewSet(ToontGeenHuishoudens, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                          mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet):
    """Keep the sociale kaart current: the same services as the pages."""

    waarom = "het aanbod van de sociale kaart: organisaties, geen cliënten"
    serializer_class = AanbodBeheerSerializer
    filterset_fields = ["categorie", "soort", "wijk", "actief"]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not mag_aanbod_beheren(request.user):
            raise PermissionDenied("Alleen de sociaal makelaar en de functioneel beheerder houden de sociale kaart "
                                   "bij.")

    def get_queryset(self):
        return selectors.beheerbaar_aanbod(self.request.user)

    def get_object(self):
        return selectors.get_beheerbaar_aanbod(self.request.user, self.kwargs["pk"], request=self.request)

    def create(self, request, *args, **kwargs):
        invoer = self.get_serializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        aanbod = roep_aan(services.voeg_aanbod_toe, gemeente=selectors.medewerker_van(request.user).gemeente,
                          door=request.user, **invoer.validated_data)
        return Response(self.get_serializer(aanbod).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, partial=False, **kwargs):
        aanbod = self.get_object()
        invoer = self.get_serializer(aanbod, data=request.data, partial=partial)
        invoer.is_valid(raise_exception=True)
        aanbod = roep_aan(services.wijzig_aanbod, aanbod=aanbod, door=request.user, **invoer.validated_data)
        return Response(self.get_serializer(aanbod).data)

    @extend_schema(request=BeeindigAanbodSerializer, responses={200: AanbodBeheerSerializer},
                   description="Aanbod beëindigen: het verdwijnt van de publieke kaart en uit de plannen-editor, "
                               "maar blijft zichtbaar op plannen die het gebruiken. **Recht:** als bij toevoegen.")
    @action(detail=True, methods=["post"])
    def beeindigen(self, request, pk=None):
        aanbod = self.get_object()
        invoer = BeeindigAanbodSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        aanbod = roep_aan(services.beeindig_aanbod, aanbod=aanbod, door=request.user, **invoer.validated_data)
        return Response(self.get_serializer(aanbod).data)


def registreer(router):
    router.register("gebieden", GebiedViewSet, basename="gebied")
    router.register("wijken", WijkViewSet, basename="wijk")
    router.register("teams", TeamViewSet, basename="team")
    router.register("sociale-kaart-beheer", AanbodBeheerViewSet, basename="aanbod-beheer")
