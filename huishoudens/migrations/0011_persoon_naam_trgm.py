"""Trigram indexes for the search's "naam bevat" (selectors.zoek_huishoudens: ``icontains``, which Django writes as
``UPPER(col) LIKE UPPER('%..%')``). Without them every search scanned all persons of every gemeente (650,000 at
Rotterdam scale). Written in SQL: Django 5.2 renders ``OpClass(Upper(..))`` without the parentheses PostgreSQL
needs around an expression followed by an operator class."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('huishoudens', '0010_huishouden_samengevoegd_in'),
    ]

    operations = [
        TrigramExtension(),  # a trusted extension (PostgreSQL 13+): the database owner may create it
        migrations.RunSQL(
            'CREATE INDEX persoon_achternaam_trgm_idx ON huishoudens_persoon USING gin ((UPPER("achternaam")) gin_trgm_ops)',
            'DROP INDEX persoon_achternaam_trgm_idx',
        ),
        migrations.RunSQL(
            'CREATE INDEX persoon_voornamen_trgm_idx ON huishoudens_persoon USING gin ((UPPER("voornamen")) gin_trgm_ops)',
            'DROP INDEX persoon_voornamen_trgm_idx',
        ),
    ]
