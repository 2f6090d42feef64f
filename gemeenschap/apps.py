from django.apps import AppConfig


class GemeenschapConfig(AppConfig):
    """Eigen kracht and the community: mantelzorg, vrijwilligers and matching, collectieve activiteiten,
    klachten and cliëntervaring. Builds on huishoudens; monitoring reads it."""

    name = "gemeenschap"
    verbose_name = "Eigen kracht en gemeenschap"
