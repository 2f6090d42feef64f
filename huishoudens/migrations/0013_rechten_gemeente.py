"""The gemeente of each household permission row, kept by the database (issue 15: count the rows of the user's
gemeente from one index instead of checking the household of every visible id).

A BEFORE INSERT/UPDATE trigger on both permission tables sets ``gemeente_id`` from the row's household (a writer
cannot set another value); an AFTER UPDATE trigger on the household moves its rows along when its gemeente
changes. Existing rows are filled once here."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


TABELLEN = ("huishoudens_huishoudenuserobjectpermission", "huishoudens_huishoudengroupobjectpermission")

VOORUIT = [
    """CREATE FUNCTION huishoudens_recht_gemeente() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.gemeente_id := (SELECT h.gemeente_id FROM huishoudens_huishouden h WHERE h.id = NEW.content_object_id);
        RETURN NEW;
    END $$""",
    """CREATE FUNCTION huishoudens_huishouden_gemeente_naar_rechten() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE huishoudens_huishoudenuserobjectpermission SET gemeente_id = NEW.gemeente_id
            WHERE content_object_id = NEW.id;
        UPDATE huishoudens_huishoudengroupobjectpermission SET gemeente_id = NEW.gemeente_id
            WHERE content_object_id = NEW.id;
        RETURN NULL;
    END $$""",
    *(f"""CREATE TRIGGER recht_gemeente BEFORE INSERT OR UPDATE OF content_object_id, gemeente_id ON {t}
        FOR EACH ROW EXECUTE FUNCTION huishoudens_recht_gemeente()""" for t in TABELLEN),
    """CREATE TRIGGER gemeente_naar_rechten AFTER UPDATE OF gemeente_id ON huishoudens_huishouden
        FOR EACH ROW WHEN (OLD.gemeente_id IS DISTINCT FROM NEW.gemeente_id)
        EXECUTE FUNCTION huishoudens_huishouden_gemeente_naar_rechten()""",
    *(f"""UPDATE {t} p SET gemeente_id = h.gemeente_id FROM huishoudens_huishouden h
        WHERE h.id = p.content_object_id""" for t in TABELLEN),
]
TERUG = [
    "DROP TRIGGER gemeente_naar_rechten ON huishoudens_huishouden",
    *(f"DROP TRIGGER recht_gemeente ON {t}" for t in TABELLEN),
    "DROP FUNCTION huishoudens_huishouden_gemeente_naar_rechten()",
    "DROP FUNCTION huishoudens_recht_gemeente()",
]


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('huishoudens', '0012_traject_kindveiligheid_idx'),
        ('wijkteams', '0010_ankerplaatsen_en_golive'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='huishoudengroupobjectpermission',
            name='gemeente',
            field=models.ForeignKey(blank=True, db_constraint=False, db_index=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='wijkteams.gemeente'),
        ),
        migrations.AddField(
            model_name='huishoudenuserobjectpermission',
            name='gemeente',
            field=models.ForeignKey(blank=True, db_constraint=False, db_index=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='wijkteams.gemeente'),
        ),
        migrations.RunSQL(VOORUIT, TERUG),
        migrations.AddIndex(
            model_name='huishoudengroupobjectpermission',
            index=models.Index(fields=['group', 'permission', 'gemeente', 'content_object'], name='hh_groeprecht_gemeente_idx'),
        ),
        migrations.AddIndex(
            model_name='huishoudenuserobjectpermission',
            index=models.Index(fields=['user', 'permission', 'gemeente', 'content_object'], name='hh_userrecht_gemeente_idx'),
        ),
    ]
