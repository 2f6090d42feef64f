"""Plan and regisseur invariants in the database, after repairing the rows that break them.

1. ``plan.huishouden`` (denormalised from the traject, held equal by a composite foreign key);
2. the repair (``huishoudens.invarianten.herstel``): a closed traject's plans are closed, older duplicate
   concepts replaced, a traject past intake without regisseur gets its former regisseur back where they are
   still in the team; what it changed is printed;
3. one active plan per household, one concept per traject (partial unique indexes), and a deferred
   constraint trigger: a traject in ``plan`` or ``uitvoering`` has an open regisseur assignment at commit.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from huishoudens import invarianten


def vul_huishouden(apps, schema_editor):
    schema_editor.execute("UPDATE huishoudens_plan p SET huishouden_id = t.huishouden_id "
                          "FROM huishoudens_traject t WHERE t.id = p.traject_id")
    invarianten.controleer_uitgestelde(schema_editor.connection)


def herstel(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        uitkomst = invarianten.herstel(cursor)
    invarianten.controleer_uitgestelde(schema_editor.connection)
    print("\n  huishoudens 0003: " + "\n  huishoudens 0003: ".join(invarianten.rapport(uitkomst)))


SAMENHANG = """
ALTER TABLE huishoudens_traject ADD CONSTRAINT traject_id_huishouden_uniek UNIQUE (id, huishouden_id);
ALTER TABLE huishoudens_plan ADD CONSTRAINT plan_huishouden_van_traject FOREIGN KEY (traject_id, huishouden_id)
  REFERENCES huishoudens_traject (id, huishouden_id) ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED;
"""
SAMENHANG_WEG = """
ALTER TABLE huishoudens_plan DROP CONSTRAINT IF EXISTS plan_huishouden_van_traject;
ALTER TABLE huishoudens_traject DROP CONSTRAINT IF EXISTS traject_id_huishouden_uniek;
"""

REGISSEUR = """
CREATE FUNCTION huishoudens_eis_regisseur(tid bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM huishoudens_traject t WHERE t.id = tid AND t.status IN ('plan', 'uitvoering')
             AND NOT EXISTS (SELECT 1 FROM huishoudens_regisseurtoewijzing r
                             WHERE r.traject_id = t.id AND r.tot IS NULL)) THEN
    RAISE EXCEPTION 'traject % is voorbij de intake en heeft geen regisseur', tid
      USING ERRCODE = 'check_violation', CONSTRAINT = 'traject_na_intake_heeft_regisseur';
  END IF;
END $$;
CREATE FUNCTION huishoudens_controleer_regisseur() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'huishoudens_traject' THEN
    PERFORM huishoudens_eis_regisseur(NEW.id);
  ELSE
    PERFORM huishoudens_eis_regisseur(OLD.traject_id);
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER traject_na_intake_heeft_regisseur
  AFTER INSERT OR UPDATE OF status ON huishoudens_traject DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION huishoudens_controleer_regisseur();
CREATE CONSTRAINT TRIGGER regisseur_blijft_bij_traject_na_intake
  AFTER UPDATE OF tot, traject_id OR DELETE ON huishoudens_regisseurtoewijzing DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION huishoudens_controleer_regisseur();
"""
REGISSEUR_WEG = """
DROP TRIGGER IF EXISTS regisseur_blijft_bij_traject_na_intake ON huishoudens_regisseurtoewijzing;
DROP TRIGGER IF EXISTS traject_na_intake_heeft_regisseur ON huishoudens_traject;
DROP FUNCTION IF EXISTS huishoudens_controleer_regisseur(), huishoudens_eis_regisseur(bigint);
"""


class Migration(migrations.Migration):

    dependencies = [
        ('huishoudens', '0002_dossier_uitbreiding'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='plan',
            name='huishouden',
            field=models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='huishoudens.huishouden'),
        ),
        migrations.RunPython(vul_huishouden, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='plan',
            name='huishouden',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='huishoudens.huishouden'),
        ),
        migrations.RunSQL(SAMENHANG, SAMENHANG_WEG),
        migrations.AlterField(
            model_name='plan',
            name='status',
            field=models.CharField(choices=[('concept', 'Concept'), ('actief', 'Actief'), ('vervangen', 'Vervangen door nieuwere versie'), ('afgesloten', 'Afgesloten met het traject')], default='concept', max_length=20, verbose_name='status'),
        ),
        migrations.RunPython(herstel, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='plan',
            constraint=models.UniqueConstraint(condition=models.Q(('status', 'actief')), fields=('huishouden',), name='een_actief_plan_per_huishouden', violation_error_message='Dit huishouden heeft al een actief plan.'),
        ),
        migrations.AddConstraint(
            model_name='plan',
            constraint=models.UniqueConstraint(condition=models.Q(('status', 'concept')), fields=('traject',), name='een_conceptplan_per_traject', violation_error_message='Dit traject heeft al een conceptplan.'),
        ),
        migrations.RunSQL(REGISSEUR, REGISSEUR_WEG),
    ]
