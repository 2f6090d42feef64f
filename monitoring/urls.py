from django.urls import path

from monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("runs/nieuw/", views.start, name="start"),
    path("runs/<int:pk>/", views.run, name="run"),
    path("runs/<int:pk>/voortgang/", views.voortgang, name="voortgang"),
    path("runs/<int:pk>/pdf/", views.pdf, name="pdf"),
    path("runs/<int:pk>/kaart/", views.kaart, name="kaart"),
    path("runs/<int:pk>/verloop/<slug:thema>/", views.verloop, name="verloop"),
    path("runs/<int:pk>/cijfers.csv", views.csv_export, name="csv"),
    path("runs/<int:pk>/cijfers.xlsx", views.xlsx_export, name="xlsx"),
    path("runs/<int:pk>/adviesraad.xlsx", views.adviesraad_export, name="adviesraad"),
    path("runs/<int:pk>/acties/nieuw/", views.actie, name="actie"),
    path("vergelijking/", views.vergelijking, name="vergelijking"),
    path("import/", views.importeer, name="importeer"),
    path("indicatoren/", views.indicatoren, name="indicatoren"),
    path("methode/", views.methode, name="methode"),
    path("wijken/<int:wijk_pk>/", views.wijkprofiel, name="wijkprofiel"),
]
