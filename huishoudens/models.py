"""The household dossier: huishouden, personen, netwerk, traject, regisseur, gesprek and plan.

Invariants live in the database: one open traject per household, at most one regisseur at a time
per traject, at most one active plan per traject.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from common import opmaak
from huishoudens.bsn import maskeer, valideer_bsn
from wijkteams.models import Aanbod, Gebied, Gemeente, Team, Wijk


class Leefgebied(models.TextChoices):
    FINANCIEN = "financien", _("Financiën")
    WERK_OPLEIDING = "werk_opleiding", _("Werk en opleiding")
    DAGBESTEDING = "dagbesteding", _("Dagbesteding en tijdsbesteding")
    HUISVESTING = "huisvesting", _("Huisvesting")
    HUISELIJKE_RELATIES = "huiselijke_relaties", _("Huiselijke relaties")
    OPVOEDING = "opvoeding", _("Opvoeding en ontwikkeling kinderen")
    GEESTELIJKE_GEZONDHEID = "geestelijke_gezondheid", _("Geestelijke gezondheid")
    LICHAMELIJKE_GEZONDHEID = "lichamelijke_gezondheid", _("Lichamelijke gezondheid")
    VERSLAVING = "verslaving", _("Middelengebruik")
    ZELFZORG = "zelfzorg", _("Zelfzorg en huishouden (ADL)")
    SOCIAAL_NETWERK = "sociaal_netwerk", _("Sociaal netwerk")
    PARTICIPATIE = "participatie", _("Maatschappelijke participatie")
    JUSTITIE = "justitie", _("Justitie en veiligheid")


class Ladder(models.TextChoices):
    """The ladder of support, lightest first. The order of the choices is the order of the ladder."""

    EIGEN_KRACHT = "eigen_kracht", _("Eigen kracht")
    NETWERK = "netwerk", _("Sociaal netwerk")
    VRIJWILLIGERS = "vrijwilligers", _("Vrijwilligers")
    ALGEMENE_VOORZIENING = "algemene_voorziening", _("Algemene voorziening")
    PROFESSIONEEL = "professioneel", _("Professionele ondersteuning (niet geïndiceerd)")
    MAATWERK = "maatwerk", _("Maatwerkvoorziening (geïndiceerd)")


class Huishouden(models.Model):
    class Samenstelling(models.TextChoices):
        ALLEENSTAAND = "alleenstaand", _("Alleenstaand")
        PAAR = "paar", _("Paar zonder kinderen")
        GEZIN = "gezin", _("Gezin met kinderen")
        EENOUDER = "eenoudergezin", _("Eenoudergezin")
        ANDERS = "anders", _("Anders")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="huishoudens")
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="huishoudens", verbose_name=_("wijk"))
    straat = models.CharField(_("straat"), max_length=150)
    huisnummer = models.PositiveIntegerField(_("huisnummer"))
    toevoeging = models.CharField(_("toevoeging"), max_length=10, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7)
    woonplaats = models.CharField(_("woonplaats"), max_length=100)
    samenstelling = models.CharField(
        _("samenstelling"), max_length=20, choices=Samenstelling.choices, default=Samenstelling.ANDERS
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    naam = models.CharField(_("naam huishouden"), max_length=150, help_text=_("Bijvoorbeeld ‘Familie Jansen’."))
    # Set when a coördinator merged this (duplicate) household into another one (services.voeg_huishoudens_samen):
    # the shell stays for the audit trail, empty and without permissions.
    samengevoegd_in = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                        related_name="samengevoegd", verbose_name=_("samengevoegd in"))

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")
        ordering = ["id"]
        indexes = [
            models.Index(fields=["gemeente", "postcode", "huisnummer"], name="huishouden_adres_idx"),
            models.Index(fields=["wijk"], name="huishouden_wijk_idx"),
        ]

    def __str__(self):
        return self.naam

    @property
    def adres(self):
        return f"{self.straat} {self.huisnummer}{self.toevoeging}, {self.postcode} {self.woonplaats}"

    def get_absolute_url(self):
        return reverse("huishoudens:huishouden", args=[self.pk])

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id, "huishouden_id": self.pk}


def _gemeente_van_huishouden():
    """The gemeente of the row's household, kept by the database (migration 0013's triggers: set on every insert
    and on any change of the row's household or of the household's gemeente; whatever the writer passes is
    overwritten). Lets "how many households may this user see" count the permission rows of the user's gemeente
    from one index, without checking each household."""
    return models.ForeignKey(Gemeente, on_delete=models.DO_NOTHING, db_constraint=False, null=True, blank=True,
                             editable=False, related_name="+", db_index=False)


class HuishoudenUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Huishouden, on_delete=models.CASCADE)
    gemeente = _gemeente_van_huishouden()

    class Meta(UserObjectPermissionBase.Meta):
        indexes = [models.Index(fields=["user", "permission", "gemeente", "content_object"],
                                name="hh_userrecht_gemeente_idx")]


class HuishoudenGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Huishouden, on_delete=models.CASCADE)
    gemeente = _gemeente_van_huishouden()

    class Meta(GroupObjectPermissionBase.Meta):
        indexes = [models.Index(fields=["group", "permission", "gemeente", "content_object"],
                                name="hh_groeprecht_gemeente_idx")]


class Persoon(models.Model):
    class Rol(models.TextChoices):
        HOOFDBEWONER = "hoofdbewoner", _("Hoofdbewoner")
        PARTNER = "partner", _("Partner")
        KIND = "kind", _("Kind")
        OUDER = "ouder", _("Ouder")
        ANDERS = "anders", _("Anders")

    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, related_name="personen")
    voornamen = models.CharField(_("voornamen"), max_length=150)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=150)
    geboortedatum = models.DateField(_("geboortedatum"))
    bsn = models.CharField(_("BSN"), max_length=9, null=True, blank=True, validators=[valideer_bsn])
    rol = models.CharField(_("rol in huishouden"), max_length=20, choices=Rol.choices, default=Rol.ANDERS)
    is_mantelzorger = models.BooleanField(_("is mantelzorger"), default=False)
    mantelzorger_voor = models.CharField(_("mantelzorger voor"), max_length=200, blank=True)
    doet_vrijwilligerswerk = models.BooleanField(_("doet vrijwilligerswerk"), default=False)
    samengevoegd_in = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="samengevoegd",
        verbose_name=_("samengevoegd in"),
    )

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["geboortedatum", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["bsn"],
                condition=Q(bsn__isnull=False, samengevoegd_in__isnull=True),
                name="persoon_bsn_uniek",
                violation_error_message=_("Er is al een persoon met dit BSN geregistreerd."),
            ),
        ]
        indexes = [
            models.Index(fields=["achternaam", "geboortedatum"], name="persoon_naam_geb_idx"),
            # Not declared here: migration 0011 adds trigram indexes (pg_trgm, GIN) on UPPER(achternaam) and
            # UPPER(voornamen) in SQL, for the search's "naam bevat" (icontains); Django 5.2 writes an OpClass on
            # an expression without the parentheses PostgreSQL needs.
        ]

    def __str__(self):
        return self.volledige_naam

    @property
    def volledige_naam(self):
        return " ".join(d for d in (self.voornamen, self.tussenvoegsel, self.achternaam) if d)

    @property
    def bsn_gemaskeerd(self):
        return maskeer(self.bsn)

    def leeftijd(self, op=None):
        op = op or date.today()
        g = self.geboortedatum
        return op.year - g.year - ((op.month, op.day) < (g.month, g.day))

    def is_minderjarig(self, op=None):
        return self.leeftijd(op) < 18

    def audit_context(self):
        return {"huishouden_id": self.huishouden_id, "persoon_id": self.pk}


class Relatie(models.Model):
    class Soort(models.TextChoices):
        PARTNER = "partner", _("Partner van")
        OUDER = "ouder", _("Ouder van")
        VERZORGER = "verzorger", _("Verzorger van")
        BROER_ZUS = "broer_zus", _("Broer/zus van")
        ANDERS = "anders", _("Anders")

    van = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="relaties_van")
    naar = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="relaties_naar")
    soort = models.CharField(_("relatie"), max_length=20, choices=Soort.choices)

    class Meta:
        verbose_name = _("relatie")
        verbose_name_plural = _("relaties")
        constraints = [
            models.UniqueConstraint(fields=["van", "naar", "soort"], name="relatie_uniek"),
            models.CheckConstraint(condition=~Q(van=models.F("naar")), name="relatie_niet_met_zichzelf"),
        ]


class NetwerkLid(models.Model):
    """Someone in the household's network: mantelzorger, family, neighbour, church, volunteer."""

    class Soort(models.TextChoices):
        MANTELZORGER = "mantelzorger", _("Mantelzorger")
        FAMILIE = "familie", _("Familie")
        BUREN = "buren", _("Buren")
        VRIENDEN = "vrienden", _("Vrienden")
        KERK = "kerk", _("Kerk of geloofsgemeenschap")
        VRIJWILLIGER = "vrijwilliger", _("Vrijwilliger")
        ANDERS = "anders", _("Anders")

    huishouden = models.ForeignKey(Huishouden, on_delete=models.CASCADE, related_name="netwerk")
    naam = models.CharField(_("naam"), max_length=150)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    relatie = models.CharField(_("relatie tot het huishouden"), max_length=150, blank=True)
    wat_kan = models.TextField(_("wat kan deze persoon doen"), blank=True)
    contact = models.CharField(_("contactgegevens"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("netwerklid")
        verbose_name_plural = _("netwerk")

    def __str__(self):
        return self.naam


class BestaandeOndersteuning(models.Model):
    huishouden = models.ForeignKey(Huishouden, on_delete=models.CASCADE, related_name="bestaande_ondersteuning")
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    aanbieder = models.CharField(_("aanbieder"), max_length=200, blank=True)
    sinds = models.DateField(_("sinds"), null=True, blank=True)

    class Meta:
        verbose_name = _("bestaande ondersteuning")
        verbose_name_plural = _("bestaande ondersteuning")

    def __str__(self):
        return self.omschrijving


class Traject(models.Model):
    """A household's period of support. Status changes only through huishoudens.services.traject."""

    class Status(models.TextChoices):
        AANGEMELD = "aangemeld", _("Aangemeld")
        IN_ONDERZOEK = "in_onderzoek", _("In onderzoek")
        PLAN = "plan", _("Plan")
        UITVOERING = "uitvoering", _("Uitvoering")
        AFGESLOTEN = "afgesloten", _("Afgesloten")
        HEROPEND = "heropend", _("Heropend")

    class Afsluitreden(models.TextChoices):
        DOELEN_BEREIKT = "doelen_bereikt", _("Doelen bereikt")
        AFGESCHAALD = "afgeschaald", _("Afgeschaald naar eigen kracht en netwerk")
        WLZ = "wlz", _("Verhuisd naar zorginstelling / Wlz")
        VERHUISD = "verhuisd", _("Verhuisd buiten de gemeente")
        OVERLEDEN = "overleden", _("Overleden")
        AFGEZIEN = "afgezien", _("Huishouden ziet af van ondersteuning")
        DOORVERWEZEN = "doorverwezen", _("Doorverwezen")
        NOOIT_GESTART = "nooit_gestart", _("Nooit gestart")

    # the phases before a plan: while the traject is in one of these, the onderzoek deadline of its meldingen
    # still counts (toegang.melding.termijnen.onderzoek_loopt)
    ZONDER_PLAN = (Status.AANGEMELD, Status.IN_ONDERZOEK, Status.HEROPEND)

    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, related_name="trajecten")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="trajecten")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="trajecten")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.AANGEMELD)
    aangemeld_op = models.DateField(_("aangemeld op"), default=date.today)
    afgesloten_op = models.DateField(_("afgesloten op"), null=True, blank=True)
    afsluitreden = models.CharField(_("reden van afsluiten"), max_length=30, choices=Afsluitreden.choices, blank=True)
    afsluit_toelichting = models.TextField(_("toelichting bij afsluiten"), blank=True)
    vervolgdatum = models.DateField(_("vervolgcontact op"), null=True, blank=True)
    zorgen_kindveiligheid = models.BooleanField(_("zorgen over de veiligheid van een kind"), default=False)
    volgende_evaluatie = models.DateField(_("volgende evaluatie"), null=True, blank=True)
    reden_geen_eindmeting = models.TextField(_("reden waarom er geen eindmeting ZRM is"), blank=True)

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        ordering = ["-aangemeld_op", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["huishouden"],
                condition=~Q(status="afgesloten"),
                name="een_open_traject_per_huishouden",
                violation_error_message=_("Dit huishouden heeft al een open traject."),
            ),
            models.CheckConstraint(
                condition=Q(status="afgesloten", afgesloten_op__isnull=False) | ~Q(status="afgesloten"),
                name="afgesloten_traject_heeft_datum",
            ),
        ]
        indexes = [
            models.Index(fields=["team", "status"], name="traject_team_status_idx"),
            models.Index(fields=["volgende_evaluatie"], condition=~Q(status="afgesloten"),
                         name="traject_open_evaluatie_idx"),
            models.Index(fields=["gebied", "aangemeld_op"], name="traject_gebied_datum_idx"),
            # the child-safety banner/badge of every list and page (selectors.met_zorgen_kindveiligheid): a few
            # flagged trajecten, so an EXISTS or its hashed form reads this small index, not all trajecten
            models.Index(fields=["huishouden"], condition=Q(zorgen_kindveiligheid=True),
                         name="traject_kindveiligheid_idx"),
            # the werkvoorraad summary joins its open meldingen only to the trajecten without a plan
            # (toegang.melding.termijnen.met_traject_zonder_plan): ~13 % of the trajecten, read from this index
            models.Index(fields=["id"], condition=Q(status__in=["aangemeld", "in_onderzoek", "heropend"]),
                         name="traject_zonder_plan_idx"),
        ]

    def __str__(self):
        return f"Traject {self.pk} ({self.get_status_display()})"

    @property
    def is_open(self):
        return self.status != self.Status.AFGESLOTEN

    def audit_context(self):
        return {"huishouden_id": self.huishouden_id}


class StatusWijziging(models.Model):
    """History of a traject's status (afsluiten and heropenen included): nothing is overwritten."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="statuswijzigingen")
    van = models.CharField(max_length=20, choices=Traject.Status.choices, blank=True)
    naar = models.CharField(max_length=20, choices=Traject.Status.choices)
    op = models.DateTimeField(auto_now_add=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    reden = models.TextField(blank=True)

    class Meta:
        ordering = ["op", "id"]


class TrajectVerplaatsing(models.Model):
    """History of a traject moving to another team or gebied (Sociaal team → JGT, a move to another wijk): a row
    per move, never overwritten. Written only by ``huishoudens.services.traject.verplaats_traject``."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="verplaatsingen")
    van_team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    naar_team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    van_gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    naar_gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    van_wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    naar_wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    reden = models.TextField(_("reden"))
    op = models.DateTimeField(auto_now_add=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("verplaatsing van een traject")
        verbose_name_plural = _("verplaatsingen van trajecten")
        ordering = ["op", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(van_team=models.F("naar_team")) | ~Q(van_wijk=models.F("naar_wijk")),
                                   name="verplaatsing_verandert_iets"),
            models.CheckConstraint(condition=~Q(reden=""), name="verplaatsing_heeft_reden"),
        ]
        indexes = [models.Index(fields=["van_team", "op"], name="verplaatsing_van_team_idx"),
                   models.Index(fields=["naar_team", "op"], name="verplaatsing_naar_team_idx")]


class KindveiligheidWijziging(models.Model):
    """History of the child-safety flag (``Traject.zorgen_kindveiligheid``): who set it and why, and the
    coördinator's decision that cleared it. Nothing is overwritten."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="kindveiligheid_wijzigingen")
    gezet = models.BooleanField(_("zorgen gemeld"), help_text=_("Aan: zorgen gemeld; uit: opgeheven door besluit."))
    reden = models.TextField(_("reden of besluit"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    op = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        verbose_name = _("wijziging kindveiligheid")
        verbose_name_plural = _("wijzigingen kindveiligheid")
        ordering = ["op", "id"]
        constraints = [models.CheckConstraint(condition=~Q(reden=""), name="kindveiligheid_met_reden")]


class RegisseurToewijzing(models.Model):
    """Who is regisseur of a traject, when. At most one open assignment per traject (database)."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="regisseurs")
    regisseur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="regies")
    van = models.DateTimeField(_("van"), auto_now_add=True)
    tot = models.DateTimeField(_("tot"), null=True, blank=True)
    reden = models.CharField(_("reden"), max_length=200, blank=True)
    toegewezen_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("regisseurstoewijzing")
        verbose_name_plural = _("regisseurstoewijzingen")
        ordering = ["van", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["traject"],
                condition=Q(tot__isnull=True),
                name="een_regisseur_per_traject",
                violation_error_message=_("Dit traject heeft al een regisseur."),
            ),
        ]
        indexes = [models.Index(fields=["regisseur"], condition=Q(tot__isnull=True), name="lopende_regie_idx")]


class Noodtoegang(models.Model):
    """Emergency access ("doorbreekglas"): a professional outside the team opened the dossier with a reason.

    Not a permission row: ``huishoudens.selectors.get_huishouden_voor`` lets the holder read the dossier until
    ``tot``; the coördinator of the gebied reviews it afterwards (``beoordeeld_door``).
    """

    huishouden = models.ForeignKey(Huishouden, on_delete=models.CASCADE, related_name="noodtoegangen")
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="noodtoegangen")
    reden = models.TextField(_("reden"))
    van = models.DateTimeField(_("van"))
    tot = models.DateTimeField(_("tot"))
    beoordeeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                        related_name="+")
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("noodtoegang")
        verbose_name_plural = _("noodtoegangen")
        ordering = ["-van", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(tot__gt=models.F("van")), name="noodtoegang_periode_geldig"),
            models.CheckConstraint(condition=~Q(reden=""), name="noodtoegang_heeft_reden"),
        ]
        indexes = [models.Index(fields=["gebruiker", "huishouden", "-tot"], name="noodtoegang_gebruiker_idx")]

    def audit_context(self):
        return {"gemeente_id": self.huishouden.gemeente_id, "huishouden_id": self.huishouden_id}


class Keukentafelgesprek(models.Model):
    class Plaats(models.TextChoices):
        THUIS = "thuis", _("Thuis")
        ANKERPLAATS = "ankerplaats", _("Ankerplaats")
        VINDPLAATS = "vindplaats", _("Vindplaats")
        TELEFOON = "telefoon", _("Telefonisch")

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        DEFINITIEF = "definitief", _("Definitief")

    traject = models.ForeignKey(Traject, on_delete=models.PROTECT, related_name="gesprekken")
    datum = models.DateField(_("datum"))
    plaats = models.CharField(_("plaats"), max_length=20, choices=Plaats.choices)
    deelnemers_huishouden = models.ManyToManyField(
        Persoon, blank=True, related_name="gesprekken", verbose_name=_("deelnemers uit het huishouden")
    )
    deelnemers_netwerk = models.ManyToManyField(
        NetwerkLid, blank=True, related_name="gesprekken", verbose_name=_("deelnemers uit het netwerk")
    )
    deelnemers_professionals = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("professionals")
    )
    overige_deelnemers = models.CharField(_("overige deelnemers"), max_length=300, blank=True)
    eigen_woorden = models.TextField(_("in de woorden van het huishouden"), blank=True)
    afspraken = models.TextField(_("afspraken"), blank=True)
    clientondersteuning_aangeboden = models.BooleanField(
        _("onafhankelijke cliëntondersteuning is kosteloos aangeboden"), default=False
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    gevoerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    verslag_pdf = models.FileField(_("verslag (PDF)"), upload_to="verslagen/%Y/%m/", blank=True)
    definitief_op = models.DateTimeField(_("definitief gemaakt op"), null=True, blank=True)
    lock_versie = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("keukentafelgesprek")
        verbose_name_plural = _("keukentafelgesprekken")
        ordering = ["-datum", "-id"]

    def __str__(self):
        return f"Keukentafelgesprek {opmaak.datum_nl(self.datum)}"

    @property
    def is_definitief(self):
        return self.status == self.Status.DEFINITIEF

    def audit_context(self):
        return {"huishouden_id": self.traject.huishouden_id}


class GesprekLeefgebied(models.Model):
    gesprek = models.ForeignKey(Keukentafelgesprek, on_delete=models.CASCADE, related_name="leefgebieden")
    leefgebied = models.CharField(_("leefgebied"), max_length=30, choices=Leefgebied.choices)
    wat_speelt = models.TextField(_("wat speelt er"), blank=True)
    eigen_kracht = models.TextField(_("wat kan het huishouden zelf"), blank=True)
    netwerk = models.TextField(_("wat kan het netwerk"), blank=True)
    nodig = models.TextField(_("wat is nodig"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["gesprek", "leefgebied"], name="gesprek_leefgebied_uniek")]


class Plan(models.Model):
    """The household's plan: one active plan per household (across its trajecten), one concept per traject;
    a new version keeps the old one readable, closing the traject closes its plan (``afgesloten``)."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        ACTIEF = "actief", _("Actief")
        VERVANGEN = "vervangen", _("Vervangen door nieuwere versie")
        AFGESLOTEN = "afgesloten", _("Afgesloten met het traject")

    traject = models.ForeignKey(Traject, on_delete=models.PROTECT, related_name="plannen")
    # Denormalised from the traject so the database can hold "one active plan per household"; kept equal to
    # the traject's household by a composite foreign key (migration 0003), filled in on save.
    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, related_name="+", editable=False)
    versie = models.PositiveIntegerField(_("versie"), default=1)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    inzet_netwerk = models.TextField(_("hoe het netwerk wordt ingezet"), blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    gewijzigd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    # Optimistic locking: every save increments it; a save with a stale value is refused.
    lock_versie = models.PositiveIntegerField(default=0)
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plannen")
        ordering = ["-versie"]
        constraints = [
            models.UniqueConstraint(
                fields=["traject"],
                condition=Q(status="actief"),
                name="een_actief_plan_per_traject",
                violation_error_message=_("Dit traject heeft al een actief plan."),
            ),
            models.UniqueConstraint(
                fields=["huishouden"],
                condition=Q(status="actief"),
                name="een_actief_plan_per_huishouden",
                violation_error_message=_("Dit huishouden heeft al een actief plan."),
            ),
            models.UniqueConstraint(
                fields=["traject"],
                condition=Q(status="concept"),
                name="een_conceptplan_per_traject",
                violation_error_message=_("Dit traject heeft al een conceptplan."),
            ),
            models.UniqueConstraint(fields=["traject", "versie"], name="plan_versie_uniek"),
        ]

    def __str__(self):
        return f"Plan versie {self.versie}"

    def save(self, *args, **kwargs):
        if self.huishouden_id is None and self.traject_id is not None:
            self.huishouden_id = Traject.objects.values_list("huishouden_id", flat=True).get(pk=self.traject_id)
        super().save(*args, **kwargs)

    @property
    def is_bewerkbaar(self):
        return self.status in (self.Status.CONCEPT, self.Status.ACTIEF)

    def audit_context(self):
        return {"huishouden_id": self.traject.huishouden_id}


class PlanAkkoord(models.Model):
    class Wijze(models.TextChoices):
        HANDTEKENING = "handtekening", _("Handtekening")
        MONDELING = "mondeling", _("Mondeling")
        DIGITAAL = "digitaal", _("Digitaal")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="akkoorden")
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="+")
    datum = models.DateField(_("datum"))
    wijze = models.CharField(_("hoe"), max_length=20, choices=Wijze.choices)
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)

    class Meta:
        ordering = ["datum", "id"]
        constraints = [models.UniqueConstraint(fields=["plan", "persoon"], name="akkoord_per_persoon")]


class Doel(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="doelen")
    leefgebied = models.CharField(_("leefgebied"), max_length=30, choices=Leefgebied.choices)
    omschrijving = models.TextField(_("doel"))
    resultaat = models.TextField(_("concreet resultaat"), blank=True)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["volgorde", "id"]

    def __str__(self):
        return self.omschrijving[:80]

    def audit_context(self):
        return {"huishouden_id": self.plan.traject.huishouden_id}


class Actie(models.Model):
    doel = models.ForeignKey(Doel, on_delete=models.CASCADE, related_name="acties")
    omschrijving = models.TextField(_("activiteit"))
    ladder = models.CharField(_("trede op de ladder"), max_length=30, choices=Ladder.choices)
    wie = models.CharField(_("wie doet het"), max_length=200)
    aanbod = models.ForeignKey(
        Aanbod,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="acties",
        verbose_name=_("aanbod uit de sociale kaart"),
    )
    start = models.DateField(_("start"), null=True, blank=True)
    eind = models.DateField(_("eind"), null=True, blank=True)

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(eind__isnull=True) | Q(start__isnull=True) | Q(eind__gte=models.F("start")),
                name="actie_eind_na_start",
            ),
        ]

    def __str__(self):
        return self.omschrijving[:80]


class Evaluatie(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="evaluaties")
    gepland_op = models.DateField(_("gepland op"))
    uitgevoerd_op = models.DateField(_("uitgevoerd op"), null=True, blank=True)
    verslag = models.TextField(_("verslag"), blank=True)
    uitgevoerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                        related_name="+")

    class Meta:
        ordering = ["gepland_op", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(uitgevoerd_op__isnull=True) | ~Q(verslag=""),
                name="evaluatie_uitgevoerd_met_verslag",
            ),
        ]


class Uitstroom(models.Model):
    """The outflow of a client to paid work or to education, recorded at the end of a traject or an activity.

    The Participatiewet indicators of the monitor (uitstroom naar werk / naar opleiding) count these rows.
    Written only by ``huishoudens.services.traject.registreer_uitstroom``.
    """

    class Soort(models.TextChoices):
        WERK = "werk", _("Betaald werk")
        OPLEIDING = "opleiding", _("Opleiding of onderwijs")

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="uitstroom")
    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="uitstroom",
                                verbose_name=_("wie"))
    actie = models.ForeignKey(Actie, on_delete=models.SET_NULL, null=True, blank=True, related_name="uitstroom",
                              verbose_name=_("na de activiteit"))
    soort = models.CharField(_("uitstroom naar"), max_length=20, choices=Soort.choices)
    datum = models.DateField(_("datum uitstroom"))
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                           related_name="+")
    geregistreerd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("uitstroom")
        verbose_name_plural = _("uitstroom")
        ordering = ["datum", "id"]
        constraints = [
            models.UniqueConstraint(fields=["traject", "persoon", "soort"], name="uitstroom_een_per_traject",
                                    violation_error_message=_("Deze uitstroom is al vastgelegd.")),
            models.CheckConstraint(condition=Q(soort__in=["werk", "opleiding"]), name="uitstroom_soort_bekend"),
        ]
        indexes = [models.Index(fields=["datum", "soort"], name="uitstroom_datum_idx")]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.datum:%d-%m-%Y})"

    def audit_context(self):
        return {"huishouden_id": self.traject.huishouden_id, "persoon_id": self.persoon_id}
