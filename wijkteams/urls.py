from django.urls import path

from wijkteams import views
from wijkteams.inrichting import views as inrichting

app_name = "wijkteams"

urlpatterns = [
    path("teams/", views.teams, name="teams"),
    path("teams/<int:pk>/", views.team, name="team"),
    path("sociale-kaart/", views.sociale_kaart, name="sociale_kaart"),
    path("inrichting/", inrichting.inrichting, name="inrichting"),
    path("inrichting/voorbeeld/<slug:code>/", inrichting.voorbeeld, name="inrichting_voorbeeld"),
    path("wijkgrenzen/", views.wijkgrenzen, name="wijkgrenzen"),
    path("plaatsen/", views.plaatsen_beheer, name="plaatsen"),
    path("plaatsen/nieuw/", views.plaats_nieuw, name="plaats_nieuw"),
    path("plaatsen/<int:pk>/", views.plaats_wijzigen, name="plaats_wijzigen"),
    path("inwonertallen/", views.inwonertallen, name="inwonertallen"),
    path("sociale-kaart/beheer/", views.aanbod_beheer, name="aanbod_beheer"),
    path("sociale-kaart/beheer/nieuw/", views.aanbod_nieuw, name="aanbod_nieuw"),
    path("sociale-kaart/beheer/import/", views.aanbod_import, name="aanbod_import"),
    path("sociale-kaart/beheer/<int:pk>/", views.aanbod_wijzigen, name="aanbod_wijzigen"),
    path("sociale-kaart/beheer/<int:pk>/beeindigen/", views.aanbod_beeindigen, name="aanbod_beeindigen"),
]
