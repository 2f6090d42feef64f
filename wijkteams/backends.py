"""Django's ModelBackend, loading the user's Medewerker record in the same query.

Nearly every page asks for the user's gemeente (``wijkteams.selectors.medewerker_van``): loading it with the
user on each request saves one round trip per request.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class MedewerkerBackend(ModelBackend):
    def get_user(self, user_id):
        User = get_user_model()
        user = User._default_manager.select_related("medewerker").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
