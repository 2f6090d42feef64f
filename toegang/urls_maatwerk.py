from django.urls import path

from toegang import views_maatwerk as v
from toegang import views_opschaling as o

urlpatterns = [
    path("maatwerk/", v.werkvoorraad, name="maatwerk_werkvoorraad"),
    path("maatwerk/budget/herschikken/", v.budget_herschikken, name="budget_herschikken"),
    path("maatwerk/toewijzingen.json", v.toewijzingen_export, name="toewijzingen_export"),
    path("huishoudens/<int:huishouden_pk>/maatwerk/nieuw/", v.aanvraag_nieuw, name="aanvraag_nieuw"),
    path("maatwerk/<int:pk>/", v.aanvraag, name="aanvraag"),
    path("maatwerk/<int:pk>/besluit/", v.aanvraag_besluit, name="aanvraag_besluit"),
    path("maatwerk/<int:pk>/opnieuw/", v.aanvraag_opnieuw, name="aanvraag_opnieuw"),
    path("maatwerk/<int:pk>/intrekken/", v.aanvraag_intrekken, name="aanvraag_intrekken"),
    path("maatwerk/<int:pk>/beschikking/", v.beschikking, name="beschikking"),
    path("maatwerk/<int:pk>/zorg/start/", v.toewijzing_zorg, {"soort": "start"}, name="zorg_start"),
    path("maatwerk/<int:pk>/zorg/stop/", v.toewijzing_zorg, {"soort": "stop"}, name="zorg_stop"),
    path("opschaling/", o.opschalingen, name="opschalingen"),
    path("huishoudens/<int:huishouden_pk>/opschaling/nieuw/", o.opschaling_nieuw, name="opschaling_nieuw"),
    path("opschaling/<int:pk>/", o.opschaling, name="opschaling"),
    path("opschaling/<int:pk>/<str:actie>/", o.opschaling_actie, name="opschaling_actie"),
    path("bestuurstafel/", o.bestuurstafel, name="bestuurstafel"),
    path("bestuurstafel/<int:pk>/", o.bestuurstafel_casus, name="bestuurstafel_casus"),
    path("beleidssignalen/", o.beleidssignalen, name="beleidssignalen"),
]
