"""The plan and regisseur invariants hold in the database itself (updates and raw SQL that bypass the
services are refused), the services keep them, and the repair of migration 0003 reports what it changed."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from huishoudens import invarianten, services
from huishoudens.models import Plan, RegisseurToewijzing, Traject
from tests.huishoudens.factories import maak_dossier

pytestmark = pytest.mark.django_db
S = Traject.Status


def _geweigerd(constraint, actie, *, bij_commit=False):
    """``actie`` must be refused by the database under this constraint name (deferred checks: at commit,
    which ``SET CONSTRAINTS ALL IMMEDIATE`` brings forward inside the test's transaction)."""
    with pytest.raises(IntegrityError) as fout, transaction.atomic():
        actie()
        if bij_commit:
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    assert fout.value.__cause__.diag.constraint_name == constraint


def _afgesloten_traject_met_actief_plan(org):
    h = maak_dossier(org, regisseur=org.mensen["teamlid"])
    oud = h.trajecten.get()
    plan = Plan.objects.create(traject=oud, status=Plan.Status.ACTIEF)
    Traject.objects.filter(pk=oud.pk).update(status=S.AFGESLOTEN, afgesloten_op=timezone.localdate())
    return h, oud, plan


def test_tweede_actief_plan_voor_een_huishouden_geweigerd(org):
    h, oud, _plan = _afgesloten_traject_met_actief_plan(org)
    nieuw = services.open_traject(huishouden=h, team=org.team_a, door=org.mensen["coordinator_eigen_gebied"])
    _geweigerd("een_actief_plan_per_huishouden",
               lambda: Plan.objects.create(traject=nieuw, versie=1, status=Plan.Status.ACTIEF))
    concept = Plan.objects.create(traject=nieuw, versie=1)

    def raw_sql():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE huishoudens_plan SET status = 'actief' WHERE id = %s", [concept.pk])

    _geweigerd("een_actief_plan_per_huishouden", raw_sql)


def test_plan_hoort_bij_het_huishouden_van_zijn_traject(org):
    _h, _oud, plan = _afgesloten_traject_met_actief_plan(org)
    ander = maak_dossier(org, naam="Ander huishouden")
    _geweigerd("plan_huishouden_van_traject",
               lambda: Plan.objects.filter(pk=plan.pk).update(huishouden=ander), bij_commit=True)


def test_tweede_conceptplan_per_traject_geweigerd(org):
    traject = maak_dossier(org).trajecten.get()
    Plan.objects.create(traject=traject, versie=1)
    _geweigerd("een_conceptplan_per_traject", lambda: Plan.objects.create(traject=traject, versie=2))
    with pytest.raises(ValidationError, match="al een actief plan"):
        services.maak_plan(traject=traject, door=org.mensen["teamlid"])


def test_traject_voorbij_intake_zonder_regisseur_geweigerd(org):
    traject = maak_dossier(org).trajecten.get()
    _geweigerd("traject_na_intake_heeft_regisseur",
               lambda: Traject.objects.filter(pk=traject.pk).update(status=S.PLAN), bij_commit=True)

    def raw_sql():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE huishoudens_traject SET status = 'uitvoering' WHERE id = %s", [traject.pk])

    _geweigerd("traject_na_intake_heeft_regisseur", raw_sql, bij_commit=True)
    # before intake, no regisseur is needed
    Traject.objects.filter(pk=traject.pk).update(status=S.IN_ONDERZOEK)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_regisseur_beeindigen_zonder_opvolger_geweigerd(org):
    traject = maak_dossier(org, regisseur=org.mensen["teamlid"]).trajecten.get()
    Traject.objects.filter(pk=traject.pk).update(status=S.UITVOERING)
    _geweigerd("traject_na_intake_heeft_regisseur", lambda: RegisseurToewijzing.objects.filter(
        traject=traject).update(tot=timezone.now()), bij_commit=True)
    _geweigerd("traject_na_intake_heeft_regisseur",
               lambda: RegisseurToewijzing.objects.filter(traject=traject).delete(), bij_commit=True)


def test_overgang_naar_plan_vraagt_een_regisseur(org):
    traject = maak_dossier(org).trajecten.get()
    services.wijzig_status(traject=traject, naar=S.IN_ONDERZOEK, door=org.mensen["teamlid"])
    with pytest.raises(ValidationError, match="Wijs eerst een regisseur toe"):
        services.wijzig_status(traject=traject, naar=S.PLAN, door=org.mensen["teamlid"])
    services.wijs_regisseur_toe(traject=traject, regisseur=org.mensen["teamlid"], door=org.mensen["teamlid"])
    services.wijzig_status(traject=traject, naar=S.PLAN, door=org.mensen["teamlid"])
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the deferred check passes


def test_afsluiten_sluit_het_plan_met_historie(org):
    h = maak_dossier(org, regisseur=org.mensen["teamlid"])
    traject = h.trajecten.get()
    actief = Plan.objects.create(traject=traject, versie=1, status=Plan.Status.ACTIEF)
    services.sluit_traject_af(traject=traject, door=None, reden=Traject.Afsluitreden.DOELEN_BEREIKT)
    actief.refresh_from_db()
    assert actief.status == Plan.Status.AFGESLOTEN and actief.doelen.count() == 0 and not actief.is_bewerkbaar
    services.heropen_traject(traject=traject, door=org.mensen["teamlid"], reden="Terugval")
    nieuw = services.maak_plan(traject=traject, door=org.mensen["teamlid"])
    assert nieuw.versie == 2 and Plan.objects.filter(traject=traject).count() == 2  # the old plan is kept


def test_herstel_en_rapport(org):
    """The repair of migration 0003, on rows that break the rules as the old code let them."""
    _h, oud, plan = _afgesloten_traject_met_actief_plan(org)
    zonder = maak_dossier(org, regisseur=org.mensen["teamlid"], naam="Zonder regisseur").trajecten.get()
    RegisseurToewijzing.objects.filter(traject=zonder).update(tot=timezone.now())
    Traject.objects.filter(pk=zonder.pk).update(status=S.UITVOERING)
    wees = maak_dossier(org, naam="Nooit een regisseur").trajecten.get()
    Traject.objects.filter(pk=wees.pk).update(status=S.PLAN)
    with connection.cursor() as cursor:
        assert invarianten.tel(cursor) == {"plannen_van_afgesloten_trajecten": 1,
                                           "huishoudens_met_meer_actieve_plannen": 0,
                                           "trajecten_met_meer_conceptplannen": 0,
                                           "trajecten_na_intake_zonder_regisseur": 2}
        uitkomst = invarianten.herstel(cursor)
    assert uitkomst["plannen_gesloten"] == 1 and uitkomst["regisseur_hersteld"] == 1
    assert uitkomst["nog_zonder_regisseur"] == [wees.pk]
    plan.refresh_from_db()
    assert plan.status == Plan.Status.AFGESLOTEN
    assert RegisseurToewijzing.objects.get(traject=zonder, tot__isnull=True).regisseur == org.mensen["teamlid"]
    assert f"1 blijven over (trajecten {wees.pk})" in invarianten.rapport(uitkomst)[3]
    Traject.objects.filter(pk=wees.pk).update(status=S.IN_ONDERZOEK)  # or the deferred check fails the teardown


def test_beheercommando_rapporteert(org, capsys):
    _afgesloten_traject_met_actief_plan(org)
    call_command("controleer_dossierinvarianten")
    assert "plannen van afgesloten trajecten: 1" in capsys.readouterr().out
    call_command("controleer_dossierinvarianten", "--herstel")
    assert "1 gevonden, 1 afgesloten" in capsys.readouterr().out
    call_command("controleer_dossierinvarianten")
    assert "plannen van afgesloten trajecten: 0" in capsys.readouterr().out
