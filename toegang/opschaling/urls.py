from django.urls import path

from toegang.opschaling import views

urlpatterns = [
    path("opschaling/", views.opschalingen, name="opschalingen"),
    path("huishoudens/<int:huishouden_pk>/opschaling/nieuw/", views.opschaling_nieuw, name="opschaling_nieuw"),
    path("opschaling/<int:pk>/", views.opschaling, name="opschaling"),
    path("opschaling/<int:pk>/<str:actie>/", views.opschaling_actie, name="opschaling_actie"),
    path("bestuurstafel/", views.bestuurstafel, name="bestuurstafel"),
    path("bestuurstafel/<int:pk>/", views.bestuurstafel_casus, name="bestuurstafel_casus"),
    path("bestuurstafel/<int:pk>/<str:actie>/", views.bestuurstafel_actie, name="bestuurstafel_actie"),
    path("beleidssignalen/", views.beleidssignalen, name="beleidssignalen"),
]
