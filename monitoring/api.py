"""API endpoints of monitoring under /api/v1/: runs and their numbers (aggregates only, suppressed) and the
indicator catalogue. Only beleidsmedewerkers and coördinatoren see anything; others get 404 / an empty list."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from monitoring import exports, selectors, services
from monitoring.forms import SOORTEN, StartRunForm
from monitoring.models import Indicator, MonitorRun
from wijkteams.selectors import gemeente_id_van


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = ["code", "naam", "omschrijving", "eenheid", "hoger_is_beter", "wet", "status", "bron", "thema",
                  "is_clientcijfer", "categorieen"]


class MonitorRunSerializer(serializers.ModelSerializer):
    voortgang = serializers.SerializerMethodField()

    class Meta:
        model = MonitorRun
        fields = ["id", "label", "soort", "van", "tot", "status", "voortgang", "gestart_via", "aangemaakt_op",
                  "klaar_op"]

    def get_voortgang(self, run) -> int:
        return services.voortgang(run)[0]


class StartRunSerializer(serializers.Serializer):
    """Only the monitor's periods (quarter, half-year, year): never a free window."""

    soort = serializers.ChoiceField(choices=SOORTEN)
    jaar = serializers.IntegerField(required=False, min_value=2015, max_value=2100)
    nummer = serializers.IntegerField(required=False, min_value=1, max_value=4)


class WaardeSerializer(serializers.Serializer):
    """One number; teller/noemer/waarde are a number or the suppression text ("< 5", "(< 5)", "–")."""

    gebied = serializers.CharField()
    wijk = serializers.CharField()
    indicator = serializers.CharField()
    naam = serializers.CharField()
    categorie = serializers.CharField()
    eenheid = serializers.CharField()
    waarde = serializers.JSONField()
    teller = serializers.JSONField()
    noemer = serializers.JSONField()
    clientcijfer = serializers.BooleanField()


class MonitorRunViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = MonitorRunSerializer

    def get_queryset(self):
        return selectors.runs_voor(self.request.user).order_by("-van", "-aangemaakt_op")

    def get_serializer_class(self):
        if self.action == "create":
            return StartRunSerializer
        if self.action == "waarden":
            return WaardeSerializer
        return MonitorRunSerializer

    def create(self, request, *args, **kwargs):
        if not services.mag_monitoren(request.user):
            raise Http404
        form = StartRunForm(request.data)
        if not form.is_valid():
            return Response({veld: [str(f) for f in fouten] for veld, fouten in form.errors.items()},
                            status=status.HTTP_400_BAD_REQUEST)
        try:
            run = services.start_run(gemeente_id=gemeente_id_van(request.user), periode=form.cleaned_data["periode"],
                                     door=request.user)
        except (ValidationError, PermissionDenied) as fout:
            return Response({"non_field_errors": list(getattr(fout, "messages", [str(fout)]))},
                            status=status.HTTP_400_BAD_REQUEST)
        return Response(MonitorRunSerializer(run).data, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["get"])
    def waarden(self, request, pk=None):
        """All numbers of a finished run per gebied, wijk and gemeente, suppressed as in every other output."""
        run = selectors.get_run_voor(request.user, pk, klaar=True)
        data = [{
            "gebied": r["gebied"], "wijk": r["wijk"], "indicator": r["indicator"], "naam": r["naam"],
            "categorie": r["categorie"], "eenheid": r["eenheid"], "waarde": r["waarde"], "teller": r["teller"],
            "noemer": r["noemer"], "clientcijfer": r["cliëntcijfer"] == "ja",
        } for r in exports.rijen(run)]
        return Response(WaardeSerializer(data, many=True).data)


class IndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = IndicatorSerializer
    lookup_field = "code"

    def get_queryset(self):
        if not services.mag_monitoren(self.request.user):
            return Indicator.objects.none()
        return Indicator.objects.order_by("thema", "volgorde")


def registreer(router):
    """Register this app's viewsets on the shared /api/v1/ router."""
    router.register("monitor-runs", MonitorRunViewSet, basename="monitor-run")
    router.register("monitor-indicatoren", IndicatorViewSet, basename="monitor-indicator")
