from django.apps import AppConfig


class ToegangConfig(AppConfig):
    name = "toegang"
