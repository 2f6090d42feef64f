from django.urls import path

from huishoudens import views

app_name = "huishoudens"

urlpatterns = [
    path("<int:pk>/", views.huishouden, name="huishouden"),
]
