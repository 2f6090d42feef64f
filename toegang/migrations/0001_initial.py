from django.db import migrations


class Migration(migrations.Migration):
    """Empty start: meldingen (0002_melding) and maatwerk (0002_maatwerk) grow from here."""

    initial = True
    dependencies = [("huishoudens", "0001_initial")]
    operations = []
