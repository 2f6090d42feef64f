"""Settings, read from the environment with local defaults.

``DJANGO_ENV=production`` switches to the production profile: DEBUG off, secure cookies,
HSTS, a secret key that must come from the environment.
"""

import os
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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "guardian",
    "django_celery_beat",
    "django_otp",
    "django_otp.plugins.otp_totp",
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
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "inloggen.middleware.TweeFactorMiddleware",
    "audit.middleware.RequestContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
# Staff log in with two factors (password + TOTP). On by default in production; the demo and the
# tests switch it on where they test it.
TWEE_FACTOR_VERPLICHT = env_bool("TWEE_FACTOR_VERPLICHT", PRODUCTION)
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
if (BASE_DIR / "node_modules").is_dir():
    STATICFILES_DIRS.append(("vendor", BASE_DIR / "node_modules"))
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
# one that many hops from the right (0: REMOTE_ADDR itself). Rate limits count per real client address.
VERTROUWDE_PROXIES = int(env("VERTROUWDE_PROXIES", "1" if PRODUCTION else "0"))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "common.fouten.api_exception_handler",
    # common.afremmen: per real client address (NUM_PROXIES trusted proxies); "publiek" counts anonymous requests
    "DEFAULT_THROTTLE_CLASSES": ["common.afremmen.Publiek"],
    "DEFAULT_THROTTLE_RATES": {
        "publiek": env("PUBLIEK_THROTTLE", "10/hour"),
        "partner": env("PARTNER_THROTTLE", "600/hour"),
        "inwoner_vraag": env("INWONER_VRAAG_THROTTLE", "5/hour"),
        "inwoner_zoeken": env("INWONER_ZOEKEN_THROTTLE", "120/hour"),
    },
    "NUM_PROXIES": VERTROUWDE_PROXIES,
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
    },
}

REDIS_URL = env("REDIS_URL", "redis://127.0.0.1:6379/0")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if not env_bool("CACHE_LOCMEM")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 14 * 60
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

# The audit log is kept at least five years (NEN 7513); older month partitions are detached (audit.partities).
AUDIT_BEWAARTERMIJN_MAANDEN = max(60, int(env("AUDIT_BEWAARTERMIJN_MAANDEN", "60")))

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "wijkteam@gemeente.example.nl")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")

SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Retention (VNG Selectielijst gemeenten): years after closing; weeks for a request never carried out.
BEWAARTERMIJN_WMO_JAREN = int(env("BEWAARTERMIJN_WMO_JAREN", "15"))
BEWAARTERMIJN_JEUGD_JAREN = int(env("BEWAARTERMIJN_JEUGD_JAREN", "20"))
BEWAARTERMIJN_NOOIT_GESTART_WEKEN = int(env("BEWAARTERMIJN_NOOIT_GESTART_WEKEN", "8"))

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
FUNCTIONEEL_BEHEER_APPS = ["wijkteams", "zelfredzaamheid", "toegang", "gemeenschap", "monitoring"]
