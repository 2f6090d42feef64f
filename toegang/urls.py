"""Gathers the URLs of the three parts of toegang under one namespace."""

from toegang.maatwerk import urls as maatwerk_urls
from toegang.melding import urls as melding_urls
from toegang.opschaling import urls as opschaling_urls

app_name = "toegang"

urlpatterns = melding_urls.urlpatterns + maatwerk_urls.urlpatterns + opschaling_urls.urlpatterns
