from django.urls import path

from bewaring import views

app_name = "bewaring"

urlpatterns = [
    path("", views.lijsten, name="lijsten"),
    path("opstellen/", views.opstellen, name="opstellen"),
    path("<int:pk>/", views.lijst, name="lijst"),
    path("<int:pk>/bevestigen/", views.bevestigen, name="bevestigen"),
]
