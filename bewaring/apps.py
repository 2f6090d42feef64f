from django.apps import AppConfig


class BewaringConfig(AppConfig):
    """Retention (VNG Selectielijst): a job lists closed dossiers past their term (vernietigingslijst),
    a functioneel beheerder confirms, the job anonymises and records that it did."""

    name = "bewaring"
    verbose_name = "Bewaartermijnen en vernietiging"

    def ready(self):
        from wijkteams import rollen
        from wijkteams.context_processors import registreer_menu

        registreer_menu("bewaring:lijsten", "Vernietiging", {rollen.FUNCTIONEEL_BEHEER})
