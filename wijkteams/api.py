"""Read-only organisation endpoints; every queryset stays inside the user's gemeente."""

from rest_framework import serializers, viewsets

from common.leeslog import ToontGeenHuishoudens
from wijkteams import selectors
from wijkteams.models import Gebied, Team, Wijk


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


def registreer(router):
    router.register("gebieden", GebiedViewSet, basename="gebied")
    router.register("wijken", WijkViewSet, basename="wijk")
    router.register("teams", TeamViewSet, basename="team")
