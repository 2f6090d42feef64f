from toegang import urls_maatwerk, urls_melding

app_name = "toegang"

urlpatterns = urls_melding.urlpatterns + urls_maatwerk.urlpatterns
