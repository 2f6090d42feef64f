from django.contrib.auth import views as auth_views
from django.urls import path

from inloggen import views

urlpatterns = [
    path("inloggen/", views.InlogView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("tweestapsverificatie/", views.instellen, name="tweestapsverificatie"),
    path("tweestapsverificatie/herstelcodes/", views.herstelcodes, name="herstelcodes"),
    path("tweestapsverificatie/beheer/", views.beheer, name="tweestaps-beheer"),
    path("tweestapsverificatie/beheer/<int:pk>/herstellen/", views.herstellen, name="tweestaps-herstellen"),
    path("api-tokens/", views.api_tokens, name="api-tokens"),
    path("api-tokens/intrekken/", views.api_token_intrekken, name="api-token-intrekken"),
    path("sessie/verlengen/", views.sessie_verlengen, name="sessie-verlengen"),
]
