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
]
