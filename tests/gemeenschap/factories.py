"""Factories for gemeenschap (direct model rows for setting up; the tests of behaviour go through services)."""

from datetime import date

import factory

from gemeenschap import models


class VrijwilligerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Vrijwilliger

    naam = factory.Sequence(lambda n: f"Vrijwilliger {n:03d}")
    email = factory.Sequence(lambda n: f"vrijwilliger{n}@example.org")
    telefoon = "06-11112222"
    gemeente = factory.SelfAttribute("wijk.gemeente")
    aangemeld_op = date(2025, 1, 1)
    organisatie = "Vrijwilligerscentrale"
    vaardigheden = factory.LazyFunction(list)
    beschikbaarheid = factory.LazyFunction(list)

    class Params:
        met_vog = factory.Trait(vog_gecontroleerd=True, vog_datum=date(2025, 2, 1))
