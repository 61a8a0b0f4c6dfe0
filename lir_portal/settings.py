"""Settings of the LIR portal.

Everything that differs between a developer's machine and production comes
from the environment: DEBUG, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, HTTPS and
the mail settings. Development defaults are safe; production fails loudly.
"""

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
    SECRET_KEY = "development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if not DEBUG else "*")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
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
    "lir_portal",
    "helpers",
    "municipalities",
    "committees",
    "statements",
    "qualification",
    "opendata",
    "legalpages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous public pages from the cache (lir_portal/pagecache.py): before
    # the session, so a cached page skips the rest of the stack.
    "lir_portal.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lir_portal.middleware.ContentSecurityPolicyMiddleware",
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
                "lir_portal.context_processors.demo_installation",
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
# Our own Arabic date and time style (lir_portal/formats/ar/formats.py).
FORMAT_MODULE_PATH = ["lir_portal.formats"]
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
    },
    # Whole public pages (lir_portal/pagecache.py), apart from the rate limits.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "lir-portal-pages",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

# The page cache: seconds a page may stay stored (0 turns the cache off); it
# is never stale, because every change of public content raises the content
# version that each stored page carries (lir_portal/signals.py).
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", str(60 * 60 * 24)))
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/healthz")
# Writes under these prefixes raise the version (bulk actions bypass model signals).
PAGE_CACHE_BUMP_PREFIXES = ("/admin/",)
# Apps whose saves and deletes change public pages, and their models that don't.
PAGE_CACHE_CONTENT_APPS = (
    "municipalities",
    "committees",
    "statements",
    "qualification",
    "opendata",
    "legalpages",
)
PAGE_CACHE_IGNORED_MODELS = ("qualification.notification", "qualification.vhsaccount")

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

# --- open data (OParl interface and data sets) ---
# The licence of the association's own content (registry entries, statements,
# summaries) in the data sets and the OParl interface, as the office sets it:
# a name and a link, e.g. "CC BY 4.0" and https://creativecommons.org/licenses/by/4.0/.
# Empty: the page says that no licence has been chosen yet.
OPEN_DATA_LICENSE_NAME = os.environ.get("OPEN_DATA_LICENSE_NAME", "")
OPEN_DATA_LICENSE_URL = os.environ.get("OPEN_DATA_LICENSE_URL", "")
# Objects per page of an OParl list, and the most a client may ask for with `limit`.
OPARL_PAGE_SIZE = 100
OPARL_MAX_PAGE_SIZE = 500

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
