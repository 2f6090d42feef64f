from django.apps import AppConfig


class ToegangConfig(AppConfig):
    name = "toegang"
    verbose_name = "Toegang"

    def ready(self):
        from toegang import registratie_maatwerk, registratie_melding

        registratie_melding.registreer()
        registratie_maatwerk.registreer()
