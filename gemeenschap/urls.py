from django.urls import path

from gemeenschap.views import (
    activiteiten,
    cijfers,
    clientervaring,
    huishouden,
    hulpvragen,
    klachten,
    mantelzorg,
    vrijwilligers,
)

app_name = "gemeenschap"

urlpatterns = [
    path("", hulpvragen.hulpvragen, name="hulpvragen"),
    path("hulpvragen/nieuw/", hulpvragen.hulpvraag_nieuw, name="hulpvraag_nieuw"),
    path("hulpvragen/<int:pk>/", hulpvragen.hulpvraag, name="hulpvraag"),
    path("hulpvragen/<int:pk>/koppel/", hulpvragen.koppel, name="koppel"),
    path("koppelingen/<int:pk>/stap/", hulpvragen.koppeling_stap, name="koppeling_stap"),
    path("acties/<int:actie_pk>/hulpvraag/", hulpvragen.hulpvraag_voor_actie, name="hulpvraag_voor_actie"),
    path("acties/<int:actie_pk>/activiteit/", huishouden.actie_activiteit, name="actie_activiteit"),
    path("vrijwilligers/", vrijwilligers.vrijwilligers, name="vrijwilligers"),
    path("vrijwilligers/nieuw/", vrijwilligers.vrijwilliger_nieuw, name="vrijwilliger_nieuw"),
    path("vrijwilligers/<int:pk>/", vrijwilligers.vrijwilliger, name="vrijwilliger"),
    path("vrijwilligers/<int:pk>/wijzigen/", vrijwilligers.vrijwilliger_wijzigen, name="vrijwilliger_wijzigen"),
    path("huishoudens/<int:pk>/", huishouden.huishouden, name="huishouden"),
    path("huishoudens/<int:huishouden_pk>/mantelzorger/", mantelzorg.mantelzorger_nieuw, name="mantelzorger_nieuw"),
    path("mantelzorg/", mantelzorg.mantelzorgers, name="mantelzorgers"),
    path("mantelzorg/<int:pk>/", mantelzorg.mantelzorger, name="mantelzorger"),
    path("mantelzorg/<int:pk>/steun/", mantelzorg.mantelzorger_steun, name="mantelzorger_steun"),
    path("mantelzorg/<int:pk>/belastingcheck/", mantelzorg.mantelzorger_check, name="mantelzorger_check"),
    path("activiteiten/", activiteiten.activiteiten, name="activiteiten"),
    path("activiteiten/nieuw/", activiteiten.activiteit_form, name="activiteit_nieuw"),
    path("activiteiten/<int:pk>/", activiteiten.activiteit, name="activiteit"),
    path("activiteiten/<int:pk>/wijzigen/", activiteiten.activiteit_form, name="activiteit_wijzigen"),
    path("klachten/", klachten.klachten, name="klachten"),
    path("klachten/nieuw/", klachten.klacht_nieuw, name="klacht_nieuw"),
    path("klachten/<int:pk>/", klachten.klacht, name="klacht"),
    path("clientervaring/", clientervaring.clientervaring, name="clientervaring"),
    path("clientervaring/nieuw/", clientervaring.clientervaring_nieuw, name="clientervaring_nieuw"),
    path("clientervaring/import/", clientervaring.clientervaring_import, name="clientervaring_import"),
    path("cijfers/", cijfers.cijfers, name="cijfers"),
]
