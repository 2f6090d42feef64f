"""Redis (cache, throttles) is a helper: when it is down or hung, the caller degrades instead of answering 500.

Anonymous and partner endpoints answer a Dutch 503 with ``Retry-After`` (they are rate-limited, and without the
counter they cannot be); staff pages do not use the cache for anything they need (README, "Operations").
"""

from django.utils.translation import gettext_lazy as _
from redis.exceptions import RedisError
from rest_framework import status
from rest_framework.exceptions import APIException

# Redis errors, and the OS errors a refused or timed-out socket raises on its way there.
CACHE_FOUTEN = (RedisError, OSError)
PROBEER_OPNIEUW_SECONDEN = 30
MELDING = _("De dienst is tijdelijk niet beschikbaar. Probeer het over een halve minuut opnieuw; "
            "er is niets opgeslagen.")


class TijdelijkNietBeschikbaar(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = MELDING
    default_code = "tijdelijk_niet_beschikbaar"
    wait = PROBEER_OPNIEUW_SECONDEN  # DRF's exception handler turns this into Retry-After
