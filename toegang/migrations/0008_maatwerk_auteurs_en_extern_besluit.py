"""Four eyes over every author of a request, and external decisions recorded as the external body's.

Adds the authors table (backfilled from the requesters and from who resubmitted after 'teruggestuurd'),
the database triggers that refuse a decision by an author, the external decision's date and letter, and
repairs existing rows before the new check constraints are added. It prints what it changed.
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

from huishoudens.invarianten import controleer_uitgestelde

BESLOTEN = ["toegekend", "afgewezen"]


def herstel_externe_besluiten(apps, schema_editor):
    """Decided external requests get a decision date (the day it was recorded) and lose a gemeente beschikking."""
    from django.core.files.storage import default_storage

    Aanvraag = apps.get_model("toegang", "Aanvraag")
    besloten = Aanvraag.objects.filter(beslisser="extern", status__in=BESLOTEN)
    datums = 0
    for a in besloten.filter(extern_besluitdatum__isnull=True).only("pk", "besloten_op", "aanvraagdatum"):
        datum = timezone.localdate(a.besloten_op) if a.besloten_op else a.aanvraagdatum
        Aanvraag.objects.filter(pk=a.pk).update(extern_besluitdatum=datum)
        datums += 1
    kenmerken = besloten.filter(extern_kenmerk="").update(extern_kenmerk="onbekend (hersteld)")
    beschikkingen = 0
    for a in Aanvraag.objects.filter(beslisser="extern").exclude(beschikking="").only("pk", "beschikking"):
        if default_storage.exists(a.beschikking.name):
            default_storage.delete(a.beschikking.name)
        Aanvraag.objects.filter(pk=a.pk).update(beschikking="", beschikking_gemaakt_op=None)
        beschikkingen += 1
    controleer_uitgestelde(schema_editor.connection)
    print(f"\n  toegang 0007: externe besluiten: {datums} kregen een besluitdatum, {kenmerken} een kenmerk "
          f"'onbekend (hersteld)'; {beschikkingen} beschikkingen op naam van de gemeente verwijderd")


def vul_auteurs(apps, schema_editor):
    """Backfill: the requester of every request and whoever resubmitted one; report decisions by an author."""
    Aanvraag = apps.get_model("toegang", "Aanvraag")
    Auteur = apps.get_model("toegang", "AanvraagAuteur")
    Wijziging = apps.get_model("toegang", "AanvraagStatusWijziging")
    rijen = [Auteur(aanvraag_id=pk, auteur_id=door, rol="aanvrager", op=op)
             for pk, door, op in Aanvraag.objects.values_list("pk", "aangevraagd_door_id", "aangemaakt_op")]
    rijen += [Auteur(aanvraag_id=a, auteur_id=door, rol="opnieuw_ingediend", op=op)
              for a, door, op in Wijziging.objects.filter(van="teruggestuurd", naar="ingediend", door__isnull=False)
              .values_list("aanvraag_id", "door_id", "op")]
    Auteur.objects.bulk_create(rijen, ignore_conflicts=True)
    fout = sorted(set(Aanvraag.objects.filter(besloten_door__isnull=False, auteurs__auteur=models.F("besloten_door"))
                      .values_list("pk", flat=True)))
    controleer_uitgestelde(schema_editor.connection)
    print(f"\n  toegang 0007: {Auteur.objects.count()} auteurs vastgelegd; {len(fout)} eerdere besluiten door een "
          f"auteur gevonden (blijven staan, zie het auditlog): {fout[:20]}")


TRIGGERS = """
CREATE FUNCTION toegang_aanvrager_is_auteur() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO toegang_aanvraagauteur (aanvraag_id, auteur_id, rol, op)
  VALUES (NEW.id, NEW.aangevraagd_door_id, 'aanvrager', now())
  ON CONFLICT (aanvraag_id, auteur_id, rol) DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER aanvrager_is_auteur AFTER INSERT OR UPDATE OF aangevraagd_door_id ON toegang_aanvraag
  FOR EACH ROW EXECUTE FUNCTION toegang_aanvrager_is_auteur();

CREATE FUNCTION toegang_is_auteur(aanvraag bigint, gebruiker integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM toegang_aanvraagauteur WHERE aanvraag_id = aanvraag AND auteur_id = gebruiker)
$$;

CREATE FUNCTION toegang_vier_ogen_besluit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.besloten_door_id IS NOT NULL AND toegang_is_auteur(NEW.id, NEW.besloten_door_id) THEN
    RAISE EXCEPTION 'vier ogen: gebruiker % schreef aanvraag % mee en beslist er niet over',
      NEW.besloten_door_id, NEW.id USING ERRCODE = 'check_violation', CONSTRAINT = 'aanvraag_vier_ogen_auteurs';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER aanvraag_vier_ogen_auteurs BEFORE UPDATE OF besloten_door_id ON toegang_aanvraag
  FOR EACH ROW EXECUTE FUNCTION toegang_vier_ogen_besluit();

CREATE FUNCTION toegang_vier_ogen_statuswijziging() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.naar IN ('toegekend', 'afgewezen', 'teruggestuurd') AND NEW.door_id IS NOT NULL
     AND toegang_is_auteur(NEW.aanvraag_id, NEW.door_id) THEN
    RAISE EXCEPTION 'vier ogen: gebruiker % schreef aanvraag % mee en beslist er niet over',
      NEW.door_id, NEW.aanvraag_id USING ERRCODE = 'check_violation', CONSTRAINT = 'aanvraag_vier_ogen_auteurs';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER aanvraagstatus_vier_ogen BEFORE INSERT ON toegang_aanvraagstatuswijziging
  FOR EACH ROW EXECUTE FUNCTION toegang_vier_ogen_statuswijziging();

CREATE FUNCTION toegang_auteur_niet_beslisser() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM toegang_aanvraag WHERE id = NEW.aanvraag_id AND besloten_door_id = NEW.auteur_id) THEN
    RAISE EXCEPTION 'vier ogen: gebruiker % besliste over aanvraag % en kan er geen auteur van worden',
      NEW.auteur_id, NEW.aanvraag_id USING ERRCODE = 'check_violation', CONSTRAINT = 'aanvraag_vier_ogen_auteurs';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER auteur_niet_beslisser BEFORE INSERT OR UPDATE ON toegang_aanvraagauteur
  FOR EACH ROW EXECUTE FUNCTION toegang_auteur_niet_beslisser();
"""

TRIGGERS_WEG = """
DROP TRIGGER IF EXISTS auteur_niet_beslisser ON toegang_aanvraagauteur;
DROP TRIGGER IF EXISTS aanvraagstatus_vier_ogen ON toegang_aanvraagstatuswijziging;
DROP TRIGGER IF EXISTS aanvraag_vier_ogen_auteurs ON toegang_aanvraag;
DROP TRIGGER IF EXISTS aanvrager_is_auteur ON toegang_aanvraag;
DROP FUNCTION IF EXISTS toegang_auteur_niet_beslisser(), toegang_vier_ogen_statuswijziging(),
  toegang_vier_ogen_besluit(), toegang_is_auteur(bigint, integer), toegang_aanvrager_is_auteur();
"""


class Migration(migrations.Migration):

    dependencies = [
        ('huishoudens', '0002_dossier_uitbreiding'),
        ('toegang', '0007_melding_zonder_huishouden'),
        ('wijkteams', '0003_aanbod'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AanvraagAuteur',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('rol', models.CharField(choices=[('aanvrager', 'Aanvrager'), ('opnieuw_ingediend', 'Aangevuld en opnieuw ingediend'), ('gewijzigd', 'Inhoud gewijzigd')], max_length=20, verbose_name='rol')),
                ('op', models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                'verbose_name': 'auteur van een aanvraag',
                'verbose_name_plural': 'auteurs van aanvragen',
                'ordering': ['op', 'id'],
            },
        ),
        migrations.AddField(
            model_name='aanvraag',
            name='extern_besluitbrief',
            field=models.FileField(blank=True, upload_to='externe_besluiten/%Y/%m/', validators=[django.core.validators.FileExtensionValidator(['pdf'])], verbose_name='besluitbrief externe instantie (PDF)'),
        ),
        migrations.AddField(
            model_name='aanvraag',
            name='extern_besluitdatum',
            field=models.DateField(blank=True, null=True, verbose_name='datum besluit externe instantie'),
        ),
        migrations.RunPython(herstel_externe_besluiten, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='aanvraag',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('beslisser', 'extern'), _negated=True), models.Q(('status__in', ['toegekend', 'afgewezen']), _negated=True), models.Q(models.Q(('extern_kenmerk', ''), _negated=True), ('extern_besluitdatum__isnull', False)), _connector='OR'), name='aanvraag_extern_besluit_vastgelegd'),
        ),
        migrations.AddConstraint(
            model_name='aanvraag',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('beslisser', 'extern'), _negated=True), ('beschikking', ''), _connector='OR'), name='aanvraag_extern_geen_beschikking'),
        ),
        migrations.AddField(
            model_name='aanvraagauteur',
            name='aanvraag',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='auteurs', to='toegang.aanvraag'),
        ),
        migrations.AddField(
            model_name='aanvraagauteur',
            name='auteur',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddConstraint(
            model_name='aanvraagauteur',
            constraint=models.UniqueConstraint(fields=('aanvraag', 'auteur', 'rol'), name='aanvraagauteur_uniek'),
        ),
        migrations.RunPython(vul_auteurs, migrations.RunPython.noop),
        migrations.RunSQL(TRIGGERS, TRIGGERS_WEG),
    ]
