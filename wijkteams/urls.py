from django.urls import path

from wijkteams import views

app_name = "wijkteams"

urlpatterns = [
    path("teams/", views.teams, name="teams"),
    path("teams/<int:pk>/", views.team, name="team"),
    path("sociale-kaart/", views.sociale_kaart, name="sociale_kaart"),
]
