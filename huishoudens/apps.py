from django.apps import AppConfig


class HuishoudensConfig(AppConfig):
    name = "huishoudens"
