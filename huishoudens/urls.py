from django.urls import path, re_path

from huishoudens import registry
from huishoudens.views import coordinator, dossier, gesprek, inzage, kindveiligheid, lijsten, noodtoegang, plan

app_name = "huishoudens"

urlpatterns = [
    path("", lijsten.mijn_huishoudens, name="mijn"),
    path("zoeken/", dossier.zoeken, name="zoeken"),
    path("nieuw/", dossier.nieuw, name="nieuw"),
    path("overdracht/", coordinator.bulk_overdracht, name="bulk_overdracht"),
    path("noodtoegang/", noodtoegang.noodtoegangen, name="noodtoegangen"),
    path("noodtoegang/<int:noodtoegang_pk>/beoordeeld/", noodtoegang.noodtoegang_beoordeeld,
         name="noodtoegang_beoordeeld"),
    path("<int:pk>/noodtoegang/", noodtoegang.noodtoegang, name="noodtoegang"),
    path("<int:pk>/", dossier.huishouden, name="huishouden"),
    # the household page's other tabs (the first, "overzicht", is the household's own address above)
    re_path(r"^(?P<pk>[0-9]+)/(?P<tab>{})/$".format("|".join(registry.TABBLADEN[1:])), dossier.huishouden,
            name="tab"),
    path("<int:pk>/wijzigen/", dossier.wijzig, name="wijzigen"),
    path("<int:pk>/personen/nieuw/", dossier.persoon_toevoegen, name="persoon_toevoegen"),
    path("<int:pk>/personen/<int:persoon_pk>/", dossier.persoon_wijzigen, name="persoon_wijzigen"),
    path("<int:pk>/personen/<int:persoon_pk>/bsn/", dossier.toon_bsn, name="toon_bsn"),
    path("<int:pk>/personen/samenvoegen/", coordinator.samenvoegen, name="samenvoegen"),
    path("<int:pk>/samenvoegen/", coordinator.huishoudens_samenvoegen, name="huishoudens_samenvoegen"),
    path("<int:pk>/relaties/nieuw/", dossier.relatie_toevoegen, name="relatie_toevoegen"),
    path("<int:pk>/netwerk/nieuw/", dossier.netwerk_toevoegen, name="netwerk_toevoegen"),
    path("<int:pk>/ondersteuning/nieuw/", dossier.ondersteuning_toevoegen, name="ondersteuning_toevoegen"),
    path("<int:pk>/traject/nieuw/", dossier.traject_openen, name="traject_openen"),
    path("<int:pk>/traject/status/", dossier.status_wijzigen, name="status"),
    path("<int:pk>/traject/afsluiten/", dossier.afsluiten, name="afsluiten"),
    path("<int:pk>/kindveiligheid/", kindveiligheid.kindveiligheid, name="kindveiligheid"),
    path("<int:pk>/traject/heropenen/", dossier.heropenen, name="heropenen"),
    path("<int:pk>/traject/uitstroom/", dossier.uitstroom, name="uitstroom"),
    path("<int:pk>/traject/regisseur/", dossier.regisseur, name="regisseur"),
    path("<int:pk>/traject/verplaatsen/", dossier.verplaats, name="verplaats"),
    path("<int:pk>/inzage/", dossier.wie_bekeek, name="wie_bekeek"),
    path("<int:pk>/inzage/export.json", inzage.inzage_export, name="inzage_export"),
    path("<int:pk>/personen/<int:persoon_pk>/inzage.json", inzage.inzage_persoon_json, name="inzage_persoon_json"),
    path("<int:pk>/personen/<int:persoon_pk>/inzage.pdf", inzage.inzage_persoon_pdf, name="inzage_persoon_pdf"),
    path("<int:pk>/gesprekken/nieuw/", gesprek.gesprek_form, name="gesprek_nieuw"),
    path("<int:pk>/gesprekken/autosave/", gesprek.gesprek_autosave, name="gesprek_autosave"),
    path("<int:pk>/gesprekken/<int:gesprek_pk>/", gesprek.gesprek, name="gesprek"),
    path("<int:pk>/gesprekken/<int:gesprek_pk>/autosave/", gesprek.gesprek_autosave,
         name="gesprek_autosave_wijzigen"),
    path("<int:pk>/gesprekken/<int:gesprek_pk>/wijzigen/", gesprek.gesprek_form, name="gesprek_wijzigen"),
    path("<int:pk>/gesprekken/<int:gesprek_pk>/verslag.pdf", gesprek.verslag, name="verslag"),
    path("<int:pk>/plannen/nieuw/", plan.plan_maken, name="plan_maken"),
    path("<int:pk>/plannen/<int:plan_pk>/", plan.plan, name="plan"),
]
