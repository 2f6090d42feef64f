from django.urls import path

from zelfredzaamheid import views

app_name = "zelfredzaamheid"

urlpatterns = [
    path("verdeling/", views.verdeling, name="verdeling"),
    path("huishouden/<int:pk>/", views.huishouden, name="huishouden"),
    path("huishouden/<int:huishouden_pk>/meting/nieuw/", views.meting_nieuw, name="meting_nieuw"),
    path("meting/<int:pk>/", views.meting, name="meting"),
    path("meting/<int:pk>/wijzigen/", views.meting_wijzig, name="meting_wijzig"),
    path("meting/<int:pk>/corrigeren/", views.meting_corrigeer, name="meting_corrigeer"),
    path("persoon/<int:pk>/grafiek/", views.grafiek, name="grafiek"),
    path("doel/<int:pk>/domeinen/", views.doel_domeinen, name="doel_domeinen"),
]
