"""Toegang: melding, triage, casusoverleg, achtervang, partner tokens and the postcode → wijk table.

Status changes of a melding go through ``toegang.melding.services`` (transition table ``OVERGANGEN``).
"""

import hashlib

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from huishoudens.models import Huishouden, Leefgebied, Traject
from wijkteams.models import Gemeente, Kanaal, Organisatie, SignaalgeverType, Team, Wijk

__all__ = [
    "Afwezigheid",
    "CasusoverlegAgendapunt",
    "Melding",
    "Ontvangstteller",
    "PartnerToken",
    "PostcodeWijk",
]


class Ontvangstteller(models.Model):
    """Per year the last receipt number handed out (row-locked when a new number is drawn)."""

    jaar = models.PositiveSmallIntegerField(primary_key=True)
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("ontvangstnummerteller")
        verbose_name_plural = _("ontvangstnummertellers")


class PostcodeWijk(models.Model):
    """Which wijk serves a postcode: a PC4 (``2981``) or a full PC6 (``2981AB``); PC6 wins over PC4."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="+")
    postcode = models.CharField(_("postcode (4 cijfers of 6 tekens)"), max_length=6)
    wijk = models.ForeignKey(Wijk, on_delete=models.CASCADE, related_name="postcodes")

    class Meta:
        verbose_name = _("postcode bij wijk")
        verbose_name_plural = _("postcodes bij wijken")
        ordering = ["postcode"]
        constraints = [
            models.UniqueConstraint(fields=["postcode"], name="postcodewijk_postcode_uniek"),
            models.CheckConstraint(condition=Q(postcode__regex=r"^[1-9][0-9]{3}([A-Z]{2})?$"),
                                   name="postcodewijk_postcode_vorm"),
        ]

    def __str__(self):
        return f"{self.postcode} → {self.wijk.naam}"


class Melding(models.Model):
    class Status(models.TextChoices):
        NIEUW = "nieuw", _("Nieuw, op te pakken")
        IN_BEHANDELING = "in_behandeling", _("In behandeling")
        GEKOPPELD = "gekoppeld", _("Gekoppeld aan lopend traject")
        AFGEHANDELD = "afgehandeld", _("Afgehandeld")

    class Soort(models.TextChoices):
        ENKELVOUDIG = "enkelvoudig", _("Enkelvoudig (één leefgebied)")
        MEERVOUDIG = "meervoudig", _("Meervoudig (twee of meer leefgebieden)")

    class Urgentie(models.TextChoices):
        NORMAAL = "normaal", _("Normaal")
        HOOG = "hoog", _("Hoog: binnen enkele dagen contact")
        SPOED = "spoed", _("Spoed: vandaag contact")

    OPEN_STATUSSEN = (Status.NIEUW, Status.IN_BEHANDELING)

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    ontvangstnummer = models.CharField(_("ontvangstnummer"), max_length=20, unique=True)
    signaalgever_type = models.ForeignKey(SignaalgeverType, on_delete=models.PROTECT, related_name="+",
                                          verbose_name=_("wie meldt"))
    signaalgever_organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, null=True, blank=True, related_name="meldingen",
        verbose_name=_("signalerende organisatie"))
    melder_naam = models.CharField(_("naam melder"), max_length=150, blank=True)
    melder_contact = models.CharField(_("telefoon of e-mail melder"), max_length=150, blank=True)
    kanaal = models.ForeignKey(Kanaal, on_delete=models.PROTECT, related_name="+", verbose_name=_("kanaal"))
    ontvangen_op = models.DateTimeField(_("ontvangen op"))
    # Empty for a question through the public doors (resident form, partner API): a professional links it to a
    # household in the werkvoorraad; the door itself never looks a household up (nothing to give away).
    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="meldingen")
    opgegeven_adres = models.JSONField(
        _("adres zoals opgegeven"), default=dict, blank=True,
        help_text=_("Postcode, huisnummer, straat, woonplaats en achternaam zoals de inwoner of partner ze gaf."))
    kinderen_gemeld = models.BooleanField(_("melder noemt kinderen onder 18 in het huishouden"), default=False)
    vraag = models.TextField(_("de vraag in de woorden van de melder"), max_length=4000)
    leefgebieden = ArrayField(models.CharField(max_length=30, choices=Leefgebied.choices),
                              verbose_name=_("leefgebieden"))
    urgentie = models.CharField(_("urgentie"), max_length=10, choices=Urgentie.choices, default=Urgentie.NORMAAL)
    toestemming = models.BooleanField(_("inwoner geeft toestemming"), default=False)
    geen_toestemming_reden = models.TextField(_("waarom er geen toestemming is"), blank=True, max_length=1000)

    # Triage outcome (toegang.melding.triage.bepaal_route).
    soort = models.CharField(_("soort"), max_length=12, choices=Soort.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NIEUW)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="meldingen")
    behandelaar = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="meldingen_in_behandeling", verbose_name=_("behandelaar"))
    traject = models.ForeignKey(Traject, on_delete=models.PROTECT, null=True, blank=True, related_name="meldingen")
    gekoppeld_aan_lopend_traject = models.BooleanField(default=False)
    direct_aan = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("rechtstreeks binnengekomen bij"))
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                           blank=True, related_name="+")
    route_toelichting = models.CharField(_("toelichting triage"), max_length=300, blank=True)
    onderzoek_uiterlijk = models.DateField(_("onderzoek uiterlijk"))
    opgepakt_op = models.DateTimeField(_("opgepakt op"), null=True, blank=True)
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    wat_gedaan = models.TextField(_("wat is er gedaan"), blank=True, max_length=2000)
    doorverwezen_naar = models.CharField(_("doorverwezen naar"), max_length=200, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-ontvangen_op", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(leefgebieden__len__gte=1), name="melding_minstens_een_leefgebied"),
            models.CheckConstraint(condition=Q(toestemming=True) | ~Q(geen_toestemming_reden=""),
                                   name="melding_toestemming_of_reden"),
            models.CheckConstraint(condition=~Q(status="afgehandeld") | Q(afgehandeld_op__isnull=False),
                                   name="melding_afgehandeld_heeft_datum"),
            models.CheckConstraint(condition=Q(soort="enkelvoudig") | Q(soort="meervoudig"),
                                   name="melding_soort_geldig"),
            models.CheckConstraint(condition=Q(huishouden__isnull=False) | Q(traject__isnull=True),
                                   name="melding_traject_alleen_met_huishouden"),
        ]
        indexes = [
            models.Index(fields=["team", "status", "onderzoek_uiterlijk"], name="melding_team_status_idx"),
            models.Index(fields=["behandelaar", "status"], name="melding_behandelaar_idx"),
            models.Index(fields=["gemeente", "status", "onderzoek_uiterlijk"], name="melding_termijn_idx"),
            # the werkvoorraad (issue 15): its counts per status as an index-only scan per team ...
            models.Index(fields=["gemeente", "team", "status"], name="melding_gem_team_status_idx"),
            # ... its counts over the open meldingen (termijn, leefgebied) from this covering partial index ...
            models.Index(fields=["gemeente", "team", "onderzoek_uiterlijk"],
                         include=["status", "traject", "leefgebieden"],
                         condition=Q(status__in=["nieuw", "in_behandeling", "gekoppeld"]),
                         name="melding_open_team_idx"),
            # ... and its default list (open, by deadline) read in order, stopping after the page
            models.Index(fields=["gemeente", "onderzoek_uiterlijk", "id"],
                         condition=Q(status__in=["nieuw", "in_behandeling", "gekoppeld"]),
                         name="melding_open_termijn_idx"),
        ]

    def __str__(self):
        return self.ontvangstnummer

    def get_absolute_url(self):
        return reverse("toegang:melding", args=[self.pk])

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSSEN

    @property
    def te_koppelen(self):
        """Came in through a public door and is not yet linked to a household."""
        return self.huishouden_id is None

    def leefgebied_labels(self):
        return [Leefgebied(code).label for code in self.leefgebieden]

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id, "huishouden_id": self.huishouden_id}


class CasusoverlegAgendapunt(models.Model):
    """A case on the team's casusoverleg; the decision goes on the dossier. Either a new melding on two or more
    leefgebieden (put there by the triage), or an existing case (a traject already in the werkvoorraad) that a
    team member or the coördinator puts on the agenda with a reason."""

    class Status(models.TextChoices):
        GEAGENDEERD = "geagendeerd", _("Geagendeerd")
        BESPROKEN = "besproken", _("Besproken")

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="casusoverleg")
    melding = models.OneToOneField(Melding, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="agendapunt")
    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="casusoverleg_agendapunten", verbose_name=_("traject"))
    reden = models.TextField(_("waarom op de agenda"), blank=True, max_length=2000)
    geagendeerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                         blank=True, related_name="+")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.GEAGENDEERD)
    geagendeerd_op = models.DateTimeField(auto_now_add=True)
    besproken_op = models.DateField(_("besproken op"), null=True, blank=True)
    besluit_regisseur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                          blank=True, related_name="+", verbose_name=_("regisseur"))
    volgende_stap = models.TextField(_("volgende stap"), blank=True, max_length=2000)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                        blank=True, related_name="+")

    class Meta:
        verbose_name = _("agendapunt casusoverleg")
        verbose_name_plural = _("agendapunten casusoverleg")
        ordering = ["geagendeerd_op", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="geagendeerd") | (Q(besproken_op__isnull=False) & ~Q(volgende_stap="")),
                name="casusoverleg_besluit_compleet"),
            models.CheckConstraint(
                condition=(Q(melding__isnull=False, traject__isnull=True)
                           | (Q(melding__isnull=True, traject__isnull=False) & ~Q(reden=""))),
                name="casusoverleg_melding_of_bestaande_casus"),
            models.UniqueConstraint(fields=["traject"], condition=Q(status="geagendeerd"),
                                    name="casusoverleg_traject_eenmaal_geagendeerd"),
        ]

    @property
    def huishouden(self):
        return self.melding.huishouden if self.melding_id else self.traject.huishouden

    @property
    def zaak(self):
        """The traject the decision goes on: the melding's (if any) or the existing case's."""
        return self.melding.traject if self.melding_id else self.traject

    def audit_context(self):
        huishouden_id = self.melding.huishouden_id if self.melding_id else self.traject.huishouden_id
        return {"gemeente_id": self.team.gemeente_id, "huishouden_id": huishouden_id}


class Afwezigheid(models.Model):
    """Achtervang: while a professional is away, new meldingen and due items go to the substitute
    (or, without one, to the team queue)."""

    medewerker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="afwezigheden")
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    vervanger = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="vervangingen", verbose_name=_("vervanger"),
                                  help_text=_("Leeg: het werk gaat naar de teamwachtrij."))
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                        related_name="+")

    class Meta:
        verbose_name = _("afwezigheid")
        verbose_name_plural = _("afwezigheden")
        ordering = ["van"]
        constraints = [
            models.CheckConstraint(condition=Q(tot__gte=models.F("van")), name="afwezigheid_periode_geldig"),
            models.CheckConstraint(condition=~Q(vervanger=models.F("medewerker")),
                                   name="afwezigheid_niet_zichzelf"),
        ]
        indexes = [models.Index(fields=["van", "tot"], name="afwezigheid_periode_idx")]


class PartnerToken(models.Model):
    """An API key of a signalling partner organisation. Only its SHA-256 hash is stored."""

    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="partner_tokens")
    naam = models.CharField(_("omschrijving"), max_length=100)
    prefix = models.CharField(_("begin van de sleutel"), max_length=8)
    sleutel_hash = models.CharField(max_length=64, unique=True)
    actief = models.BooleanField(_("actief"), default=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    laatst_gebruikt_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("partnersleutel")
        verbose_name_plural = _("partnersleutels")

    def __str__(self):
        return f"{self.organisatie} · {self.naam} ({self.prefix}…)"

    @staticmethod
    def hash(sleutel):
        return hashlib.sha256(sleutel.encode()).hexdigest()
