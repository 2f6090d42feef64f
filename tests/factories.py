"""Factories for the organisation. Apps add their own in tests/<app>/factories.py."""

import itertools

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wijkteams import models, rollen, services

WACHTWOORD = "Test-wachtwoord-123"


def bsn_reeks(start):
    """Test BSNs (999…-range, passing the elfproef) from ``start`` on; each test folder takes its own range."""
    from huishoudens.bsn import is_geldig_bsn

    return (str(n) for n in itertools.count(start) if is_geldig_bsn(str(n)))


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Gemeente
        django_get_or_create = ("cbs_code",)

    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    cbs_code = factory.Sequence(lambda n: f"{9000 + n:04d}")


class GebiedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Gebied

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Gebied {n}")


class WijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Wijk
        skip_postgeneration_save = True

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Wijk {n}")
    cbs_code = factory.LazyAttributeSequence(lambda o, n: f"WK{o.gemeente.cbs_code}{n % 100:02d}")

    @factory.post_generation
    def indeling(obj, create, extracted, **kwargs):
        if create and obj.gebied_id:
            from datetime import date

            services.deel_wijk_in(wijk=obj, gebied=obj.gebied, per=date(2015, 1, 1))


class TeamTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.TeamType
        django_get_or_create = ("gemeente", "code")

    gemeente = factory.SubFactory(GemeenteFactory)
    code = "sociaal"
    naam = "Sociaal team"
    voor_jeugd = False

    class Params:
        jgt = factory.Trait(code="jgt", naam="Jeugd- en Gezinsteam", voor_jeugd=True)


class DisciplineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Discipline
        django_get_or_create = ("gemeente", "code")

    gemeente = factory.SubFactory(GemeenteFactory)
    code = "maatschappelijk-werker"
    naam = "Maatschappelijk werker"


def maak_team(gebied, *, jgt=False, naam=None):
    type_ = TeamTypeFactory(gemeente=gebied.gemeente, jgt=jgt)
    return services.maak_team(gemeente=gebied.gemeente, gebied=gebied, type=type_,
                              naam=naam or f"{type_.naam} {gebied.naam}")


def maak_gebruiker(gemeente, *rol_namen, username=None, teams=(), coordinator_van=(), discipline=None):
    User = get_user_model()
    user = User.objects.create_user(
        username=username or f"u{User.objects.count() + 1}-{gemeente.cbs_code}",
        password=WACHTWOORD, first_name="Test", last_name=username or "Gebruiker",
    )
    user.groups.add(*[Group.objects.get_or_create(name=naam)[0] for naam in rol_namen])
    mw = models.Medewerker.objects.create(user=user, gemeente=gemeente, discipline=discipline)
    for team in teams:
        services.voeg_teamlid_toe(team=team, medewerker=mw, uren_per_week=16)
    if coordinator_van:
        services.maak_coordinator(medewerker=mw, gebieden=list(coordinator_van))
    return user


def zonder_coordinatorrol(user):
    """``user`` (freshly read) without the coördinator role while ``Medewerker.coordinator_van`` stays: the state
    of accounts whose role was taken away before ``wijkteams.services.zet_rollen`` ended their coördinatorschap
    too (since 2026-12-08). ``wijkteams.rollen``'s rule must still refuse them."""
    user.groups.remove(Group.objects.get(name=rollen.COORDINATOR))
    return get_user_model().objects.get(pk=user.pk)


def coordinator_van(team):
    """A coördinator of the team's gebied: may open a traject in that team (``rechten.mag_traject_openen``)."""
    return get_user_model().objects.filter(medewerker__coordinator_van=team.gebied_id).order_by("pk").first()


__all__ = ["rollen"]
