"""caredesk settings. Every value comes from an environment variable (see .env.example)."""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from caredesk.lib.encryption import check_key
from caredesk.lib.env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(env_str("CAREDESK_HOME", str(Path.cwd()))).resolve()
VAR_DIR = Path(env_str("CAREDESK_VAR_DIR", str(BASE_DIR / "var"))).resolve()


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept under var/."""
    configured = env_str("SECRET_KEY", "")
    if configured:
        return configured
    key_file = VAR_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
# Secrets kept in the database (IMAP passwords, webhook secrets) are encrypted with this
# key; empty: with one derived from SECRET_KEY, which `check --deploy` warns about when
# DEBUG is off. Old keys only decrypt, until `caredesk reencrypt_secrets` has moved every
# value to the current key (see caredesk.lib.encryption).
CAREDESK_ENCRYPTION_KEY = env_str("CAREDESK_ENCRYPTION_KEY", "")
if CAREDESK_ENCRYPTION_KEY:
    check_key("CAREDESK_ENCRYPTION_KEY", CAREDESK_ENCRYPTION_KEY)
CAREDESK_ENCRYPTION_OLD_KEYS = [
    check_key("CAREDESK_ENCRYPTION_OLD_KEYS", key)
    for key in env_list("CAREDESK_ENCRYPTION_OLD_KEYS", [])
]
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "caredesk.accounts",
    "caredesk.audit",
    "caredesk.customers",
    "caredesk.tickets",
    "caredesk.channels.email",
    "caredesk.workspace",
    "caredesk.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "caredesk.config.urls"
WSGI_APPLICATION = "caredesk.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

_database_url = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'caredesk.sqlite3'}")
try:
    _database = dj_database_url.parse(_database_url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
except ValueError as error:
    raise ImproperlyConfigured(
        f"DATABASE_URL is not a database URL I understand: {error}"
    ) from None
if _database["ENGINE"] == "django.db.backends.sqlite3":
    Path(_database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the web server read while the task worker writes.
    _database["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    _database["CONN_MAX_AGE"] = 0
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env_str("MEDIA_ROOT", str(VAR_DIR / "media"))},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        ),
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Email: outbound over SMTP. Inbound mailboxes are configured per mailbox in the admin.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be on")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30, minimum=1)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "support@caredesk.localhost")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Inbound email limits: a bigger message is quarantined unparsed; a bigger attachment is
# kept only inside the stored raw message; parsing one message gets this many seconds.
CAREDESK_EMAIL_MAX_MESSAGE_BYTES = env_int(
    "CAREDESK_EMAIL_MAX_MESSAGE_BYTES", 50_000_000, minimum=1
)
CAREDESK_EMAIL_MAX_ATTACHMENT_BYTES = env_int(
    "CAREDESK_EMAIL_MAX_ATTACHMENT_BYTES", 25_000_000, minimum=0
)
CAREDESK_EMAIL_PARSE_SECONDS = env_int("CAREDESK_EMAIL_PARSE_SECONDS", 20, minimum=1)
# A CA bundle for IMAP servers with a private certificate; empty: the system's.
CAREDESK_EMAIL_IMAP_CA_FILE = env_str("CAREDESK_EMAIL_IMAP_CA_FILE", "")
# Files a crash left behind (an attachment whose message never committed, a half-written
# raw message's `.part` file) are removed by each task worker at start and then every
# CAREDESK_ORPHAN_SWEEP_SECONDS (0: off; `caredesk clean_orphan_files` by hand), once
# they are CAREDESK_ORPHAN_GRACE_SECONDS old: a younger one may be a message being stored.
CAREDESK_ORPHAN_SWEEP_SECONDS = env_int("CAREDESK_ORPHAN_SWEEP_SECONDS", 3600, minimum=0)
CAREDESK_ORPHAN_GRACE_SECONDS = env_int("CAREDESK_ORPHAN_GRACE_SECONDS", 86400, minimum=3600)

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Production hardening; `manage.py check --deploy` is clean with DEBUG=0 and HTTPS on.
_https = env_bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", _https)
SESSION_COOKIE_SECURE = _https
CSRF_COOKIE_SECURE = _https
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if _https else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _https
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", _https)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if _https else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOG_LEVEL = env_choice("LOG_LEVEL", "INFO", {"DEBUG", "INFO", "WARNING", "ERROR"})
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Care engine: read customer messages on arrival, in the process that stored them, right
# after the commit (a reading that fails there is queued for the task worker).
CAREDESK_READ_ON_ARRIVAL = env_bool("CAREDESK_READ_ON_ARRIVAL", True)
# A web server process loads the care engine and builds all its pattern pre-checks in a
# background thread at start, so the first composer reviews are as fast as the rest.
CAREDESK_PREPARE_CARE_ENGINE = env_bool("CAREDESK_PREPARE_CARE_ENGINE", True)
# Each task worker reads the customer messages whose reading was lost, at start and then
# every this many seconds; 0 turns that off (`caredesk read_unread` still does it by hand).
CAREDESK_CARE_SWEEP_SECONDS = env_int("CAREDESK_CARE_SWEEP_SECONDS", 60, minimum=0)
