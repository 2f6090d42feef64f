"""Organisation: gemeente → gebied → wijk, teams, staff, locations and per-gemeente catalogues."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from common.kaart import ligt_in, omhullende
from common.postcode import normaliseer_postcode
from wijkteams.validators import valideer_gemeentecode, valideer_wijkcode


class Gemeente(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    cbs_code = models.CharField(_("CBS-gemeentecode"), max_length=4, unique=True,
                                validators=[valideer_gemeentecode])
    deelt_monitorcijfers = models.BooleanField(
        _("deelt monitorcijfers met andere gemeenten"), default=False,
        help_text=_("Aan: beleidsmedewerkers van andere gemeenten in deze installatie zien de gemeentetotalen van "
                    "de monitor (onderdrukt) naast die van hun eigen gemeente. Standaard uit."))
    nazorg_dagen = models.PositiveSmallIntegerField(
        _("nazorgtermijn (dagen)"), default=90,
        help_text=_("Zo lang na het afsluiten van een traject houdt het team toegang tot het huishouden."))
    live_sinds = models.DateField(
        _("in gebruik sinds (go-live)"), null=True, blank=True,
        help_text=_("De dag waarop de gemeente met deze applicatie begon. Het eerste volledige kwartaal daarna is "
                    "de nulmeting per wijk in het wijkprofiel."))

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    def audit_context(self):
        return {"gemeente_id": self.pk}


class Gebied(models.Model):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="gebieden",
                                 verbose_name=_("gemeente"))
    naam = models.CharField(_("naam"), max_length=100)

    class Meta:
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        ordering = ["gemeente", "naam"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "naam"], name="gebied_naam_uniek")]

    def __str__(self):
        return self.naam

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id}


class Wijk(models.Model):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="wijken",
                                 verbose_name=_("gemeente"))
    cbs_code = models.CharField(_("CBS-wijkcode"), max_length=8, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    # The current gebied; the history of the indeling is in WijkIndeling.
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="wijken",
                               verbose_name=_("huidig gebied"))

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["cbs_code"]
        constraints = [
            models.CheckConstraint(condition=Q(cbs_code__regex=r"^WK[0-9]{6}$"), name="wijk_cbs_code_vorm"),
        ]

    def __str__(self):
        return f"{self.naam} ({self.cbs_code})"

    def clean(self):
        super().clean()
        valideer_wijkcode(self.cbs_code, self.gemeente.cbs_code if self.gemeente_id else None)

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id}


class WijkIndeling(models.Model):
    """Which wijk belonged to which gebied when, so trends stay comparable after a re-indeling."""

    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="indelingen")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="indelingen")
    geldig_van = models.DateField(_("geldig van"))
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True)

    class Meta:
        verbose_name = _("wijkindeling")
        verbose_name_plural = _("wijkindelingen")
        ordering = ["wijk", "geldig_van"]
        constraints = [
            models.UniqueConstraint(fields=["wijk"], condition=Q(geldig_tot__isnull=True),
                                    name="wijk_een_lopende_indeling"),
            models.CheckConstraint(condition=Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=models.F("geldig_van")),
                                   name="wijkindeling_periode_geldig"),
        ]


class WijkInwoners(models.Model):
    """Inhabitants of a wijk on 1 January of a year, by age group and household type, as in the CBS "Kerncijfers
    wijken en buurten" (imported by ``wijkteams.bevolking``). CBS leaves a figure out (".") where it is too small or
    unknown, so the breakdowns may be empty."""

    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="inwoners")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    aantal = models.PositiveIntegerField(_("aantal inwoners"))
    leeftijd_0_15 = models.PositiveIntegerField(_("0 tot 15 jaar"), null=True, blank=True)
    leeftijd_15_25 = models.PositiveIntegerField(_("15 tot 25 jaar"), null=True, blank=True)
    leeftijd_25_45 = models.PositiveIntegerField(_("25 tot 45 jaar"), null=True, blank=True)
    leeftijd_45_65 = models.PositiveIntegerField(_("45 tot 65 jaar"), null=True, blank=True)
    leeftijd_65_plus = models.PositiveIntegerField(_("65 jaar of ouder"), null=True, blank=True)
    huishoudens = models.PositiveIntegerField(_("huishoudens totaal"), null=True, blank=True)
    eenpersoons = models.PositiveIntegerField(_("eenpersoonshuishoudens"), null=True, blank=True)
    zonder_kinderen = models.PositiveIntegerField(_("huishoudens zonder kinderen"), null=True, blank=True)
    met_kinderen = models.PositiveIntegerField(_("huishoudens met kinderen"), null=True, blank=True)
    bron = models.CharField(_("bron"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("inwonertal")
        verbose_name_plural = _("inwonertallen")
        constraints = [models.UniqueConstraint(fields=["wijk", "jaar"], name="wijk_inwoners_per_jaar")]


class WijkGrens(models.Model):
    """The boundary of a wijk as a GeoJSON geometry (Polygon or MultiPolygon, WGS84 lon/lat), imported per gemeente
    by ``wijkteams.grenzen``; drawn as a map by ``monitoring.kaart``. Stored as JSON: no PostGIS."""

    wijk = models.OneToOneField(Wijk, on_delete=models.CASCADE, related_name="grens", verbose_name=_("wijk"))
    geometrie = models.JSONField(_("geometrie (GeoJSON)"))
    bron = models.CharField(_("bron"), max_length=200, blank=True)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("wijkgrens")
        verbose_name_plural = _("wijkgrenzen")
        constraints = [
            models.CheckConstraint(condition=Q(geometrie__type__in=["Polygon", "MultiPolygon"]),
                                   name="wijkgrens_alleen_vlakken"),
        ]

    def audit_context(self):
        return {"gemeente_id": self.wijk.gemeente_id}


class GemeenteCatalogus(models.Model):
    """Base for catalogues that differ per gemeente (kept as data, not code)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="+")
    code = models.SlugField(_("code"), max_length=40)
    naam = models.CharField(_("naam"), max_length=150)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        abstract = True
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class TeamType(GemeenteCatalogus):
    voor_jeugd = models.BooleanField(_("voor huishoudens met kinderen onder 18"), default=False)

    class Meta(GemeenteCatalogus.Meta):
        verbose_name = _("teamtype")
        verbose_name_plural = _("teamtypen")
        constraints = [models.UniqueConstraint(fields=["gemeente", "code"], name="teamtype_code_uniek")]


class Organisatie(GemeenteCatalogus):
    """Partner organisations (Sport en Welzijn, Karaat, MEE, ...) and signalling partners."""

    class Soort(models.TextChoices):
        PARTNER = "partner", _("Partner in het wijkteam")
        SIGNAALGEVER = "signaalgever", _("Signalerende partner")
        GEMEENTE = "gemeente", _("Gemeente")

    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.PARTNER)

    class Meta(GemeenteCatalogus.Meta):
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        constraints = [models.UniqueConstraint(fields=["gemeente", "code"], name="organisatie_code_uniek")]


class Discipline(GemeenteCatalogus):
    class Meta(GemeenteCatalogus.Meta):
        verbose_name = _("discipline")
        verbose_name_plural = _("disciplines")
        constraints = [models.UniqueConstraint(fields=["gemeente", "code"], name="discipline_code_uniek")]


class SignaalgeverType(GemeenteCatalogus):
    is_partner = models.BooleanField(_("partnerorganisatie"), default=False)

    class Meta(GemeenteCatalogus.Meta):
        verbose_name = _("soort signaalgever")
        verbose_name_plural = _("soorten signaalgevers")
        constraints = [models.UniqueConstraint(fields=["gemeente", "code"], name="signaalgevertype_code_uniek")]


class Kanaal(GemeenteCatalogus):
    class Meta(GemeenteCatalogus.Meta):
        verbose_name = _("kanaal")
        verbose_name_plural = _("kanalen")
        constraints = [models.UniqueConstraint(fields=["gemeente", "code"], name="kanaal_code_uniek")]


class Team(models.Model):
    """A wijkteam. Its members are in ``groep``; object permissions go to that group."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="teams")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="teams",
                               help_text=_("Leeg bij een gemeente met één team zonder gebieden."))
    type = models.ForeignKey(TeamType, on_delete=models.PROTECT, related_name="teams")
    naam = models.CharField(_("naam"), max_length=150)
    groep = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="team")

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["gemeente", "gebied__naam", "naam"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "naam"], name="team_naam_uniek")]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("wijkteams:team", args=[self.pk])

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id}


class TeamUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Team, on_delete=models.CASCADE)


class TeamGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Team, on_delete=models.CASCADE)


class Medewerker(models.Model):
    """A staff member: a Django user with the organisation, discipline and hours."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="medewerker")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="medewerkers")
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, null=True, blank=True)
    discipline = models.ForeignKey(Discipline, on_delete=models.PROTECT, null=True, blank=True)
    uren_per_week = models.DecimalField(_("uren per week"), max_digits=4, decimal_places=1, default=0)
    teams = models.ManyToManyField(Team, through="TeamLidmaatschap", related_name="leden", blank=True)
    coordinator_van = models.ManyToManyField(Gebied, blank=True, related_name="coordinatoren",
                                             verbose_name=_("coördinator van gebieden"))

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        ordering = ["user__last_name", "user__first_name"]
        constraints = [models.CheckConstraint(condition=Q(uren_per_week__gte=0) & Q(uren_per_week__lte=60),
                                              name="medewerker_uren_redelijk")]

    def __str__(self):
        return self.user.get_full_name() or self.user.username


class TeamLidmaatschap(models.Model):
    medewerker = models.ForeignKey(Medewerker, on_delete=models.CASCADE, related_name="lidmaatschappen")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="lidmaatschappen")
    uren_per_week = models.DecimalField(_("uren per week in dit team"), max_digits=4, decimal_places=1, default=0)

    class Meta:
        verbose_name = _("teamlidmaatschap")
        verbose_name_plural = _("teamlidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["medewerker", "team"], name="teamlid_uniek"),
            models.CheckConstraint(condition=Q(uren_per_week__gte=0), name="teamlid_uren_niet_negatief"),
        ]


# longitude and latitude of the Netherlands with a margin (west, south, east, north): nothing of a gemeente lies outside
NEDERLAND = (3.0, 50.6, 7.4, 53.7)
PLAATS_MARGE_M = 10  # a place drawn on its wijk's boundary line counts as inside


def controleer_positie(*, gemeente, wijk, breedtegraad, lengtegraad):
    """Raise a Dutch ValidationError (on ``breedtegraad``) when a place's point lies outside the Netherlands, outside
    its wijk's boundary, or (its wijk without a boundary yet) outside the box around the gemeente's boundaries."""
    lat, lon = float(breedtegraad), float(lengtegraad)
    plek = {"lat": breedtegraad, "lon": lengtegraad}
    if not (NEDERLAND[1] <= lat <= NEDERLAND[3] and NEDERLAND[0] <= lon <= NEDERLAND[2]):
        fout = gettext("Het punt (%(lat)s, %(lon)s) ligt buiten Nederland. Vul de breedtegraad (rond 52) en de "
                       "lengtegraad (rond 5) in WGS84 in.") % plek
        raise ValidationError({"breedtegraad": fout})
    grenzen = {g.wijk_id: g.geometrie for g in WijkGrens.objects.filter(wijk__gemeente=gemeente)}
    if wijk.pk in grenzen:
        if not ligt_in(lon, lat, grenzen[wijk.pk], marge=PLAATS_MARGE_M):
            fout = gettext("Het punt (%(lat)s, %(lon)s) ligt buiten de grens van wijk %(wijk)s (%(code)s). Kies de "
                           "wijk waarin de plaats ligt of controleer de coördinaten.") % {
                **plek, "wijk": wijk.naam, "code": wijk.cbs_code}
            raise ValidationError({"breedtegraad": fout})
        return
    kader = omhullende(grenzen.values())
    if kader is not None and not (kader[0] <= lon <= kader[2] and kader[1] <= lat <= kader[3]):
        fout = gettext("Het punt (%(lat)s, %(lon)s) ligt buiten de gemeente %(gemeente)s (buiten alle ingelezen "
                       "wijkgrenzen).") % {**plek, "gemeente": gemeente.naam}
        raise ValidationError({"breedtegraad": fout})


class LocatieQuerySet(models.QuerySet):
    def geldig_in(self, van, tot=None):
        """Places valid on some day of ``van`` … ``tot`` (default: the one day ``van``)."""
        tot = tot or van
        return self.filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=van), geldig_van__lte=tot)

    def op_de_kaart(self):
        """Ankerplaatsen and vindplaatsen with a position (drawn as points on the map per wijk)."""
        return self.filter(soort__in=Locatie.OP_DE_KAART, breedtegraad__isnull=False)


class Locatie(models.Model):
    """A place of the wijkteams: the basislocatie, and the ankerplaatsen (where a team holds its spreekuur in the
    wijk) and vindplaatsen (where residents are found: a school, a GP) that the map per wijk draws as points. Their
    position is WGS84 (``breedtegraad``/``lengtegraad``); kept by the functioneel beheerder (``wijkteams.plaatsen``),
    which refuses a point outside its wijk's boundary or outside the gemeente."""

    class Soort(models.TextChoices):
        BASISLOCATIE = "basislocatie", _("Basislocatie")
        ANKERPLAATS = "ankerplaats", _("Ankerplaats")
        VINDPLAATS = "vindplaats", _("Vindplaats")

    OP_DE_KAART = (Soort.ANKERPLAATS, Soort.VINDPLAATS)

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="locaties")
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, null=True, blank=True, related_name="locaties")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    naam = models.CharField(_("naam"), max_length=150)
    adres = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    spreekuren = models.TextField(_("spreekuren"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True)
    code = models.SlugField(_("code"), max_length=60, blank=True,
                            help_text=_("Vaste sleutel voor de CSV-import: dezelfde code werkt dezelfde plaats bij."))
    breedtegraad = models.DecimalField(_("breedtegraad (WGS84)"), max_digits=9, decimal_places=6, null=True,
                                       blank=True)
    lengtegraad = models.DecimalField(_("lengtegraad (WGS84)"), max_digits=9, decimal_places=6, null=True,
                                      blank=True)
    geldig_van = models.DateField(_("geldig van"), default=timezone.localdate)
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True)

    objects = LocatieQuerySet.as_manager()

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["soort", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "code"], condition=~Q(code=""), name="locatie_code_uniek"),
            models.CheckConstraint(condition=Q(breedtegraad__isnull=True, lengtegraad__isnull=True)
                                   | Q(breedtegraad__range=(NEDERLAND[1], NEDERLAND[3]),
                                                                  lengtegraad__range=(NEDERLAND[0], NEDERLAND[2])),
                                   name="locatie_positie_in_nederland"),
            models.CheckConstraint(condition=Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=models.F("geldig_van")),
                                   name="locatie_periode_geldig"),
        ]

    def __str__(self):
        return f"{self.naam} ({self.get_soort_display()})"

    def clean(self):
        """Also for the beheer site: a point on the map must lie in its wijk and the gemeente."""
        self.postcode = normaliseer_postcode(self.postcode)
        if (self.soort in self.OP_DE_KAART and self.gemeente_id and self.wijk_id
                and self.breedtegraad is not None and self.lengtegraad is not None):
            controleer_positie(gemeente=self.gemeente, wijk=self.wijk, breedtegraad=self.breedtegraad,
                               lengtegraad=self.lengtegraad)

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id}


class AanbodQuerySet(models.QuerySet):
    def lopend(self, datum=None):
        """Offers that are offered on ``datum`` (default today): active and within their validity period."""
        from django.utils import timezone

        datum = datum or timezone.localdate()
        return self.filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=datum), actief=True,
                           geldig_van__lte=datum)


class Aanbod(models.Model):
    """Sociale kaart: what exists per wijk or gebied (general provisions, professionals, volunteers).

    Kept current by the sociaal makelaar and the functioneel beheerder (``wijkteams.services``); an ended offer
    (``actief`` off or past ``geldig_tot``) leaves the kaart and the plan editor but stays on the plans that used it.
    """

    class Categorie(models.TextChoices):
        ZORG = "zorg", _("Zorg")
        WELZIJN = "welzijn", _("Welzijn")
        WONEN = "wonen", _("Wonen")
        ONDERWIJS = "onderwijs", _("Onderwijs")
        WERK_EN_INKOMEN = "werk_inkomen", _("Werk en inkomen")
        LEEFBAARHEID = "leefbaarheid", _("Leefbaarheid")
        VRIJE_TIJD = "vrije_tijd", _("Vrije tijd")

    class Soort(models.TextChoices):
        ALGEMENE_VOORZIENING = "algemene_voorziening", _("Algemene voorziening")
        PROFESSIONEEL = "professioneel", _("Professionele ondersteuning")
        VRIJWILLIGERSORGANISATIE = "vrijwilligers", _("Vrijwilligersorganisatie")
        ACTIVITEIT = "activiteit", _("Activiteit")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="aanbod")
    gebied = models.ForeignKey(Gebied, on_delete=models.CASCADE, null=True, blank=True, related_name="aanbod")
    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, null=True, blank=True, related_name="aanbod")
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices)
    naam = models.CharField(_("naam"), max_length=200)
    aanbieder = models.CharField(_("aanbieder"), max_length=200, blank=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    doelgroep = models.CharField(_("doelgroep"), max_length=200, blank=True)
    geindiceerd = models.BooleanField(_("alleen met indicatie"), default=False)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    openingstijden = models.CharField(_("openingstijden"), max_length=200, blank=True)
    openbaar = models.BooleanField(_("zichtbaar op de publieke sociale kaart"), default=True)
    actief = models.BooleanField(_("actief"), default=True)
    categorie = models.CharField(_("categorie"), max_length=20, choices=Categorie.choices, default=Categorie.WELZIJN)
    code = models.SlugField(_("code"), max_length=60, blank=True,
                            help_text=_("Vaste sleutel voor de CSV-import: dezelfde code werkt hetzelfde aanbod bij."))
    geldig_van = models.DateField(_("geldig van"), default=timezone.localdate)
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True)
    regionale_kaart = models.URLField(_("link naar de regionale sociale kaart"), max_length=300, blank=True)

    objects = AanbodQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanbod (sociale kaart)")
        verbose_name_plural = _("sociale kaart")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "code"], condition=~Q(code=""), name="aanbod_code_uniek"),
            models.CheckConstraint(condition=Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=models.F("geldig_van")),
                                   name="aanbod_periode_geldig"),
        ]

    @property
    def is_lopend(self):
        vandaag = timezone.localdate()
        return self.actief and self.geldig_van <= vandaag and (self.geldig_tot is None or self.geldig_tot >= vandaag)

    @property
    def is_beeindigd(self):
        return not self.actief or (self.geldig_tot is not None and self.geldig_tot < timezone.localdate())

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id}

    def __str__(self):
        return self.naam
