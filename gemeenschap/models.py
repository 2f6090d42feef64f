"""Eigen kracht and the community: mantelzorg, vrijwilligers and matching, collectieve activiteiten,
klachten and cliëntervaring. None of it lives inside one household's dossier; links to a household are
optional and only shown to those who may see that household.

Invariants live in the database (periods, non-negative hours and reach, one running match per request).
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from huishoudens.models import Actie, Huishouden, NetwerkLid, Persoon
from wijkteams.models import Gebied, Gemeente, Team, Wijk


class Dagdeel(models.TextChoices):
    """Availability and the time of a request, as day parts of the week."""

    MA_OCHTEND = "ma_ochtend", _("maandagochtend")
    MA_MIDDAG = "ma_middag", _("maandagmiddag")
    MA_AVOND = "ma_avond", _("maandagavond")
    DI_OCHTEND = "di_ochtend", _("dinsdagochtend")
    DI_MIDDAG = "di_middag", _("dinsdagmiddag")
    DI_AVOND = "di_avond", _("dinsdagavond")
    WO_OCHTEND = "wo_ochtend", _("woensdagochtend")
    WO_MIDDAG = "wo_middag", _("woensdagmiddag")
    WO_AVOND = "wo_avond", _("woensdagavond")
    DO_OCHTEND = "do_ochtend", _("donderdagochtend")
    DO_MIDDAG = "do_middag", _("donderdagmiddag")
    DO_AVOND = "do_avond", _("donderdagavond")
    VR_OCHTEND = "vr_ochtend", _("vrijdagochtend")
    VR_MIDDAG = "vr_middag", _("vrijdagmiddag")
    VR_AVOND = "vr_avond", _("vrijdagavond")
    ZA_OCHTEND = "za_ochtend", _("zaterdagochtend")
    ZA_MIDDAG = "za_middag", _("zaterdagmiddag")
    ZA_AVOND = "za_avond", _("zaterdagavond")
    ZO_OCHTEND = "zo_ochtend", _("zondagochtend")
    ZO_MIDDAG = "zo_middag", _("zondagmiddag")
    ZO_AVOND = "zo_avond", _("zondagavond")


class Vaardigheid(models.TextChoices):
    BOODSCHAPPEN = "boodschappen", _("Boodschappen doen")
    VERVOER = "vervoer", _("Vervoer en begeleiding naar afspraken")
    ADMINISTRATIE = "administratie", _("Administratie en geldzaken")
    GEZELSCHAP = "gezelschap", _("Gezelschap en een luisterend oor")
    KLUSSEN = "klussen", _("Klussen in huis")
    TUIN = "tuin", _("Tuinonderhoud")
    TAAL = "taal", _("Taal en voorlezen")
    DIGITAAL = "digitaal", _("Computer en telefoon")
    KINDEREN = "kinderen", _("Activiteiten met kinderen")
    BEWEGEN = "bewegen", _("Wandelen en bewegen")


def _array(base, verbose_name, **kwargs):
    return ArrayField(base, verbose_name=verbose_name, default=list, blank=True, **kwargs)


# --- vrijwilligers en hulpvragen --------------------------------------------------------------------

class Vrijwilliger(models.Model):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    naam = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True)
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="vrijwilligers", verbose_name=_("wijk"))
    interesses = models.TextField(_("interesses"), blank=True)
    vaardigheden = _array(models.CharField(max_length=20, choices=Vaardigheid.choices), _("vaardigheden"))
    beschikbaarheid = _array(models.CharField(max_length=12, choices=Dagdeel.choices), _("beschikbaar op"))
    vog_gecontroleerd = models.BooleanField(_("VOG gecontroleerd"), default=False)
    vog_datum = models.DateField(_("datum VOG"), null=True, blank=True)
    organisatie = models.CharField(_("vrijwilligersorganisatie"), max_length=150, blank=True,
                                   help_text=_("De organisatie waarvoor de vrijwilliger actief is."))
    actief = models.BooleanField(_("actief"), default=True)
    aangemeld_op = models.DateField(_("aangemeld op"))

    class Meta:
        verbose_name = _("vrijwilliger")
        verbose_name_plural = _("vrijwilligers")
        ordering = ["naam", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(vog_gecontroleerd=False) | Q(vog_datum__isnull=False),
                                   name="vrijwilliger_vog_met_datum"),
        ]
        indexes = [models.Index(fields=["gemeente", "actief"], name="vrijwilliger_gemeente_idx")]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("gemeenschap:vrijwilliger", args=[self.pk])

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id}


class Hulpvraag(models.Model):
    class Bron(models.TextChoices):
        PLAN = "plan", _("Activiteit uit een plan")
        BEWONER = "bewoner", _("Bewoner")
        PARTNER = "partner", _("Partnerorganisatie")

    class Frequentie(models.TextChoices):
        EENMALIG = "eenmalig", _("Eenmalig")
        WEKELIJKS = "wekelijks", _("Wekelijks")
        TWEEWEKELIJKS = "tweewekelijks", _("Eens per twee weken")
        MAANDELIJKS = "maandelijks", _("Maandelijks")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        GEKOPPELD = "gekoppeld", _("Gekoppeld")
        AFGEROND = "afgerond", _("Afgerond")
        VERVALLEN = "vervallen", _("Vervallen")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="hulpvragen", verbose_name=_("wijk"))
    bron = models.CharField(_("afkomstig van"), max_length=20, choices=Bron.choices)
    actie = models.ForeignKey(Actie, on_delete=models.SET_NULL, null=True, blank=True, related_name="hulpvragen",
                              verbose_name=_("activiteit uit het plan"))
    huishouden = models.ForeignKey(Huishouden, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    aanvrager = models.CharField(_("aanvrager"), max_length=150, blank=True,
                                 help_text=_("Naam van de bewoner of partner die de vraag stelt."))
    wat = models.TextField(_("wat is de vraag"))
    vaardigheden = _array(models.CharField(max_length=20, choices=Vaardigheid.choices), _("gevraagde vaardigheden"))
    wanneer = _array(models.CharField(max_length=12, choices=Dagdeel.choices), _("wanneer"))
    hoe_vaak = models.CharField(_("hoe vaak"), max_length=20, choices=Frequentie.choices,
                                default=Frequentie.WEKELIJKS)
    vog_nodig = models.BooleanField(_("VOG nodig"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    ingediend_op = models.DateField(_("ingediend op"))
    ingediend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")
        ordering = ["ingediend_op", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(bron="plan") | Q(actie__isnull=False),
                                   name="hulpvraag_uit_plan_heeft_actie"),
            models.UniqueConstraint(fields=["actie"], condition=Q(status__in=["open", "gekoppeld"]),
                                    name="een_lopende_hulpvraag_per_actie",
                                    violation_error_message=_("Voor deze activiteit loopt al een hulpvraag.")),
        ]
        indexes = [models.Index(fields=["gemeente", "status", "ingediend_op"], name="hulpvraag_status_idx")]

    def __str__(self):
        return self.wat[:80]

    def get_absolute_url(self):
        return reverse("gemeenschap:hulpvraag", args=[self.pk])

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id, "huishouden_id": self.huishouden_id}


class Koppeling(models.Model):
    """A match between a request and a volunteer: proposed, accepted, started, ended (or declined)."""

    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", _("Voorgesteld")
        GEACCEPTEERD = "geaccepteerd", _("Geaccepteerd")
        GESTART = "gestart", _("Gestart")
        BEEINDIGD = "beeindigd", _("Beëindigd")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    hulpvraag = models.ForeignKey(Hulpvraag, on_delete=models.CASCADE, related_name="koppelingen")
    vrijwilliger = models.ForeignKey(Vrijwilliger, on_delete=models.PROTECT, related_name="koppelingen")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.VOORGESTELD)
    voorgesteld_op = models.DateField(_("voorgesteld op"))
    voorgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geaccepteerd_op = models.DateField(_("geaccepteerd op"), null=True, blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    eind = models.DateField(_("eind"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    LOPEND = ("voorgesteld", "geaccepteerd", "gestart")

    class Meta:
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")
        ordering = ["-voorgesteld_op", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["hulpvraag"], condition=Q(status__in=["voorgesteld", "geaccepteerd",
                                                                                   "gestart"]),
                                    name="een_lopende_koppeling_per_hulpvraag",
                                    violation_error_message=_("Deze hulpvraag heeft al een lopende koppeling.")),
            models.CheckConstraint(condition=Q(eind__isnull=True) | Q(start__isnull=True) | Q(eind__gte=F("start")),
                                   name="koppeling_eind_na_start"),
            models.CheckConstraint(condition=Q(geaccepteerd_op__isnull=True) | Q(geaccepteerd_op__gte=F(
                "voorgesteld_op")), name="koppeling_acceptatie_na_voorstel"),
        ]

    def __str__(self):
        return f"{self.hulpvraag} ↔ {self.vrijwilliger}"

    def audit_context(self):
        return {"gemeente_id": self.vrijwilliger.gemeente_id}


# --- mantelzorg ---------------------------------------------------------------------------------------

class Mantelzorger(models.Model):
    """A carer's own support record. The carer is a person in the application or a network member."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, related_name="mantelzorgers",
                                   help_text=_("Het huishouden waarin of voor wie de mantelzorger zorgt."))
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="mantelzorgers", verbose_name=_("wijk"))
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                verbose_name=_("persoon"))
    netwerklid = models.ForeignKey(NetwerkLid, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                   verbose_name=_("netwerklid"))
    zorgt_voor = models.CharField(_("zorgt voor"), max_length=200)
    uren_per_week = models.DecimalField(_("uren mantelzorg per week"), max_digits=4, decimal_places=1,
                                        validators=[MinValueValidator(0), MaxValueValidator(168)])
    sinds = models.DateField(_("sinds"))
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("mantelzorger")
        verbose_name_plural = _("mantelzorgers")
        ordering = ["-sinds", "-id"]
        constraints = [
            models.CheckConstraint(condition=(Q(persoon__isnull=True) & Q(netwerklid__isnull=False))
                                   | (Q(persoon__isnull=False) & Q(netwerklid__isnull=True)),
                                   name="mantelzorger_persoon_of_netwerklid"),
            models.CheckConstraint(condition=Q(uren_per_week__gte=0) & Q(uren_per_week__lte=168),
                                   name="mantelzorger_uren_geldig"),
            models.UniqueConstraint(fields=["persoon"], condition=Q(persoon__isnull=False),
                                    name="mantelzorger_persoon_uniek"),
            models.UniqueConstraint(fields=["netwerklid"], condition=Q(netwerklid__isnull=False),
                                    name="mantelzorger_netwerklid_uniek"),
        ]

    def __str__(self):
        return self.naam

    @property
    def naam(self):
        return self.persoon.volledige_naam if self.persoon_id else self.netwerklid.naam

    def get_absolute_url(self):
        return reverse("gemeenschap:mantelzorger", args=[self.pk])

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id, "huishouden_id": self.huishouden_id, "persoon_id": self.persoon_id}


class MantelzorgSteun(models.Model):
    class Soort(models.TextChoices):
        RESPIJTZORG = "respijtzorg", _("Respijtzorg")
        LOTGENOTENCONTACT = "lotgenotencontact", _("Lotgenotencontact")
        WAARDERING = "mantelzorgwaardering", _("Mantelzorgwaardering")

    mantelzorger = models.ForeignKey(Mantelzorger, on_delete=models.CASCADE, related_name="steun")
    soort = models.CharField(_("soort ondersteuning"), max_length=30, choices=Soort.choices)
    datum = models.DateField(_("datum"))
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("ondersteuning van een mantelzorger")
        verbose_name_plural = _("ondersteuning van mantelzorgers")
        ordering = ["-datum", "-id"]


class Belastingcheck(models.Model):
    """A short burden check: a few questions scored 0-3; at or above the threshold: overbelast."""

    mantelzorger = models.ForeignKey(Mantelzorger, on_delete=models.CASCADE, related_name="checks")
    datum = models.DateField(_("datum"))
    antwoorden = models.JSONField(_("antwoorden"), default=dict)
    score = models.PositiveSmallIntegerField(_("score"))
    overbelast = models.BooleanField(_("overbelast"), default=False)
    afgenomen_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("belastingcheck")
        verbose_name_plural = _("belastingchecks")
        ordering = ["-datum", "-id"]

    def audit_context(self):
        return self.mantelzorger.audit_context()


# --- collectieve en preventieve activiteiten ---------------------------------------------------------

class CollectieveActiviteit(models.Model):
    class Soort(models.TextChoices):
        VOORLICHTING = "voorlichting", _("Voorlichting")
        GROEPSAANBOD = "groepsaanbod", _("Groepsaanbod")
        ONTMOETING = "ontmoeting", _("Ontmoeting")
        PREVENTIEPROJECT = "preventieproject", _("Preventieproject")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="collectieve_activiteiten",
                               verbose_name=_("gebied"))
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, null=True, blank=True,
                             related_name="collectieve_activiteiten", verbose_name=_("wijk"),
                             help_text=_("Leeg als de activiteit voor het hele gebied is."))
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    titel = models.CharField(_("titel"), max_length=200)
    partner = models.CharField(_("partner"), max_length=150, blank=True)
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    bereik = models.PositiveIntegerField(_("bereik (aantal deelnemers)"), null=True, blank=True,
                                         help_text=_("Alleen het aantal; geen namen."))
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("collectieve activiteit")
        verbose_name_plural = _("collectieve activiteiten")
        ordering = ["-startdatum", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("startdatum")),
                                   name="activiteit_eind_na_start"),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("gemeenschap:activiteit", args=[self.pk])

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id}


class ActieActiviteit(models.Model):
    """A plan activity that points to a collective activity (kept here: huishoudens does not know us)."""

    actie = models.OneToOneField(Actie, on_delete=models.CASCADE, related_name="collectieve_activiteit_link")
    activiteit = models.ForeignKey(CollectieveActiviteit, on_delete=models.PROTECT, related_name="acties")

    class Meta:
        verbose_name = _("verwijzing naar een collectieve activiteit")
        verbose_name_plural = _("verwijzingen naar collectieve activiteiten")


# --- klachten en cliëntervaring ------------------------------------------------------------------

class Klacht(models.Model):
    class Status(models.TextChoices):
        ONTVANGEN = "ontvangen", _("Ontvangen")
        IN_BEHANDELING = "in_behandeling", _("In behandeling")
        AFGEHANDELD = "afgehandeld", _("Afgehandeld")

    class Uitkomst(models.TextChoices):
        GEGROND = "gegrond", _("Gegrond")
        DEELS_GEGROND = "deels_gegrond", _("Deels gegrond")
        ONGEGROND = "ongegrond", _("Ongegrond")
        INFORMEEL_OPGELOST = "informeel_opgelost", _("Informeel opgelost")
        INGETROKKEN = "ingetrokken", _("Ingetrokken")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    ontvangen_op = models.DateField(_("ontvangen op"))
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="klachten",
                               verbose_name=_("gebied"))
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="klachten",
                             verbose_name=_("team"))
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    behandeling = models.TextField(_("hoe behandeld"), blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=30, choices=Uitkomst.choices, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ONTVANGEN)
    uiterlijk_afgehandeld = models.DateField(_("uiterlijk afgehandeld"))
    afgehandeld_op = models.DateField(_("afgehandeld op"), null=True, blank=True)
    huishouden = models.ForeignKey(Huishouden, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                   verbose_name=_("huishouden"))
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("klacht")
        verbose_name_plural = _("klachten")
        ordering = ["-ontvangen_op", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(uiterlijk_afgehandeld__gte=F("ontvangen_op")),
                                   name="klacht_termijn_na_ontvangst"),
            models.CheckConstraint(condition=Q(afgehandeld_op__isnull=True) | Q(afgehandeld_op__gte=F("ontvangen_op")),
                                   name="klacht_afgehandeld_na_ontvangst"),
            models.CheckConstraint(condition=~Q(status="afgehandeld") | (Q(afgehandeld_op__isnull=False) & ~Q(
                uitkomst="")), name="klacht_afgehandeld_met_uitkomst"),
        ]

    def __str__(self):
        return self.onderwerp

    def get_absolute_url(self):
        return reverse("gemeenschap:klacht", args=[self.pk])

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id, "huishouden_id": self.huishouden_id}


class ClientervaringScore(models.Model):
    """One question's result of the yearly cliëntervaringsonderzoek, per gebied (or the whole gemeente)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               verbose_name=_("gebied"), help_text=_("Leeg voor de hele gemeente."))
    jaar = models.PositiveSmallIntegerField(_("jaar"), validators=[MinValueValidator(2015), MaxValueValidator(2100)])
    vraag = models.CharField(_("vraag"), max_length=300)
    score = models.DecimalField(_("score (percentage positief)"), max_digits=5, decimal_places=1,
                                validators=[MinValueValidator(0), MaxValueValidator(100)])
    respondenten = models.PositiveIntegerField(_("aantal respondenten"), null=True, blank=True)

    class Meta:
        verbose_name = _("score cliëntervaringsonderzoek")
        verbose_name_plural = _("scores cliëntervaringsonderzoek")
        ordering = ["-jaar", "gebied__naam", "vraag"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "gebied", "jaar", "vraag"], nulls_distinct=False,
                                    name="clientervaring_uniek"),
            models.CheckConstraint(condition=Q(score__gte=0) & Q(score__lte=100), name="clientervaring_score_0_100"),
        ]

    def __str__(self):
        return f"{self.jaar} {self.vraag}: {self.score}"
