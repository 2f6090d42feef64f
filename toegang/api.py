from toegang import api_maatwerk, api_melding


def registreer(router):
    api_melding.registreer(router)
    api_maatwerk.registreer(router)
