# DRF's plain TokenAuthentication is replaced by hashed, expiring knox tokens (inloggen.ApiToken).
# The old tokens were stored in plain text and never expired: they are removed, not carried over.
# Their owners make a new token after logging in with two factors.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("inloggen", "0001_api_token")]

    operations = [
        migrations.RunSQL("DROP TABLE IF EXISTS authtoken_token", reverse_sql=migrations.RunSQL.noop),
    ]
