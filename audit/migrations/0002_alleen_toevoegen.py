"""The audit table refuses UPDATE and DELETE at database level."""

from django.db import migrations

SQL = """
CREATE OR REPLACE FUNCTION audit_alleen_toevoegen() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Het logboek kan niet worden gewijzigd of verwijderd (%).', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_alleen_toevoegen
    BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_alleen_toevoegen();
"""

REVERSE = """
DROP TRIGGER IF EXISTS audit_event_alleen_toevoegen ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_alleen_toevoegen();
"""


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunSQL(SQL, REVERSE)]
