from django.urls import path

from toegang import views_inwoner, views_melding, views_werkvoorraad

urlpatterns = [
    path("werkvoorraad/", views_werkvoorraad.werkvoorraad, name="werkvoorraad"),
    path("werkvoorraad/herverdelen/", views_werkvoorraad.herverdeel, name="werkvoorraad_herverdelen"),
    path("meldingen/nieuw/", views_melding.melding_nieuw, name="melding_nieuw"),
    path("meldingen/<int:pk>/", views_melding.melding, name="melding"),
    path("meldingen/<int:pk>/oppakken/", views_melding.melding_oppakken, name="melding_oppakken"),
    path("meldingen/<int:pk>/afhandelen/", views_melding.melding_afhandelen, name="melding_afhandelen"),
    path("casusoverleg/<int:team_pk>/", views_melding.casusoverleg, name="casusoverleg"),
    path("casusoverleg/<int:team_pk>/<int:pk>/besluit/", views_melding.casusoverleg_besluit,
         name="casusoverleg_besluit"),
    path("afwezigheid/", views_melding.afwezigheid, name="afwezigheid"),
    path("inwoners/", views_inwoner.start, name="inwoner_start"),
    path("inwoners/sociale-kaart/", views_inwoner.sociale_kaart, name="inwoner_sociale_kaart"),
    path("inwoners/vraag/", views_inwoner.vraag, name="inwoner_vraag"),
]
