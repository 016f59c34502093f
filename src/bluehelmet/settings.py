"""Django settings for bluehelmet.

Configuration comes from the environment (see README "Configuration"): ``DATABASE_URL``,
``SECRET_KEY``, ``DEBUG``, ``ALLOWED_HOSTS``, ``BLUEHELMET_DATA_DIR``.
"""

from __future__ import annotations

import datetime
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BASE_DIR.parent.parent
DATA_DIR = Path(os.environ.get("BLUEHELMET_DATA_DIR", PROJECT_ROOT / "var"))


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _private_data_dir() -> None:
    """DATA_DIR holds the database and the secret key: created readable by its owner only."""
    if not DATA_DIR.exists():
        DATA_DIR.mkdir(parents=True, mode=0o700)
        DATA_DIR.chmod(0o700)  # mkdir's mode is subject to the umask


def _private_file(path: Path) -> None:
    """Create an empty file with mode 600 before SQLite does (it would use the umask); SQLite
    gives its -wal and -shm files the database file's mode."""
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def _secret_key() -> str:
    """Use SECRET_KEY from the environment, else a per-installation key kept outside git."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


_private_data_dir()
SECRET_KEY = _secret_key()
DEBUG = _env_bool("DEBUG", False)
# One switch for a deployment behind HTTPS (README "Configuration"; the security block below).
PRODUCTION = _env_bool("BLUEHELMET_PRODUCTION", False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured(
        "BLUEHELMET_PRODUCTION=1 refuses DEBUG=1: debug pages show settings and tracebacks."
    )
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "axes",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "bluehelmet.core",
    "bluehelmet.doctrine",
    "bluehelmet.lifecycle",
    "bluehelmet.mandates",
    "bluehelmet.interop",
    "bluehelmet.operations",
    "bluehelmet.principles",
    "bluehelmet.analysis",
    "bluehelmet.forecasting",
    "bluehelmet.deployment",
    "bluehelmet.planning",
    "bluehelmet.benchmarks",
    "bluehelmet.support",
    "bluehelmet.programmes",
    "bluehelmet.conduct",
    "bluehelmet.outreach",
    "bluehelmet.reports",
    "bluehelmet.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "bluehelmet.core.middleware.ApiBodyLimitMiddleware",  # JSON 413 before the body is read
    "bluehelmet.core.database_busy.DatabaseBusyMiddleware",  # outside the session middleware
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "bluehelmet.core.language.UserLanguageMiddleware",  # the user's saved language first
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "bluehelmet.core.middleware.ActingUserMiddleware",
    "bluehelmet.core.middleware.ActionErrorMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a flagged lockout into its 429 answer
]

ROOT_URLCONF = "bluehelmet.urls"
WSGI_APPLICATION = "bluehelmet.wsgi.application"

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
                "django.template.context_processors.i18n",
                "bluehelmet.core.context_processors.navigation",
            ],
        },
    },
]

# Embedded default: SQLite in WAL mode (see core.apps for the pragma). DATABASE_URL selects
# PostgreSQL, e.g. postgres://user:pass@127.0.0.1:5432/bluehelmet.
try:
    DATABASES = {
        # An empty DATABASE_URL means "not set": the embedded SQLite database.
        "default": dj_database_url.parse(
            os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'bluehelmet.sqlite3'}",
            conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        )
    }
except ValueError as exc:  # unknown scheme or malformed URL: say which, not a traceback
    raise ImproperlyConfigured(
        f"DATABASE_URL is not usable ({exc}); use sqlite:///PATH or postgres://USER:PASS@HOST/DB."
    ) from exc
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        # Seconds a request waits for the write lock before it answers 503 "busy, try again"
        # (core.database_busy); imports commit in short batches so the wait stays short. The
        # background worker waits longer (core.worker.WORKER_BUSY_TIMEOUT).
        "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "5")),
    }
    _name = str(DATABASES["default"]["NAME"])
    if _name and not _name.startswith((":memory:", "file:")):
        _private_file(Path(_name))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Log-in throttling (django-axes; core.accounts): five failures for one username from one
# address lock that pair out for 15 minutes on the log-in page, the admin and the token
# endpoint (429, JSON for the API). The first backend only refuses; ModelBackend authenticates.
AUTHENTICATION_BACKENDS = [
    "bluehelmet.core.accounts.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "bluehelmet.core.accounts.lockout_response"
AXES_CLIENT_IP_CALLABLE = "bluehelmet.core.accounts.client_address"
# API tokens (core.models.ApiToken): hours until a token must be asked for again.
BLUEHELMET_TOKEN_TTL_HOURS = int(os.environ.get("BLUEHELMET_TOKEN_TTL_HOURS", 24 * 7))

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600  # the choice outlives the session (core.language)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every start without it
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Incident files uploaded on the import page (interop.views); kept under DATA_DIR.
IMPORT_UPLOAD_MAX_BYTES = int(os.environ.get("IMPORT_UPLOAD_MAX_BYTES", 200 * 1024 * 1024))
# Photos and documents attached to incidents (DATA_DIR/attachments; operations.models).
INCIDENT_ATTACHMENT_MAX_BYTES = int(
    os.environ.get("INCIDENT_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
)

# Background work (page imports) goes through a database-backed queue: `bluehelmet worker`
# runs it. Tests switch to django_tasks' ImmediateBackend to run tasks in-process.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# Seconds without a sign of life after which a running import or forecast run is taken for
# lost (its worker was killed) and marked failed (core.worker).
JOB_HEARTBEAT_TIMEOUT = int(os.environ.get("JOB_HEARTBEAT_TIMEOUT", "120"))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "bluehelmet.core.api.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "bluehelmet.core.api.pagination.StandardPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "bluehelmet.core.api.exceptions.exception_handler",
    "PAGE_SIZE": 50,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "bluehelmet API",
    "DESCRIPTION": (
        "Peacekeeping operations platform built on the UN Capstone Doctrine (2008). "
        "Every list is scoped to the caller's missions, roles and clearance."
    ),
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "PhaseEnum": "bluehelmet.core.phases.Phase",
        "SensitivityEnum": "bluehelmet.core.permissions.Sensitivity",
        "AuthorityEnum": "bluehelmet.principles.models.Authority",
        "AlertSourceEnum": "bluehelmet.principles.models.AlertSource",
        "DataSourceEnum": "bluehelmet.mandates.models.DataSource",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# BLUEHELMET_PRODUCTION=1: served over HTTPS behind a reverse proxy that sets X-Forwarded-Proto
# (and strips it from clients). Off, plain http on loopback (make run, the tests) keeps working.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = PRODUCTION
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain http
SECURE_HSTS_SECONDS = 365 * 24 * 3600 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None

# Content-Security-Policy (django-csp) on every response: a second line behind the escaping in
# the scripts, so that markup from a record could still not run. No inline script, no other
# origin: the platform is offline and serves all it needs from its own static files (Swagger UI
# too: /api/docs/ loads its start-up script as a file). style-src keeps 'unsafe-inline' because
# templates use style attributes, 500.html and Swagger UI inline <style> blocks and htmx adds
# its indicator styles; styles cannot run code, and with img-src/font-src limited to 'self'
# they cannot send data out. img-src allows data: for Leaflet's and Swagger UI's inline icons.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}
