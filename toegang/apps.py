from django.apps import AppConfig


class ToegangConfig(AppConfig):
    name = "toegang"
    verbose_name = "Toegang"

    def ready(self):
        from toegang.maatwerk import registratie as maatwerk_registratie
        from toegang.melding import registratie as melding_registratie
        from toegang.opschaling import registratie as opschaling_registratie

        melding_registratie.registreer()
        maatwerk_registratie.registreer()
        opschaling_registratie.registreer()

        from toegang import inrichting

        inrichting.registreer_onderdelen()
