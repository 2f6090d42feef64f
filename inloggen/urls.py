from django.contrib.auth import views as auth_views
from django.urls import path

from inloggen import views

urlpatterns = [
    path("inloggen/", views.InlogView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("tweestapsverificatie/", views.instellen, name="tweestapsverificatie"),
]
