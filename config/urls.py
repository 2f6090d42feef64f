from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from common.schema import Router
from gemeenschap import api as gemeenschap_api
from huishoudens import api as huishoudens_api
from monitoring import api as monitoring_api
from toegang import api as toegang_api
from wijkteams import api as wijkteams_api
from wijkteams import views as wijkteams_views
from zelfredzaamheid import api as zelfredzaamheid_api

router = Router()
for module in (wijkteams_api, huishoudens_api, zelfredzaamheid_api, toegang_api, gemeenschap_api, monitoring_api):
    module.registreer(router)

urlpatterns = [
    path("", wijkteams_views.start, name="start"),
    path("", include("inloggen.urls")),
    path("organisatie/", include("wijkteams.urls")),
    path("huishoudens/", include("huishoudens.urls")),
    path("zrm/", include("zelfredzaamheid.urls")),
    path("toegang/", include("toegang.urls")),
    path("gemeenschap/", include("gemeenschap.urls")),
    path("monitoring/", include("monitoring.urls")),
    path("bewaring/", include("bewaring.urls")),
    path("beheer/", admin.site.urls),
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
]

handler404 = "common.fouten.niet_gevonden"
