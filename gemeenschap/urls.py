from django.urls import path

from gemeenschap import views, views_overig

app_name = "gemeenschap"

urlpatterns = [
    path("", views.hulpvragen, name="hulpvragen"),
    path("hulpvragen/nieuw/", views.hulpvraag_nieuw, name="hulpvraag_nieuw"),
    path("hulpvragen/<int:pk>/", views.hulpvraag, name="hulpvraag"),
    path("hulpvragen/<int:pk>/koppel/", views.koppel, name="koppel"),
    path("koppelingen/<int:pk>/stap/", views.koppeling_stap, name="koppeling_stap"),
    path("acties/<int:actie_pk>/hulpvraag/", views.hulpvraag_voor_actie, name="hulpvraag_voor_actie"),
    path("acties/<int:actie_pk>/activiteit/", views_overig.actie_activiteit, name="actie_activiteit"),
    path("vrijwilligers/", views.vrijwilligers, name="vrijwilligers"),
    path("vrijwilligers/nieuw/", views.vrijwilliger_nieuw, name="vrijwilliger_nieuw"),
    path("vrijwilligers/<int:pk>/", views.vrijwilliger, name="vrijwilliger"),
    path("vrijwilligers/<int:pk>/wijzigen/", views.vrijwilliger_wijzigen, name="vrijwilliger_wijzigen"),
    path("huishoudens/<int:pk>/", views_overig.huishouden, name="huishouden"),
    path("huishoudens/<int:huishouden_pk>/mantelzorger/", views_overig.mantelzorger_nieuw, name="mantelzorger_nieuw"),
    path("mantelzorg/", views_overig.mantelzorgers, name="mantelzorgers"),
    path("mantelzorg/<int:pk>/", views_overig.mantelzorger, name="mantelzorger"),
    path("mantelzorg/<int:pk>/steun/", views_overig.mantelzorger_steun, name="mantelzorger_steun"),
    path("mantelzorg/<int:pk>/belastingcheck/", views_overig.mantelzorger_check, name="mantelzorger_check"),
    path("activiteiten/", views_overig.activiteiten, name="activiteiten"),
    path("activiteiten/nieuw/", views_overig.activiteit_form, name="activiteit_nieuw"),
    path("activiteiten/<int:pk>/", views_overig.activiteit, name="activiteit"),
    path("activiteiten/<int:pk>/wijzigen/", views_overig.activiteit_form, name="activiteit_wijzigen"),
    path("klachten/", views_overig.klachten, name="klachten"),
    path("klachten/nieuw/", views_overig.klacht_nieuw, name="klacht_nieuw"),
    path("klachten/<int:pk>/", views_overig.klacht, name="klacht"),
    path("clientervaring/", views_overig.clientervaring, name="clientervaring"),
    path("clientervaring/nieuw/", views_overig.clientervaring_nieuw, name="clientervaring_nieuw"),
    path("clientervaring/import/", views_overig.clientervaring_import, name="clientervaring_import"),
    path("cijfers/", views_overig.cijfers, name="cijfers"),
]
