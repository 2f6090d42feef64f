from django.urls import path

from huishoudens import views, views_coordinator, views_gesprek, views_inzage, views_plan

app_name = "huishoudens"

urlpatterns = [
    path("", views.mijn_huishoudens, name="mijn"),
    path("zoeken/", views.zoeken, name="zoeken"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("overdracht/", views_coordinator.bulk_overdracht, name="bulk_overdracht"),
    path("<int:pk>/", views.huishouden, name="huishouden"),
    path("<int:pk>/wijzigen/", views.wijzig, name="wijzigen"),
    path("<int:pk>/personen/nieuw/", views.persoon_toevoegen, name="persoon_toevoegen"),
    path("<int:pk>/personen/<int:persoon_pk>/", views.persoon_wijzigen, name="persoon_wijzigen"),
    path("<int:pk>/personen/<int:persoon_pk>/bsn/", views.toon_bsn, name="toon_bsn"),
    path("<int:pk>/personen/samenvoegen/", views_coordinator.samenvoegen, name="samenvoegen"),
    path("<int:pk>/relaties/nieuw/", views.relatie_toevoegen, name="relatie_toevoegen"),
    path("<int:pk>/netwerk/nieuw/", views.netwerk_toevoegen, name="netwerk_toevoegen"),
    path("<int:pk>/ondersteuning/nieuw/", views.ondersteuning_toevoegen, name="ondersteuning_toevoegen"),
    path("<int:pk>/traject/nieuw/", views.traject_openen, name="traject_openen"),
    path("<int:pk>/traject/status/", views.status_wijzigen, name="status"),
    path("<int:pk>/traject/afsluiten/", views.afsluiten, name="afsluiten"),
    path("<int:pk>/traject/heropenen/", views.heropenen, name="heropenen"),
    path("<int:pk>/traject/regisseur/", views.regisseur, name="regisseur"),
    path("<int:pk>/inzage/", views.wie_bekeek, name="wie_bekeek"),
    path("<int:pk>/inzage/export.json", views_inzage.inzage_export, name="inzage_export"),
    path("<int:pk>/gesprekken/nieuw/", views_gesprek.gesprek_form, name="gesprek_nieuw"),
    path("<int:pk>/gesprekken/<int:gesprek_pk>/", views_gesprek.gesprek, name="gesprek"),
    path("<int:pk>/gesprekken/<int:gesprek_pk>/wijzigen/", views_gesprek.gesprek_form, name="gesprek_wijzigen"),
    path("<int:pk>/gesprekken/<int:gesprek_pk>/verslag.pdf", views_gesprek.verslag, name="verslag"),
    path("<int:pk>/plannen/nieuw/", views_plan.plan_maken, name="plan_maken"),
    path("<int:pk>/plannen/<int:plan_pk>/", views_plan.plan, name="plan"),
]
