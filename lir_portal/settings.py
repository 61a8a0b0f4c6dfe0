"""Settings of the LIR portal.

Everything that differs between a developer's machine and production comes
from the environment: DEBUG, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, HTTPS and
the mail settings. Development defaults are safe; production fails loudly.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(required whenever DEBUG is off), or set DEBUG=1 for development."
        )
    # Only with DEBUG on (checked above); production refuses to start without a key.
    SECRET_KEY = "development-only-key-never-use-in-production"  # nosec B105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if not DEBUG else "*")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    # The admin with a second factor for the office (lir_portal/admin_site.py).
    "lir_portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.forms",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "simple_history",
    "lir_portal",
    "helpers",
    "municipalities",
    "committees",
    "statements",
    "qualification",
]

MIDDLEWARE = [
    # First, so that every response carries the CSP, static files included.
    "lir_portal.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it answers locked-out logins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lir_portal.urls"
WSGI_APPLICATION = "lir_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lir_portal.context_processors.languages",
            ],
        },
    },
]

# Form widgets are rendered through TEMPLATES, so templates/django/forms/ can
# replace Django's widget templates (a faster select, same HTML).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# SQLite is the embedded default; DATABASE_URL selects PostgreSQL (psycopg 3).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes checks every login first and refuses locked-out ones.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German is the default and the fallback for content fields.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("tr", _("Turkish")),
    ("ar", _("Arabic")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_LANGUAGES = ("de", "en", "tr", "ar")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("de",)

# Static files: collected into STATIC_ROOT and served by whitenoise,
# compressed and with hashed names. No asset comes from another host.
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# HTTPS hardening is on whenever DEBUG is off, unless HTTPS=0 says the site is
# served over plain HTTP (the local `make run`).
HTTPS = env_bool("HTTPS", default=not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
# Only the operator of the domain knows whether every subdomain speaks HTTPS.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Mail: console in development, SMTP configured from the environment.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG or not os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "sent_mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@landesintegrationsrat-nrw.de")

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "lir-portal",
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}


# --- statements (Landtag papers, statements, search, feeds) ---

# Attachments of statements are PDFs of at most this many megabytes.
STATEMENTS_MAX_ATTACHMENT_MB = int(os.environ.get("STATEMENTS_MAX_ATTACHMENT_MB", "20"))
# Statements per page in the public list.
STATEMENTS_PAGE_SIZE = 20
# Entries in the Atom feeds.
STATEMENTS_FEED_SIZE = 30

# Absolute address of the site, for links in mails and calendars made outside a request.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- qualification (seminars and registration) ---
# Hours a confirmation link stays valid (double opt-in).
QUALIFICATION_CONFIRMATION_HOURS = int(os.environ.get("QUALIFICATION_CONFIRMATION_HOURS", "72"))
# Days after a seminar's last session until purge_registrations anonymises its registrations.
QUALIFICATION_RETENTION_DAYS = int(os.environ.get("QUALIFICATION_RETENTION_DAYS", "90"))
# Largest group one registration may bring.
QUALIFICATION_MAX_GROUP_SIZE = int(os.environ.get("QUALIFICATION_MAX_GROUP_SIZE", "30"))
# Form posts allowed from one address within the window (seconds), via the cache.
QUALIFICATION_POST_LIMIT = int(os.environ.get("QUALIFICATION_POST_LIMIT", "10"))
QUALIFICATION_POST_WINDOW = int(os.environ.get("QUALIFICATION_POST_WINDOW", "600"))

# --- security of staff accounts (README: "Security and privacy") ---
# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# account from one address, that pair is locked for the cool-off time. The
# counts live in the database, so every instance of the portal shares them.
# Unlock early with `manage.py axes_reset_username <name>` (or axes_reset).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# Successful logins are not logged: the failures are all the lockout needs.
AXES_DISABLE_ACCESS_LOG = True
# Second factor (django-otp): the issuer shown in authenticator apps.
OTP_TOTP_ISSUER = "LIR-Portal"
# Audit trail (django-simple-history): the admin shows each version; going back to
# an old version is switched off, because it would bypass the seat and mail rules.
SIMPLE_HISTORY_REVERT_DISABLED = True
# django-modeltranslation loads jQuery UI for its admin tabs from a CDN unless told
# otherwise: it comes from this site (static/vendor/jquery-ui/, with its source).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"
