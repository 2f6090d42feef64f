"""Partner API: a signalling organisation hands in a melding with its own key and reads back only the
receipt number and status of its own meldingen. Strict input: unknown fields, wrong types, too long or too big
payloads get a 400 with field errors, and nothing is created. The melding is never looked up against a household
(services.registreer_publieke_melding): the answer is the same for every valid address, and the moment of
receipt is the gemeente's (``ontvangen_op`` from the partner is refused). Rate-limited per client address."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from common import afremmen
from common.fouten import foutvelden
from common.leeslog import ToontGeenHuishoudens
from huishoudens.models import Leefgebied
from toegang.melding import services
from toegang.models import Melding, PartnerToken
from wijkteams.models import Kanaal, SignaalgeverType

MAX_BERICHT = 16 * 1024  # bytes
SLEUTELWOORD = b"partner"


class PartnerPrincipal:
    """The 'user' of a partner request: not a Django user, so no other endpoint accepts it."""

    is_authenticated = True
    is_active = True
    is_anonymous = False

    def __init__(self, token):
        self.token = token
        self.organisatie = token.organisatie
        self.pk = self.id = f"partner-{token.pk}"
        self.username = f"partner:{token.organisatie.code}"

    def __str__(self):
        return self.username


class PartnerTokenAuthentication(BaseAuthentication):
    """``Authorization: Partner <sleutel>``. Only the SHA-256 hash of the key is stored."""

    def authenticate(self, request):
        delen = get_authorization_header(request).split()
        if not delen or delen[0].lower() != SLEUTELWOORD:
            return None
        if len(delen) != 2 or len(delen[1]) > 200:
            raise AuthenticationFailed(_("Ongeldige partnersleutel."))
        try:
            sleutel = delen[1].decode()
        except UnicodeError:
            raise AuthenticationFailed(_("Ongeldige partnersleutel."))
        token = (PartnerToken.objects.select_related("organisatie__gemeente")
                 .filter(sleutel_hash=PartnerToken.hash(sleutel), actief=True, organisatie__actief=True).first())
        if token is None:
            raise AuthenticationFailed(_("Ongeldige partnersleutel."))
        PartnerToken.objects.filter(pk=token.pk).update(laatst_gebruikt_op=timezone.now())
        return PartnerPrincipal(token), token

    def authenticate_header(self, request):
        return "Partner"


class PartnerAuthScheme(OpenApiAuthenticationExtension):
    target_class = "toegang.melding.api.PartnerTokenAuthentication"
    name = "partnerSleutel"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "Authorization",
                "description": "`Partner <sleutel>`: de sleutel van uw organisatie."}


class IsPartner(BasePermission):
    def has_permission(self, request, view):
        return isinstance(request.auth, PartnerToken)


def partnerstatus(melding):
    """What a partner may know: received, in progress or done (never whether a traject already ran: linked to a
    running traject reads as 'in_behandeling', the same as picked up)."""
    if melding.status == Melding.Status.NIEUW:
        return "ontvangen"
    if melding.status == Melding.Status.AFGEHANDELD:
        return "afgehandeld"
    return "in_behandeling"


class StrikteSerializer(serializers.Serializer):
    def to_internal_value(self, data):
        if not isinstance(data, dict):
            raise serializers.ValidationError({"non_field_errors": [_("Verwacht een JSON-object.")]})
        onbekend = sorted(set(data) - set(self.fields))
        fouten = {veld: [_("Onbekend veld.")] for veld in onbekend}
        try:
            waarde = super().to_internal_value(data)
        except serializers.ValidationError as fout:
            fouten.update(fout.detail)
            raise serializers.ValidationError(fouten)
        if fouten:
            raise serializers.ValidationError(fouten)
        return waarde


class PartnerMeldingSerializer(StrikteSerializer):
    signaalgever_type = serializers.SlugField(max_length=40, help_text="Code uit de catalogus, bijv. `huisarts`.")
    melder_naam = serializers.CharField(max_length=150, help_text="Naam van de contactpersoon bij de partner.")
    melder_contact = serializers.CharField(max_length=150, help_text="Telefoon of e-mail van de contactpersoon.")
    postcode = serializers.RegexField(r"^[1-9][0-9]{3}\s?[A-Za-z]{2}$", max_length=7)
    huisnummer = serializers.IntegerField(min_value=1, max_value=99999)
    toevoeging = serializers.CharField(max_length=10, required=False, allow_blank=True, default="")
    straat = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    woonplaats = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    achternaam = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    geboortedatum = serializers.DateField(
        required=False, allow_null=True, default=None,
        help_text="Geboortedatum van de inwoner (niet verplicht). Alleen om de inwoner bij de gemeente terug te "
                  "vinden; het antwoord zegt nooit of hij bekend is. Een BSN neemt deze ingang niet aan.")
    kinderen_onder_18 = serializers.BooleanField(required=False, default=False)
    vraag = serializers.CharField(min_length=10, max_length=4000)
    leefgebieden = serializers.ListField(child=serializers.ChoiceField(choices=Leefgebied.choices), min_length=1,
                                         max_length=len(Leefgebied.choices))
    urgentie = serializers.ChoiceField(choices=Melding.Urgentie.choices, required=False,
                                       default=Melding.Urgentie.NORMAAL)
    toestemming = serializers.BooleanField()
    geen_toestemming_reden = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")

    def to_internal_value(self, data):
        if isinstance(data, dict) and "ontvangen_op" in data:
            raise serializers.ValidationError({"ontvangen_op": [
                _("Het moment van ontvangst legt de gemeente zelf vast; laat dit veld weg.")]})
        return super().to_internal_value(data)

    def validate_leefgebieden(self, waarde):
        if len(set(waarde)) != len(waarde):
            raise serializers.ValidationError(_("Noem elk leefgebied één keer."))
        return waarde

    def validate(self, data):
        if not data["toestemming"] and not data.get("geen_toestemming_reden", "").strip():
            raise serializers.ValidationError({"geen_toestemming_reden": [
                _("Verplicht als de inwoner geen toestemming gaf.")]})
        return data


class OntvangstSerializer(serializers.Serializer):
    ontvangstnummer = serializers.CharField()
    status = serializers.SerializerMethodField()
    ontvangen_op = serializers.DateTimeField()

    def get_status(self, melding) -> str:
        return partnerstatus(melding)


@extend_schema_view(retrieve=extend_schema(parameters=[OpenApiParameter(
    "ontvangstnummer", str, OpenApiParameter.PATH, description="Het ontvangstnummer, bijv. M-2026-000123.")]))
class PartnerMeldingViewSet(ToontGeenHuishoudens, afremmen.EerstAfremmen, mixins.CreateModelMixin,
                            mixins.ListModelMixin,
                            mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Meldingen van uw organisatie: indienen, en het ontvangstnummer en de status teruglezen."""

    waarom = "alleen ontvangstnummer, status en ontvangstdatum van de eigen meldingen van de partner"

    authentication_classes = [PartnerTokenAuthentication]
    permission_classes = [IsPartner]
    throttle_classes = [afremmen.Partner]
    lookup_field = "ontvangstnummer"
    filter_backends = []

    def get_queryset(self):
        return (Melding.objects.filter(signaalgever_organisatie=self.request.auth.organisatie)
                .only("ontvangstnummer", "status", "ontvangen_op").order_by("-ontvangen_op", "-id"))

    def get_serializer_class(self):
        return PartnerMeldingSerializer if self.action == "create" else OntvangstSerializer

    def create(self, request, *args, **kwargs):
        if len(request.body) > MAX_BERICHT:
            return Response({"non_field_errors": [_("Het bericht is te groot (maximaal 16 kB).")]},
                            status=status.HTTP_400_BAD_REQUEST)
        invoer = PartnerMeldingSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        organisatie = request.auth.organisatie
        gemeente = organisatie.gemeente
        soort = SignaalgeverType.objects.filter(gemeente=gemeente, code=d["signaalgever_type"], actief=True).first()
        if soort is None:
            raise serializers.ValidationError({"signaalgever_type": [_("Onbekende soort signaalgever.")]})
        kanaal = Kanaal.objects.filter(gemeente=gemeente, code="partner", actief=True).first()
        try:
            melding = services.registreer_publieke_melding(
                gemeente=gemeente, signaalgever_type=soort, signaalgever_organisatie=organisatie,
                kanaal=kanaal, melder_naam=d["melder_naam"], melder_contact=d["melder_contact"],
                vraag=d["vraag"], leefgebieden=d["leefgebieden"], urgentie=d["urgentie"],
                toestemming=d["toestemming"], geen_toestemming_reden=d["geen_toestemming_reden"],
                kinderen_gemeld=d["kinderen_onder_18"], geboortedatum=d["geboortedatum"],
                adres={"postcode": d["postcode"], "huisnummer": d["huisnummer"], "toevoeging": d["toevoeging"],
                       "straat": d["straat"], "woonplaats": d["woonplaats"], "naam": d["achternaam"]},
            )
        except DjangoValidationError as fout:
            detail = foutvelden(fout)
            if "kanaal" in detail:
                detail = {"non_field_errors": [_("De gemeente heeft het kanaal ‘partner’ niet ingericht.")]}
            raise serializers.ValidationError(detail)
        return Response(OntvangstSerializer(melding).data, status=status.HTTP_201_CREATED)


def registreer(router):
    """Register this part's viewsets on the shared /api/v1/ router."""
    router.register("partner/meldingen", PartnerMeldingViewSet, basename="partner-melding")
