"""API of the ZRM under /api/v1/: the catalogue, measurements (for those who may see the household) and the
aggregates (for beleidsmedewerkers and coördinatoren, small counts suppressed)."""

from datetime import date

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from common import onderdrukking
from common.fouten import als_api_fout
from common.leeslog import LogtLezen, ToontGeenHuishoudens
from common.onderdrukking import is_onderdrukt, toon_aantal, toon_ratio
from huishoudens.models import Persoon
from huishoudens.selectors import huishoudens_voor
from wijkteams import rollen
from wijkteams.selectors import gemeente_id_van
from zelfredzaamheid import selectors, services
from zelfredzaamheid.aggregaten import NIVEAUS
from zelfredzaamheid.models import Domein, MatrixVersie, Meting, Niveau

# --- catalogue ---------------------------------------------------------------------------------------------


class DomeinSerializer(serializers.ModelSerializer):
    class Meta:
        model = Domein
        fields = ["code", "naam", "volgorde"]


class MatrixVersieSerializer(serializers.ModelSerializer):
    domeinen = DomeinSerializer(many=True, read_only=True)
    niveaus = serializers.SerializerMethodField()

    class Meta:
        model = MatrixVersie
        fields = ["id", "code", "naam", "actief", "domeinen", "niveaus"]

    @extend_schema_field({"type": "object", "additionalProperties": {"type": "string"}})
    def get_niveaus(self, obj):
        return self.context["niveaus"]


class MatrixVersieViewSet(ToontGeenHuishoudens, viewsets.ReadOnlyModelViewSet):
    """The versions of the Zelfredzaamheidsmatrix with their domains (in score order) and the five levels."""

    waarom = "de ZRM-matrix: domeinen en treden, geen metingen"

    serializer_class = MatrixVersieSerializer
    lookup_field = "code"

    def get_queryset(self):
        return MatrixVersie.objects.prefetch_related(Prefetch("domeinen", Domein.objects.order_by("volgorde")))

    def get_serializer_context(self):
        return {**super().get_serializer_context(),
                "niveaus": {str(n.score): n.naam for n in Niveau.objects.all()}}


# --- measurements ------------------------------------------------------------------------------------------


class ScoreSerializer(serializers.Serializer):
    domein = serializers.CharField(help_text=_("Code van het domein, bijvoorbeeld ‘sociaal_netwerk’."))
    naam = serializers.CharField(read_only=True)
    score = serializers.IntegerField(allow_null=True, required=False,
                                     help_text=_("1 tot en met 5; leeg = niet gescoord."))
    niet_van_toepassing = serializers.BooleanField(required=False, default=False)
    notitie = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class ScoresField(serializers.ListField):
    """Write: a list of score lines. Read: one line per domain of the measurement's version, in domain order."""

    child = ScoreSerializer()

    def get_attribute(self, instance):
        return instance

    def to_representation(self, meting):
        domeinen = self.context["domeinen"].get(meting.versie_id, [])
        return [
            {"domein": d.code, "naam": d.naam, "score": meting.score_van(d),
             "niet_van_toepassing": d.code in meting.niet_van_toepassing, "notitie": meting.notities.get(d.code, "")}
            for d in domeinen
        ]


class MetingSerializer(serializers.ModelSerializer):
    versie = serializers.SlugRelatedField(slug_field="code", queryset=MatrixVersie.objects.all(), required=False,
                                          help_text=_("Code van de matrixversie; standaard de actieve versie."))
    scores = ScoresField(help_text=_("Eén regel per domein; ontbrekende domeinen zijn niet "
                                                    "gescoord. ‘Niet van toepassing’ en ‘niet gescoord’ "
                                                    "tellen nooit mee in gemiddelden."))
    definitief = serializers.BooleanField(write_only=True, required=False, default=False,
                                          help_text=_("Direct definitief maken (anders concept)."))
    gescoord_door = serializers.CharField(source="gescoord_door.username", read_only=True)

    class Meta:
        model = Meting
        fields = ["id", "huishouden", "persoon", "versie", "datum", "soort", "status", "scores", "client_akkoord",
                  "definitief", "gescoord_door", "definitief_op", "vervangt", "correctiereden", "is_eerste"]
        read_only_fields = ["status", "gescoord_door", "definitief_op", "vervangt", "correctiereden", "is_eerste"]
        extra_kwargs = {"huishouden": {"required": False}}
        validators = []  # the services validate; is_eerste is not the client's business

    def get_fields(self):
        velden = super().get_fields()
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            zichtbaar = huishoudens_voor(request.user).values("pk")
            velden["persoon"].queryset = Persoon.objects.filter(huishouden__in=zichtbaar)
            velden["huishouden"].queryset = huishoudens_voor(request.user)
        if self.instance is not None and not isinstance(self.instance, list | tuple) and hasattr(self.instance, "pk"):
            velden["persoon"].read_only = True
            velden["huishouden"].read_only = True
            velden["versie"].read_only = True
        return velden

    @staticmethod
    def antwoorden(scores):
        antwoorden, notities = {}, {}
        for regel in scores:
            code = regel["domein"]
            antwoorden[code] = services.NVT if regel.get("niet_van_toepassing") else regel.get("score")
            if regel.get("notitie"):
                notities[code] = regel["notitie"]
        return antwoorden, notities


class CorrectieSerializer(serializers.Serializer):
    reden = serializers.CharField(error_messages={"required": _("Geef de reden van de correctie."),
                                                  "blank": _("Geef de reden van de correctie.")})
    scores = ScoreSerializer(many=True)
    datum = serializers.DateField(required=False)
    soort = serializers.ChoiceField(choices=Meting.Soort.choices, required=False)
    client_akkoord = serializers.BooleanField(required=False, allow_null=True, default=None)


def _per_domein_onder_scores(veld):
    """Service errors per ZRM domain (``domein_<code>``) are reported under the API field ``scores``."""
    return "scores" if veld.startswith("domein_") else veld


class MetingViewSet(LogtLezen, viewsets.ModelViewSet):
    """ZRM measurements of the households the user works on. A final measurement is never changed: correct it
    with ``POST …/{id}/corrigeer/`` (a new version with a reason). Beleidsmedewerkers get 404 on every
    measurement; they read the aggregates."""

    serializer_class = MetingSerializer
    filterset_fields = ["persoon", "huishouden", "status", "soort"]

    def get_queryset(self):
        return (selectors.metingen_voor(self.request.user).select_related("gescoord_door", "versie")
                .order_by("-datum", "-id"))

    def get_serializer_context(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no database needed
            return {**super().get_serializer_context(), "domeinen": {}}
        domeinen = {}
        for d in Domein.objects.order_by("volgorde"):
            domeinen.setdefault(d.versie_id, []).append(d)
        return {**super().get_serializer_context(), "domeinen": domeinen}

    def perform_create(self, serializer):
        d = serializer.validated_data
        antwoorden, notities = MetingSerializer.antwoorden(d["scores"])
        try:
            serializer.instance = services.registreer_meting(
                huishouden=d.get("huishouden") or d["persoon"].huishouden, persoon=d["persoon"],
                door=self.request.user, datum=d["datum"], soort=d["soort"], antwoorden=antwoorden,
                notities=notities, client_akkoord=d.get("client_akkoord"), versie=d.get("versie"),
                definitief=d.get("definitief", False))
        except (DjangoValidationError, DjangoPermissionDenied) as fout:
            raise als_api_fout(fout, hernoem=_per_domein_onder_scores) from fout

    def perform_update(self, serializer):
        meting = serializer.instance
        d = serializer.validated_data
        if "scores" in d:
            antwoorden, notities = MetingSerializer.antwoorden(d["scores"])
        else:
            antwoorden = {dm.code: (services.NVT if dm.code in meting.niet_van_toepassing else meting.score_van(dm))
                          for dm in meting.versie.domeinen.all()}
            notities = meting.notities
        try:
            serializer.instance = services.wijzig_concept(
                meting=meting, door=self.request.user, datum=d.get("datum", meting.datum),
                soort=d.get("soort", meting.soort), antwoorden=antwoorden, notities=notities,
                client_akkoord=d.get("client_akkoord", meting.client_akkoord), definitief=d.get("definitief", False))
        except DjangoValidationError as fout:
            raise als_api_fout(fout, hernoem=_per_domein_onder_scores) from fout

    def perform_destroy(self, instance):
        try:
            services.verwijder_concept(meting=instance, door=self.request.user)
        except DjangoValidationError as fout:
            raise als_api_fout(fout, hernoem=_per_domein_onder_scores) from fout

    @extend_schema(request=None, responses=MetingSerializer)
    @action(detail=True, methods=["post"])
    def definitief(self, request, pk=None):
        """Make a draft final."""
        try:
            meting = services.maak_definitief(meting=self.get_object(), door=request.user)
        except DjangoValidationError as fout:
            raise als_api_fout(fout, hernoem=_per_domein_onder_scores) from fout
        return Response(self.get_serializer(meting).data)

    @extend_schema(request=CorrectieSerializer, responses={201: MetingSerializer})
    @action(detail=True, methods=["post"])
    def corrigeer(self, request, pk=None):
        """Correct a final measurement: a new final version with a reason; the old one stays, marked replaced."""
        meting = self.get_object()
        invoer = CorrectieSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        antwoorden, notities = MetingSerializer.antwoorden(d["scores"])
        try:
            nieuw = services.corrigeer_meting(meting=meting, door=request.user, reden=d["reden"],
                                              antwoorden=antwoorden, notities=notities, datum=d.get("datum"),
                                              soort=d.get("soort"), client_akkoord=d.get("client_akkoord"))
        except DjangoValidationError as fout:
            raise als_api_fout(fout, hernoem=_per_domein_onder_scores) from fout
        return Response(self.get_serializer(nieuw).data, status=status.HTTP_201_CREATED)


# --- aggregates --------------------------------------------------------------------------------------------


@extend_schema_field({"oneOf": [{"type": "integer"}, {"type": "string", "enum": ["< 5", "×"]}]})
class AantalField(serializers.Field):
    """A count, or '< 5' when it is below the suppression threshold, or '×' when hidden to protect another."""

    def to_representation(self, value):
        return value


class TellerNoemerSerializer(serializers.Serializer):
    teller = AantalField()
    noemer = AantalField()
    aandeel = serializers.FloatField(allow_null=True, help_text=_("Leeg als teller of noemer onderdrukt is."))


class DomeinAggregaatSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()
    gemiddelde = serializers.FloatField(allow_null=True)
    aantal = AantalField()
    verandering = serializers.FloatField(allow_null=True, help_text=_("Gemiddelde verandering eerste → laatste."))
    aantal_verandering = AantalField()


class AggregaatSerializer(serializers.Serializer):
    niveau = serializers.CharField()
    id = serializers.IntegerField(allow_null=True)
    naam = serializers.CharField()
    versie = serializers.CharField()
    van = serializers.DateField()
    tot = serializers.DateField()
    personen = AantalField()
    weinig_kracht = TellerNoemerSerializer()
    onvoldoende_contacten = TellerNoemerSerializer()
    personen_met_verandering = AantalField()
    domeinen = DomeinAggregaatSerializer(many=True)


class AggregaatVraagSerializer(serializers.Serializer):
    niveau = serializers.ChoiceField(choices=list(NIVEAUS), default="gebied")
    van = serializers.DateField()
    tot = serializers.DateField()
    versie = serializers.SlugRelatedField(slug_field="code", queryset=MatrixVersie.objects.all(), required=False)

    def validate(self, attrs):
        if attrs["van"] > attrs["tot"]:
            raise serializers.ValidationError({"tot": _("De einddatum ligt voor de begindatum.")})
        if not onderdrukking.is_monitorperiode(attrs["van"], attrs["tot"]):
            raise serializers.ValidationError({"tot": [onderdrukking.periodefout()]})
        return attrs


def _ratio(teller, noemer, verborgen=False):
    if noemer == 0 or is_onderdrukt(teller) or verborgen:
        return None
    return toon_ratio(round(teller / noemer, 4), noemer)


def _tellingen(rij):
    """The counts of one aggregate row: {veld: getal}."""
    uit = {"personen": rij["personen"], "personen_met_verandering": rij["personen_met_verandering"]}
    for sleutel in ("weinig_kracht", "onvoldoende_contacten"):
        uit[f"{sleutel}.teller"] = rij[sleutel]["teller"]
        uit[f"{sleutel}.noemer"] = rij[sleutel]["noemer"]
    for d in rij["domeinen"]:
        uit[f"{d['code']}.aantal"] = d["aantal"]
        uit[f"{d['code']}.aantal_verandering"] = d["aantal_verandering"]
    return uit


def verborgen_cellen(per_niveau):
    """Complementary suppression over the three levels at once ({niveau: rows}): the gemeente is the sum of its
    gebieden and of its teams, so a level asked for alone cannot be subtracted from another. Returns the hidden
    cells (niveau, id, veld)."""
    waarden, kandidaten = {}, []
    for niveau, rijen in per_niveau.items():
        for rij in rijen:
            for veld, getal in _tellingen(rij).items():
                waarden[(niveau, rij["id"], veld)] = getal
    for gemeente in per_niveau.get("gemeente", []):
        for veld in _tellingen(gemeente):
            for niveau in ("gebied", "team"):
                kandidaten.append((("gemeente", gemeente["id"], veld),
                                   [(niveau, r["id"], veld) for r in per_niveau.get(niveau, [])]))
    _primair, extra = onderdrukking.aanvullend(waarden, onderdrukking.relaties_die_kloppen(waarden, kandidaten))
    return extra


def onderdruk(rij, verborgen=frozenset()):
    """Apply small-cell suppression to one aggregate row (counts < 5 → '< 5', counts hidden to protect another
    one → '×', averages and shares on them hidden)."""
    def weg(veld):
        return (rij["niveau"], rij["id"], veld) in verborgen

    def aantal(getal, veld):
        return toon_aantal(getal, aanvullend_onderdrukt=weg(veld))

    uit = {k: rij[k] for k in ("niveau", "id", "naam", "versie", "van", "tot")}
    uit["personen"] = aantal(rij["personen"], "personen")
    uit["personen_met_verandering"] = aantal(rij["personen_met_verandering"], "personen_met_verandering")
    for sleutel in ("weinig_kracht", "onvoldoende_contacten"):
        t, n = rij[sleutel]["teller"], rij[sleutel]["noemer"]
        verborgen_deel = weg(f"{sleutel}.teller") or weg(f"{sleutel}.noemer")
        uit[sleutel] = {"teller": aantal(t, f"{sleutel}.teller"), "noemer": aantal(n, f"{sleutel}.noemer"),
                        "aandeel": _ratio(t, n, verborgen_deel)}
    uit["domeinen"] = [
        {
            "code": d["code"], "naam": d["naam"],
            "gemiddelde": None if d["gemiddelde"] is None else toon_ratio(
                round(d["gemiddelde"], 2), d["aantal"], verborgen=weg(f"{d['code']}.aantal")),
            "aantal": aantal(d["aantal"], f"{d['code']}.aantal"),
            "verandering": None if d["verandering"] is None else toon_ratio(
                round(d["verandering"], 2), d["aantal_verandering"], verborgen=weg(f"{d['code']}.aantal_verandering")),
            "aantal_verandering": aantal(d["aantal_verandering"], f"{d['code']}.aantal_verandering"),
        }
        for d in rij["domeinen"]
    ]
    return uit


class MagAggregatenZien(permissions.BasePermission):
    message = _("Alleen beleidsmedewerkers en coördinatoren zien de ZRM-cijfers.")

    def has_permission(self, request, view):
        return (rollen.heeft_rol(request.user, rollen.BELEIDSMEDEWERKER, rollen.COORDINATOR)
                and gemeente_id_van(request.user) is not None)


class ZrmAggregaatViewSet(ToontGeenHuishoudens, mixins.ListModelMixin, viewsets.GenericViewSet):
    """ZRM figures of the user's gemeente per gebied, team or the whole gemeente for a period, for one matrix
    version. Client figures (from the casework). Counts below 5 are shown as ‘< 5’."""

    waarom = "geaggregeerde ZRM-cijfers per periode, met onderdrukking van kleine aantallen"

    permission_classes = [permissions.IsAuthenticated, MagAggregatenZien]
    serializer_class = AggregaatSerializer
    pagination_class = None
    filter_backends = []

    @extend_schema(parameters=[
        OpenApiParameter("niveau", str, enum=list(NIVEAUS), description="gebied (standaard), team of gemeente"),
        OpenApiParameter("van", date, required=True), OpenApiParameter("tot", date, required=True),
        OpenApiParameter("versie", str, description="code van de matrixversie; standaard de actieve"),
    ])
    def list(self, request, *args, **kwargs):
        vraag = AggregaatVraagSerializer(data=request.query_params)
        vraag.is_valid(raise_exception=True)
        v = vraag.validated_data
        per_niveau = {niveau: selectors.zrm_aggregaten(gemeente=gemeente_id_van(request.user), van=v["van"],
                                                       tot=v["tot"], niveau=niveau, versie=v.get("versie"))
                      for niveau in NIVEAUS}
        verborgen = verborgen_cellen(per_niveau)
        return Response(AggregaatSerializer([onderdruk(r, verborgen) for r in per_niveau[v["niveau"]]],
                                            many=True).data)


def registreer(router):
    """Register this app's viewsets on the shared /api/v1/ router."""
    router.register("zrm-versies", MatrixVersieViewSet, basename="zrm-versie")
    router.register("zrm-metingen", MetingViewSet, basename="zrm-meting")
    router.register("zrm-aggregaten", ZrmAggregaatViewSet, basename="zrm-aggregaat")
