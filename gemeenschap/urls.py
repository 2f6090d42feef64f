app_name = "gemeenschap"

urlpatterns = []
