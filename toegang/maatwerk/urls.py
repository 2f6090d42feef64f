from django.urls import path

from toegang.maatwerk import views

urlpatterns = [
    path("maatwerk/", views.werkvoorraad, name="maatwerk_werkvoorraad"),
    path("maatwerk/budget/herschikken/", views.budget_herschikken, name="budget_herschikken"),
    path("maatwerk/toewijzingen.json", views.toewijzingen_export, name="toewijzingen_export"),
    path("maatwerk/berichten/", views.toewijzing_berichten, name="toewijzing_berichten"),
    path("maatwerk/berichten/<int:aanbieder_pk>/<str:dag>.zip", views.toewijzing_berichten_dag,
         name="toewijzing_berichten_dag"),
    path("huishoudens/<int:huishouden_pk>/maatwerk/nieuw/", views.aanvraag_nieuw, name="aanvraag_nieuw"),
    path("maatwerk/<int:pk>/", views.aanvraag, name="aanvraag"),
    path("maatwerk/<int:pk>/besluit/", views.aanvraag_besluit, name="aanvraag_besluit"),
    path("maatwerk/<int:pk>/opnieuw/", views.aanvraag_opnieuw, name="aanvraag_opnieuw"),
    path("maatwerk/<int:pk>/intrekken/", views.aanvraag_intrekken, name="aanvraag_intrekken"),
    path("maatwerk/<int:pk>/beschikking/", views.beschikking, name="beschikking"),
    path("maatwerk/<int:pk>/besluitbrief/", views.besluitbrief, name="besluitbrief"),
    path("maatwerk/<int:pk>/zorg/start/", views.toewijzing_zorg, {"soort": "start"}, name="zorg_start"),
    path("maatwerk/<int:pk>/zorg/stop/", views.toewijzing_zorg, {"soort": "stop"}, name="zorg_stop"),
]
