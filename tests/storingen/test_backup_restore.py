"""bin/backup and bin/restore on the demo: every row and every stored file comes back, into an empty database;
a destruction carried out after the backup is replayed, so the restore does not bring a destroyed dossier back."""

import hashlib
import os
import subprocess
from datetime import date
from pathlib import Path

import psycopg
import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection

from bewaring import services as bewaring_services
from huishoudens import services as huishoudens_services
from huishoudens.models import Huishouden, Keukentafelgesprek, Persoon
from huishoudens.verslag import bewaar_definitief_verslag
from wijkteams.models import Gemeente, Team

# transaction: pg_dump must see the data; serialized_rollback: the rows of data migrations the demo builds on;
# serieel: it runs pg_dump/pg_restore and creates a database, alone after the parallel part of bin/test
pytestmark = [pytest.mark.storing, pytest.mark.serieel,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _verbind(db):
    d = connection.settings_dict
    return psycopg.connect(host=d["HOST"], port=d["PORT"], dbname=db, user=d["USER"], password=d["PASSWORD"] or None,
                           autocommit=True)


def vingerafdruk(db):
    """Per table of the public schema: the number of rows and a hash over all rows in a fixed order."""
    with _verbind(db) as c:
        tabellen = [r[0] for r in c.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        return {t: c.execute(f'SELECT count(*), md5(coalesce(string_agg(t::text, \'|\' ORDER BY t::text), \'\')) '
                             f'FROM "{t}" t').fetchone() for t in tabellen}


def bestanden(map_):
    return {str(p.relative_to(map_)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in Path(map_).rglob("*") if p.is_file()}


def draai(script, *args, **env):
    uit = subprocess.run(["bash", str(Path(django_settings.BASE_DIR) / "bin" / script), *map(str, args)],
                         env=dict(os.environ, **{k: str(v) for k, v in env.items()}), capture_output=True, text=True,
                         timeout=300)
    assert uit.returncode == 0, uit.stderr[-3000:]
    return uit


@pytest.fixture
def herstel_db():
    naam = connection.settings_dict["NAME"] + "_herstel"
    yield naam
    with _verbind("postgres") as c:
        c.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


def _oud_dossier(gemeente):
    team = Team.objects.filter(gemeente=gemeente, type__voor_jeugd=False).first()
    h = Huishouden.objects.create(gemeente=gemeente, wijk=team.gebied.wijken.first(), straat="Kerkweg",
                                  huisnummer=1, postcode="2981 AA", woonplaats="Ridderkerk", naam="Familie Oud")
    Persoon.objects.create(huishouden=h, voornamen="Jan", achternaam="Oud", geboortedatum=date(1950, 5, 1),
                           bsn="999990111")  # a test BSN the demo does not use
    traject = huishoudens_services.open_traject(huishouden=h, team=team, door=None, aangemeld_op=date(2000, 1, 1))
    huishoudens_services.sluit_traject_af(traject=traject, door=None, reden="doelen_bereikt", op=date(2001, 1, 1))
    return h


def test_backup_en_restore_van_de_demo(settings, tmp_path, herstel_db):
    call_command("demo_data", stdout=open(os.devnull, "w"))  # noqa: SIM115
    gemeente = Gemeente.objects.get(cbs_code="0597")
    oud = _oud_dossier(gemeente)
    for gesprek in Keukentafelgesprek.objects.filter(status="definitief")[:3]:
        bewaar_definitief_verslag(gesprek.pk)
    media = Path(settings.MEDIA_ROOT)
    voor_backup, bestanden_voor = vingerafdruk(connection.settings_dict["NAME"]), bestanden(media)
    assert bestanden_voor and voor_backup["huishoudens_huishouden"][0] > 10

    backup = tmp_path / "backup"
    draai("backup", backup, MEDIA_ROOT=media, DB_NAME=connection.settings_dict["NAME"])
    assert {p.name for p in backup.iterdir()} == {"database.dump", "media.tar", "info.txt", "MANIFEST.sha256"}

    # 1. restore into an empty database and an empty folder: every row and every file again
    media_terug = tmp_path / "media-terug"
    draai("restore", backup, DB_NAME=herstel_db, MEDIA_ROOT=media_terug)
    assert vingerafdruk(herstel_db) == voor_backup
    assert bestanden(media_terug) == bestanden_voor
    # a second restore over it is refused: only into an empty database
    uit = subprocess.run(["bash", str(Path(settings.BASE_DIR) / "bin" / "restore"), str(backup)],
                         env=dict(os.environ, DB_NAME=herstel_db, MEDIA_ROOT=str(tmp_path / "leeg")),
                         capture_output=True, text=True)
    assert uit.returncode != 0 and "not empty" in uit.stderr

    # 2. a destruction after the backup, then the backup restored again: the dossier stays destroyed
    lijst = bewaring_services.stel_lijst_op(gemeente=gemeente)
    assert oud.pk in set(lijst.regels.values_list("huishouden_id", flat=True))
    bewaring_services.bevestig_lijst(lijst=lijst, door=gemeente.medewerkers.get(user__username="beheer").user)
    bewaring_services.voer_vernietiging_uit(lijst_id=lijst.pk)
    with _verbind("postgres") as c:
        c.execute(f'DROP DATABASE "{herstel_db}" WITH (FORCE)')
    draai("restore", backup, DB_NAME=herstel_db, MEDIA_ROOT=tmp_path / "media-terug-2")
    with _verbind(herstel_db) as c:
        naam, = c.execute("SELECT naam FROM huishoudens_huishouden WHERE id = %s", [oud.pk]).fetchone()
        bsns = c.execute("SELECT bsn FROM huishoudens_persoon WHERE huishouden_id = %s", [oud.pk]).fetchall()
        uitgevoerd, = c.execute("SELECT count(*) FROM bewaring_vernietigingsregel WHERE huishouden_id = %s "
                                "AND uitgevoerd_op IS NOT NULL", [oud.pk]).fetchone()
    assert naam == "Geanonimiseerd" and bsns == [(None,)] and uitgevoerd == 1
