from datetime import timedelta

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from knox.auth import TokenAuthentication

# Record the last use at most once a minute per token (one UPDATE, not one per API call).
GEBRUIK_INTERVAL = timedelta(minutes=1)


class ApiTokenAuthentication(TokenAuthentication):
    """django-rest-knox tokens (hashed, expiring), recording when each was last used."""

    def validate_user(self, auth_token):
        user, token = super().validate_user(auth_token)
        nu = timezone.now()
        if token.laatst_gebruikt_op is None or nu - token.laatst_gebruikt_op > GEBRUIK_INTERVAL:
            type(token).objects.filter(pk=token.pk).update(laatst_gebruikt_op=nu)
            token.laatst_gebruikt_op = nu
        return user, token


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "inloggen.auth.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "Authorization",
                "description": "`Token <token>`: een API-token, te maken op /api-tokens/ na inloggen met twee "
                               "stappen. Het token verloopt."}
