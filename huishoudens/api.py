"""API endpoints of huishoudens under /api/v1/: households, persons, trajecten, plans and gesprekken.

Every queryset starts at ``huishoudens_voor(user)`` (so a forbidden object is a 404), writes go through the
services (Dutch 400 with field errors on bad input), and each action has its own permission.
"""

import django_filters
from django.core.paginator import Paginator
from drf_spectacular.utils import extend_schema
from rest_framework import decorators, exceptions, mixins, permissions, serializers, status, viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from common.fouten import roep_aan
from common.leeslog import LogtLezen, ToontGeenHuishoudens
from common.postcode import normaliseer_postcode
from huishoudens import selectors, services
from huishoudens.bsn import valideer_bsn
from huishoudens.models import (
    Actie,
    Doel,
    Huishouden,
    Keukentafelgesprek,
    Ladder,
    Leefgebied,
    Persoon,
    Plan,
    Traject,
)
from wijkteams import rollen
from wijkteams import selectors as wijkteam_selectors
from wijkteams.models import Aanbod, Team, Wijk


class IsMedewerker(permissions.BasePermission):
    """Only casework roles work with dossiers (beleidsmedewerkers see aggregates only)."""

    message = "Alleen wijkteammedewerkers en coördinatoren werken met dossiers."

    def has_permission(self, request, view):
        return rollen.heeft_rol(request.user, rollen.MEDEWERKER, rollen.COORDINATOR, rollen.LZN)


class IsCoordinator(permissions.BasePermission):
    message = "Alleen een coördinator mag dit."

    def has_permission(self, request, view):
        return rollen.heeft_rol(request.user, rollen.COORDINATOR)


class DossierViewSet(LogtLezen, viewsets.GenericViewSet):
    """Dossier data: every object shown is logged as a read of its household (common.leeslog)."""

    permission_classes = [permissions.IsAuthenticated]

    def retrieve(self, request, *args, **kwargs):
        return Response(self.get_serializer(self.get_object()).data)


# --- huishoudens --------------------------------------------------------------------------------------

class PersoonKortSerializer(serializers.ModelSerializer):
    bsn = serializers.CharField(source="bsn_gemaskeerd", read_only=True)
    minderjarig = serializers.SerializerMethodField()

    class Meta:
        model = Persoon
        fields = ["id", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "bsn", "rol", "minderjarig",
                  "is_mantelzorger", "mantelzorger_voor", "doet_vrijwilligerswerk"]

    def get_minderjarig(self, obj) -> bool:
        return obj.is_minderjarig()


class HuishoudenSerializer(serializers.ModelSerializer):
    class Meta:
        model = Huishouden
        fields = ["id", "naam", "straat", "huisnummer", "toevoeging", "postcode", "woonplaats", "wijk",
                  "samenstelling", "aangemaakt_op"]
        read_only_fields = ["aangemaakt_op"]


class HuishoudenDetailSerializer(HuishoudenSerializer):
    personen = serializers.SerializerMethodField()

    class Meta(HuishoudenSerializer.Meta):
        fields = HuishoudenSerializer.Meta.fields + ["personen"]

    def get_personen(self, obj) -> list[dict]:
        return PersoonKortSerializer(selectors.personen_van(obj), many=True).data


class EerstePersoonSerializer(serializers.Serializer):
    voornamen = serializers.CharField(max_length=150)
    tussenvoegsel = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    achternaam = serializers.CharField(max_length=150)
    geboortedatum = serializers.DateField()
    bsn = serializers.CharField(max_length=9, required=False, allow_null=True, default=None,
                                validators=[valideer_bsn])


class NieuwHuishoudenSerializer(HuishoudenSerializer):
    team = serializers.PrimaryKeyRelatedField(queryset=Team.objects.all(), write_only=True)
    persoon = EerstePersoonSerializer(write_only=True)
    regisseur_worden = serializers.BooleanField(write_only=True, default=False)

    class Meta(HuishoudenSerializer.Meta):
        fields = HuishoudenSerializer.Meta.fields + ["team", "persoon", "regisseur_worden"]


class HuishoudenFilter(django_filters.FilterSet):
    naam = django_filters.CharFilter(lookup_expr="icontains")
    postcode = django_filters.CharFilter(method="op_postcode")
    wijk = django_filters.ModelChoiceFilter(queryset=Wijk.objects.all())

    class Meta:
        model = Huishouden
        fields = ["naam", "postcode", "wijk", "samenstelling"]

    def op_postcode(self, qs, naam, waarde):
        return qs.filter(postcode=normaliseer_postcode(waarde))


class SnelleTelling(PageNumberPagination):
    """Page numbers whose total comes from the permission rows (UNION), not from guardian's count() scan."""

    telling = None

    def django_paginator_class(self, queryset, page_size):
        paginator = Paginator(queryset, page_size)
        if self.telling is not None:
            paginator.count = self.telling  # overrides the cached_property: no COUNT over all households
        return paginator


class HuishoudenViewSet(DossierViewSet, mixins.ListModelMixin, mixins.CreateModelMixin):
    """Households the user works on. Create registers a household with its first person and a traject."""

    huishouden_pad = "id"
    filterset_class = HuishoudenFilter
    pagination_class = SnelleTelling

    def paginate_queryset(self, queryset):
        gefilterd = any(k in self.request.query_params for k in self.filterset_class.get_filters())
        self.paginator.telling = None if gefilterd else selectors.tel_huishoudens_voor(self.request.user)
        return super().paginate_queryset(queryset)

    def get_permissions(self):
        return [permissions.IsAuthenticated(), IsMedewerker()] if self.action == "create" else super(
        ).get_permissions()

    def get_queryset(self):
        return selectors.huishoudens_voor(self.request.user).order_by("id")

    def get_serializer_class(self):
        return {"create": NieuwHuishoudenSerializer, "retrieve": HuishoudenDetailSerializer}.get(
            self.action, HuishoudenSerializer)

    def create(self, request, *args, **kwargs):
        s = NieuwHuishoudenSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        d = dict(s.validated_data)
        huishouden = roep_aan(services.maak_huishouden, door=request.user, team=d.pop("team"),
                             persoon=dict(d.pop("persoon")), regisseur_worden=d.pop("regisseur_worden"), **d)
        return Response(HuishoudenDetailSerializer(huishouden).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        huishouden = self.get_object()
        s = HuishoudenSerializer(huishouden, data=request.data, partial=True)
        s.is_valid(raise_exception=True)
        huishouden = roep_aan(services.wijzig_huishouden, huishouden=huishouden, door=request.user,
                             **s.validated_data)
        return Response(HuishoudenSerializer(huishouden).data)


# --- personen -----------------------------------------------------------------------------------------

class PersoonSerializer(PersoonKortSerializer):
    bsn = serializers.CharField(source="bsn_gemaskeerd", read_only=True)
    nieuw_bsn = serializers.CharField(write_only=True, required=False, allow_null=True, max_length=9,
                                      validators=[valideer_bsn], help_text="Wordt nooit teruggegeven, alleen "
                                                                          "gemaskeerd.")
    huishouden = serializers.PrimaryKeyRelatedField(queryset=Huishouden.objects.none())

    class Meta(PersoonKortSerializer.Meta):
        fields = PersoonKortSerializer.Meta.fields + ["huishouden", "nieuw_bsn"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["huishouden"].queryset = selectors.huishoudens_voor(request.user)


class PersoonFilter(django_filters.FilterSet):
    achternaam = django_filters.CharFilter(lookup_expr="icontains")

    class Meta:
        model = Persoon
        fields = ["huishouden", "achternaam", "geboortedatum", "bsn"]


class PersoonViewSet(DossierViewSet, mixins.ListModelMixin, mixins.CreateModelMixin):
    """Persons in the households the user works on. The BSN is only ever returned masked."""

    serializer_class = PersoonSerializer
    filterset_class = PersoonFilter

    def get_permissions(self):
        return [permissions.IsAuthenticated(), IsMedewerker()] if self.action in (
            "create", "partial_update") else super().get_permissions()

    def get_queryset(self):
        return Persoon.objects.filter(
            huishouden__in=selectors.huishoudens_voor(self.request.user), samengevoegd_in__isnull=True
        ).order_by("id")

    def _velden(self, d):
        if "nieuw_bsn" in d:
            d["bsn"] = d.pop("nieuw_bsn") or None
        d.pop("huishouden", None)
        return d

    def create(self, request, *args, **kwargs):
        s = self.get_serializer(data=request.data)
        s.is_valid(raise_exception=True)
        d = dict(s.validated_data)
        persoon = roep_aan(services.voeg_persoon_toe, huishouden=d["huishouden"], door=request.user, **self._velden(d))
        return Response(PersoonSerializer(persoon, context={"request": request}).data, status=201)

    def partial_update(self, request, *args, **kwargs):
        persoon = self.get_object()
        s = self.get_serializer(persoon, data=request.data, partial=True)
        s.is_valid(raise_exception=True)
        persoon = roep_aan(services.wijzig_persoon, persoon=persoon, door=request.user,
                          **self._velden(dict(s.validated_data)))
        return Response(PersoonSerializer(persoon, context={"request": request}).data)


# --- trajecten ------------------------------------------------------------------------------------------

class TrajectSerializer(serializers.ModelSerializer):
    regisseur = serializers.SerializerMethodField()

    class Meta:
        model = Traject
        fields = ["id", "huishouden", "team", "gebied", "status", "aangemeld_op", "afgesloten_op", "afsluitreden",
                  "vervolgdatum", "volgende_evaluatie", "zorgen_kindveiligheid", "reden_geen_eindmeting", "regisseur"]

    def get_regisseur(self, obj) -> str | None:
        r = selectors.huidige_regisseur(obj) if obj.is_open else None
        return r.username if r else None


class StatusSerializer(serializers.Serializer):
    naar = serializers.ChoiceField(choices=Traject.Status.choices)
    reden = serializers.CharField(required=False, allow_blank=True, default="")


class AfsluitSerializer(serializers.Serializer):
    reden = serializers.ChoiceField(choices=Traject.Afsluitreden.choices)
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")
    vervolgdatum = serializers.DateField(required=False, allow_null=True, default=None)
    reden_geen_eindmeting = serializers.CharField(required=False, allow_blank=True, default="")


class RegisseurSerializer(serializers.Serializer):
    regisseur = serializers.IntegerField(help_text="Gebruikers-id van de nieuwe regisseur.")
    reden = serializers.CharField(max_length=200)


class TrajectFilter(django_filters.FilterSet):
    class Meta:
        model = Traject
        fields = ["status", "team", "gebied", "huishouden"]


class TrajectViewSet(DossierViewSet, mixins.ListModelMixin):
    serializer_class = TrajectSerializer
    filterset_class = TrajectFilter

    def get_permissions(self):
        if self.action in ("status", "afsluiten", "regisseur"):
            return [permissions.IsAuthenticated(), IsMedewerker()]
        return super().get_permissions()

    def get_queryset(self):
        return Traject.objects.filter(huishouden__in=selectors.huishoudens_voor(self.request.user)).select_related(
            "huishouden").order_by("id")

    @extend_schema(request=StatusSerializer, responses=TrajectSerializer)
    @decorators.action(detail=True, methods=["post"])
    def status(self, request, pk=None):
        traject = self.get_object()
        s = StatusSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        traject = roep_aan(services.wijzig_status, traject=traject, door=request.user, **s.validated_data)
        return Response(TrajectSerializer(traject).data)

    @extend_schema(request=AfsluitSerializer, responses=TrajectSerializer)
    @decorators.action(detail=True, methods=["post"])
    def afsluiten(self, request, pk=None):
        traject = self.get_object()
        s = AfsluitSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        traject = roep_aan(services.sluit_traject_af, traject=traject, door=request.user, **s.validated_data)
        return Response(TrajectSerializer(traject).data)

    @extend_schema(request=RegisseurSerializer, responses=TrajectSerializer)
    @decorators.action(detail=True, methods=["post"])
    def regisseur(self, request, pk=None):
        traject = self.get_object()
        s = RegisseurSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        kandidaat = selectors.mogelijke_regisseurs(traject).filter(pk=s.validated_data["regisseur"]).first()
        if kandidaat is None:
            raise exceptions.ValidationError({"regisseur": ["De regisseur moet lid zijn van het team van dit traject "
                                                            "of coördinator van het gebied."]})
        roep_aan(services.wijs_regisseur_toe, traject=traject, regisseur=kandidaat, door=request.user,
                reden=s.validated_data["reden"])
        return Response(TrajectSerializer(traject).data)


# --- plannen ---------------------------------------------------------------------------------------------

class ActieSerializer(serializers.ModelSerializer):
    class Meta:
        model = Actie
        fields = ["id", "omschrijving", "ladder", "wie", "aanbod", "start", "eind"]


class DoelSerializer(serializers.ModelSerializer):
    acties = ActieSerializer(many=True, read_only=True)

    class Meta:
        model = Doel
        fields = ["id", "leefgebied", "omschrijving", "resultaat", "acties"]


class PlanSerializer(serializers.ModelSerializer):
    doelen = DoelSerializer(many=True, read_only=True)
    akkoorden = serializers.SerializerMethodField()

    class Meta:
        model = Plan
        fields = ["id", "traject", "versie", "status", "inzet_netwerk", "vastgesteld_op", "lock_versie", "doelen",
                  "akkoorden"]

    def get_akkoorden(self, obj) -> list[dict]:
        return [{"persoon": a.persoon_id, "datum": a.datum, "wijze": a.wijze} for a in obj.akkoorden.all()]


class NieuwDoelSerializer(serializers.Serializer):
    lock_versie = serializers.IntegerField(help_text="De lock_versie van het plan zoals u het las.")
    leefgebied = serializers.ChoiceField(choices=Leefgebied.choices)
    omschrijving = serializers.CharField()
    resultaat = serializers.CharField(required=False, allow_blank=True, default="")


class NieuweActieSerializer(serializers.Serializer):
    lock_versie = serializers.IntegerField()
    doel = serializers.IntegerField()
    omschrijving = serializers.CharField()
    ladder = serializers.ChoiceField(choices=Ladder.choices)
    wie = serializers.CharField(max_length=200)
    start = serializers.DateField(required=False, allow_null=True, default=None)
    eind = serializers.DateField(required=False, allow_null=True, default=None)


class PlanFilter(django_filters.FilterSet):
    huishouden = django_filters.NumberFilter(field_name="traject__huishouden")

    class Meta:
        model = Plan
        fields = ["status", "traject", "huishouden"]


class PlanViewSet(DossierViewSet, mixins.ListModelMixin):
    huishouden_pad = "traject__huishouden_id"
    serializer_class = PlanSerializer
    filterset_class = PlanFilter

    def get_permissions(self):
        if self.action in ("doelen", "acties"):
            return [permissions.IsAuthenticated(), IsMedewerker()]
        return super().get_permissions()

    def get_queryset(self):
        return Plan.objects.filter(traject__huishouden__in=selectors.huishoudens_voor(self.request.user)
                                   ).prefetch_related("doelen__acties", "akkoorden").order_by("id")

    @extend_schema(request=NieuwDoelSerializer, responses=PlanSerializer)
    @decorators.action(detail=True, methods=["post"])
    def doelen(self, request, pk=None):
        plan = self.get_object()
        s = NieuwDoelSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        roep_aan(services.voeg_doel_toe, plan=plan, door=request.user, **s.validated_data)
        return Response(PlanSerializer(self.get_queryset().get(pk=plan.pk)).data, status=201)

    @extend_schema(request=NieuweActieSerializer, responses=PlanSerializer)
    @decorators.action(detail=True, methods=["post"])
    def acties(self, request, pk=None):
        plan = self.get_object()
        s = NieuweActieSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        d = dict(s.validated_data)
        doel = plan.doelen.filter(pk=d.pop("doel")).first()
        if doel is None:
            raise exceptions.ValidationError({"doel": ["Dit doel hoort niet bij dit plan."]})
        roep_aan(services.voeg_actie_toe, doel=doel, door=request.user, **d)
        return Response(PlanSerializer(self.get_queryset().get(pk=plan.pk)).data, status=201)


# --- gesprekken -------------------------------------------------------------------------------------------

class GesprekSerializer(serializers.ModelSerializer):
    leefgebieden = serializers.SerializerMethodField()

    class Meta:
        model = Keukentafelgesprek
        fields = ["id", "traject", "datum", "plaats", "status", "eigen_woorden", "afspraken",
                  "clientondersteuning_aangeboden", "deelnemers_huishouden", "deelnemers_netwerk", "leefgebieden"]

    def get_leefgebieden(self, obj) -> list[dict]:
        return [{"leefgebied": lg.leefgebied, "wat_speelt": lg.wat_speelt, "eigen_kracht": lg.eigen_kracht,
                 "netwerk": lg.netwerk, "nodig": lg.nodig} for lg in obj.leefgebieden.all()]


class GesprekFilter(django_filters.FilterSet):
    huishouden = django_filters.NumberFilter(field_name="traject__huishouden")

    class Meta:
        model = Keukentafelgesprek
        fields = ["status", "traject", "huishouden", "plaats"]


class GesprekViewSet(DossierViewSet, mixins.ListModelMixin):
    huishouden_pad = "traject__huishouden_id"
    serializer_class = GesprekSerializer
    filterset_class = GesprekFilter

    def get_queryset(self):
        return Keukentafelgesprek.objects.filter(
            traject__huishouden__in=selectors.huishoudens_voor(self.request.user)
        ).prefetch_related("leefgebieden", "deelnemers_huishouden", "deelnemers_netwerk").order_by("id")


# --- sociale kaart (read-only; the offers an activity can point to) ----------------------------------------

class AanbodSerializer(serializers.ModelSerializer):
    class Meta:
        model = Aanbod
        fields = ["id", "naam", "categorie", "soort", "aanbieder", "omschrijving", "doelgroep", "geindiceerd",
                  "contact", "openingstijden", "wijk", "gebied", "geldig_van", "geldig_tot", "regionale_kaart"]


class AanbodFilter(django_filters.FilterSet):
    tekst = django_filters.CharFilter(method="op_tekst", label="Zoek op naam, aanbieder, omschrijving of doelgroep")
    wijk = django_filters.ModelChoiceFilter(queryset=Wijk.objects.all(), method="op_wijk",
                                            label="Aanbod voor deze wijk (ook dat van het gebied en de gemeente)")

    class Meta:
        model = Aanbod
        fields = ["soort", "categorie", "tekst", "wijk"]

    def op_tekst(self, qs, naam, waarde):
        return qs & wijkteam_selectors.zoek_aanbod(self.request.user, tekst=waarde)

    def op_wijk(self, qs, naam, waarde):
        return qs & wijkteam_selectors.zoek_aanbod(self.request.user, wijk=waarde)


class AanbodViewSet(ToontGeenHuishoudens, viewsets.ReadOnlyModelViewSet):
    """The sociale kaart of the user's gemeente."""

    waarom = "het aanbod van de sociale kaart: organisaties, geen cliënten"

    serializer_class = AanbodSerializer
    filterset_class = AanbodFilter

    def get_queryset(self):
        return wijkteam_selectors.zoek_aanbod(self.request.user)


def registreer(router):
    """Register this app's viewsets on the shared /api/v1/ router."""
    router.register("huishoudens", HuishoudenViewSet, basename="huishouden")
    router.register("personen", PersoonViewSet, basename="persoon")
    router.register("trajecten", TrajectViewSet, basename="traject")
    router.register("plannen", PlanViewSet, basename="plan")
    router.register("gesprekken", GesprekViewSet, basename="gesprek")
    router.register("sociale-kaart", AanbodViewSet, basename="aanbod")
