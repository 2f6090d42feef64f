from django.urls import path

from toegang.melding import inwoners, views, werkvoorraad

urlpatterns = [
    path("werkvoorraad/", werkvoorraad.werkvoorraad, name="werkvoorraad"),
    path("werkvoorraad/herverdelen/", werkvoorraad.herverdeel, name="werkvoorraad_herverdelen"),
    path("meldingen/nieuw/", views.melding_nieuw, name="melding_nieuw"),
    path("meldingen/<int:pk>/", views.melding, name="melding"),
    path("meldingen/<int:pk>/oppakken/", views.melding_oppakken, name="melding_oppakken"),
    path("meldingen/<int:pk>/koppelen/", views.melding_koppelen, name="melding_koppelen"),
    path("meldingen/<int:pk>/afhandelen/", views.melding_afhandelen, name="melding_afhandelen"),
    path("casusoverleg/<int:team_pk>/", views.casusoverleg, name="casusoverleg"),
    path("casusoverleg/<int:team_pk>/agenderen/", views.casusoverleg_agenderen, name="casusoverleg_agenderen"),
    path("casusoverleg/<int:team_pk>/<int:pk>/besluit/", views.casusoverleg_besluit,
         name="casusoverleg_besluit"),
    path("afwezigheid/", views.afwezigheid, name="afwezigheid"),
    path("inwoners/", inwoners.start, name="inwoner_start"),
    path("inwoners/sociale-kaart/", inwoners.sociale_kaart, name="inwoner_sociale_kaart"),
    path("inwoners/vraag/", inwoners.vraag, name="inwoner_vraag"),
]
