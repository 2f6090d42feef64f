from django.apps import AppConfig


class ZelfredzaamheidConfig(AppConfig):
    name = "zelfredzaamheid"
