"""Settings, read from the environment with local defaults.

``DJANGO_ENV=production`` switches to the production profile: DEBUG off, secure cookies,
HSTS, a secret key that must come from the environment.
"""

import os
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    return env(name, str(default)).lower() in {"1", "true", "yes", "on"}


ENVIRONMENT = env("DJANGO_ENV", "dev")
PRODUCTION = ENVIRONMENT == "production"

if PRODUCTION:
    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
else:
    SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-insecure-key-never-use-in-production")

DEBUG = env_bool("DJANGO_DEBUG", not PRODUCTION)
ALLOWED_HOSTS = [h for h in env("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in env("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "wijkteams.beheer.BeheerAdminConfig",  # the Django admin, limited to the beheerder's gemeente
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "guardian",
    "django_celery_beat",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "inloggen",
    "common",
    "audit",
    "wijkteams",
    "huishoudens",
    "zelfredzaamheid",
    "toegang",
    "gemeenschap",
    "monitoring",
    "bewaring",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "common.middleware.BeveiligingsKoppenMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "audit.middleware.RequestContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "inloggen.middleware.SessieDuurMiddleware",
    "inloggen.middleware.TweeFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login attempt into the lockout answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wijkteams.context_processors.navigatie",
                "inloggen.context_processors.sessie",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": env("DB_HOST", "127.0.0.1"),
        "PORT": env("DB_PORT", "5432"),
        "NAME": env("DB_NAME", "wijkteam"),
        "USER": env("DB_USER", "postgres"),
        "PASSWORD": env("DB_PASSWORD", ""),
        # Persistent connections: a new connection per request is 6x slower here (notes/PERFORMANCE.md).
        "CONN_MAX_AGE": int(env("DB_CONN_MAX_AGE", "600")),
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {"options": "-c jit=off"},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First, as django-axes asks: refuses a locked-out account or address before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "wijkteams.backends.MedewerkerBackend",  # ModelBackend + the Medewerker record in the same query
    "guardian.backends.ObjectPermissionBackend",
]
ANONYMOUS_USER_NAME = None  # guardian: no anonymous user object

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# Staff log in with two factors (password + TOTP, or a one-time recovery code). On in every profile;
# only the local demo (bin/start) switches it off explicitly, and production refuses that.
TWEE_FACTOR_VERPLICHT = env_bool("TWEE_FACTOR_VERPLICHT", True)
if PRODUCTION and not TWEE_FACTOR_VERPLICHT:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("TWEE_FACTOR_VERPLICHT kan in productie niet uit.")
# Enrolling an authenticator app is possible only this long after the password was proved in the session.
TWEE_FACTOR_INSTELTERMIJN = int(env("TWEE_FACTOR_INSTELTERMIJN", str(10 * 60)))
HERSTELCODES_AANTAL = 10
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Wijkteam")
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Of node_modules only the built files the pages load are served (as /static/vendor/...), nothing else.
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "common.statisch.VendorFinder",
]
VENDOR_MAP = BASE_DIR / "node_modules"
VENDOR_BESTANDEN = [
    "@utrecht/component-library-css/dist/index.css",
    "htmx.org/dist/htmx.min.js",
    # the design tokens of the themes (common/thema.py): each theme's CSS, so switching needs no new build
    "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css",
    "@nl-design-system-unstable/rotterdam-design-tokens/dist/design-tokens.css",
    "@nl-design-system-unstable/rotterdam-design-tokens/dist/custom.css",
]
# The look: an NL Design System theme from npm ("voorbeeld": the NL Design System example theme; "rotterdam":
# Rotterdam's, whose house style only Rotterdam may use, here to show the switch), and the municipality's
# name and logo (a static path; empty for none) in the header and the page title. An unknown theme is a
# system check error (common.E002).
WIJKTEAM_THEMA = env("WIJKTEAM_THEMA", "voorbeeld")
GEMEENTE_NAAM = env("GEMEENTE_NAAM", "Gemeente Voorbeeld")
GEMEENTE_LOGO = env("GEMEENTE_LOGO", "img/gemeente-logo.svg")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# How many reverse proxies in front of the app add themselves to X-Forwarded-For: the real client address is the
# one that many hops from the right (common.clientadres). 0, the default: no proxy is trusted, REMOTE_ADDR is the
# client (a header the client sent itself never counts). Used by the login lockout and every rate limit.
VERTROUWDE_PROXIES = int(env("VERTROUWDE_PROXIES", "0"))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "inloggen.auth.ApiTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "common.fouten.api_exception_handler",
    # common.afremmen: per real client address (common.clientadres); "publiek" counts anonymous requests
    "DEFAULT_THROTTLE_CLASSES": ["common.afremmen.Publiek"],
    "DEFAULT_THROTTLE_RATES": {
        "publiek": env("PUBLIEK_THROTTLE", "10/hour"),
        "partner": env("PARTNER_THROTTLE", "600/hour"),
        "inwoner_vraag": env("INWONER_VRAAG_THROTTLE", "5/hour"),
        "inwoner_zoeken": env("INWONER_ZOEKEN_THROTTLE", "120/hour"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Wijkteam API",
    "DESCRIPTION": "API van de wijkteamregistratie. Alle teksten en foutmeldingen in het Nederlands.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI served from our own static files (drf-spectacular-sidecar), not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # every operation documents 400, 401, 403, 404 and 429 (common.schema)
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "common.schema.foutantwoorden"],
    # One name per choice set used by several apps/fields (otherwise drf-spectacular invents hashed names).
    "ENUM_NAME_OVERRIDES": {
        "TrajectStatusEnum": "huishoudens.models.Traject.Status",
        "AfsluitredenEnum": "huishoudens.models.Traject.Afsluitreden",
        "LeefgebiedEnum": "huishoudens.models.Leefgebied",
        "MetingSoortEnum": "zelfredzaamheid.models.Meting.Soort",
        "DagdeelEnum": "gemeenschap.models.Dagdeel",
        "PeriodeSoortEnum": "monitoring.models.MonitorRun.Soort",
        "AanbodSoortEnum": "wijkteams.models.Aanbod.Soort",
        "AanbodCategorieEnum": "wijkteams.models.Aanbod.Categorie",
        "OpschalingStatusEnum": "toegang.models.Opschaling.Status",
        "BeleidsSignaalThemaEnum": "toegang.models.BeleidsSignaal.Thema",
    },
}

REDIS_URL = env("REDIS_URL", "redis://127.0.0.1:6379/0")
# Redis is a helper, never a single point of failure: every client gives up quickly on a hung or absent
# server (README, "Operations"), and nothing retries on its own; callers decide what degrades.
REDIS_TIMEOUT = float(env("REDIS_TIMEOUT", "0.25"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT,
                            "retry_on_timeout": False}}
    if not env_bool("CACHE_LOCMEM")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_TIMEOUT
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT,
    "retry_on_timeout": False, "health_check_interval": 10,
    # Publishing (web, relay) tries once and gives up; the outbox relay tries again later. A worker keeps
    # reconnecting on its own (broker_connection_max_retries below).
    "max_retries": 0, "interval_start": 0, "interval_step": 0.1, "interval_max": 0.2,
    # A message taken by a worker that died comes back after this long (acks_late); longer than any time limit.
    "visibility_timeout": 20 * 60,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None  # a worker keeps reconnecting until Redis is back
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = REDIS_TIMEOUT
CELERY_REDIS_SOCKET_TIMEOUT = REDIS_TIMEOUT
CELERY_REDIS_RETRY_ON_TIMEOUT = False
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 14 * 60
# A task is acknowledged only when it finished, and put back when its worker was lost (SIGKILL, OOM).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
# Scheduled jobs that catch up a period beat missed (common.planning): started hourly and when beat starts.
INHAALTAKEN = ["monitoring.tasks.start_kwartaalmonitor", "toegang.melding.tasks.stuur_dagoverzicht"]
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

# The audit log is kept at least five years (NEN 7513); older month partitions are detached (audit.partities).
AUDIT_BEWAARTERMIJN_MAANDEN = max(60, int(env("AUDIT_BEWAARTERMIJN_MAANDEN", "60")))

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "wijkteam@gemeente.example.nl")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")

# A session ends after SESSION_COOKIE_AGE in all (absolute) or after SESSIE_INACTIEF_SECONDEN without a
# request (idle); the page warns SESSIE_WAARSCHUWING_SECONDEN before the idle end (inloggen.middleware).
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSIE_INACTIEF_SECONDEN = int(env("SESSIE_INACTIEF_SECONDEN", str(30 * 60)))
SESSIE_WAARSCHUWING_SECONDEN = int(env("SESSIE_WAARSCHUWING_SECONDEN", str(2 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
PERMISSIONS_POLICY = ("accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
                      "microphone=(), payment=(), usb=(), interest-cohort=()")

# Content-Security-Policy (django-csp): only our own files; no inline script or style anywhere.
# Charts are SVG images (img-src data:), not inline SVG, so their own styling stays inside the image.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Login lockout (django-axes): after AXES_FAILURE_LIMIT failures per account and, separately, per client
# address, further attempts are refused for AXES_COOLOFF_TIME.
AXES_FAILURE_LIMIT = int(env("INLOG_MAX_POGINGEN", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("INLOG_BLOKKADE_MINUTEN", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "common.clientadres.client_adres"
AXES_LOCKOUT_CALLABLE = "inloggen.views.geblokkeerd"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# API tokens (django-rest-knox): only a SHA-512 digest is stored; each expires.
KNOX_TOKEN_MODEL = "inloggen.ApiToken"
# knox's own migrations would create its (here swapped-out) AuthToken table anyway, with a foreign key to
# the users that breaks flushing the database; its only model is swapped, so it needs no migrations.
MIGRATION_MODULES = {"knox": None}
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=int(env("API_TOKEN_DAGEN", "30"))),
    "AUTO_REFRESH": False,
    "AUTH_HEADER_PREFIX": "Token",
}

# Retention (VNG Selectielijst gemeenten): years after closing; weeks for a request never carried out.
BEWAARTERMIJN_WMO_JAREN = int(env("BEWAARTERMIJN_WMO_JAREN", "15"))
BEWAARTERMIJN_JEUGD_JAREN = int(env("BEWAARTERMIJN_JEUGD_JAREN", "20"))
BEWAARTERMIJN_NOOIT_GESTART_WEKEN = int(env("BEWAARTERMIJN_NOOIT_GESTART_WEKEN", "8"))

# The destruction record outside the database, replayed after a restore (bewaring.vernietigingslog).
VERNIETIGINGSLOG = Path(env("VERNIETIGINGSLOG", str(BASE_DIR / "var" / "vernietigingslog.jsonl")))

# Small-cell suppression: counts below this are shown as "< 5" in every aggregate output.
ONDERDRUKKING_DREMPEL = int(env("ONDERDRUKKING_DREMPEL", "5"))

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools report every rendering step at INFO.
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
}

# Apps whose models the functioneel beheerder maintains in the beheer (admin) pages; permissions are
# granted to the group after every migrate (wijkteams.apps).
FUNCTIONEEL_BEHEER_APPS = ["wijkteams", "zelfredzaamheid", "toegang", "gemeenschap", "monitoring", "inloggen"]
