"""Settings of the LIR portal.

Everything that differs between a developer's machine and production comes
from the environment: DEBUG, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, FORCE_HTTPS,
REDIS_URL, TRUSTED_PROXIES, the mail and the media storage settings. Development
defaults are safe; production fails loudly.
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
SECRET_KEY_MIN_LENGTH = 50
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(required whenever DEBUG is off), or set DEBUG=1 for development."
        )
    SECRET_KEY = "development-only-key-never-use-in-production"  # nosec B105
elif not DEBUG and len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH:
    raise ImproperlyConfigured(
        f"SECRET_KEY has {len(SECRET_KEY)} characters; with DEBUG off it needs at least "
        f"{SECRET_KEY_MIN_LENGTH}. Make one with: python3 -c "
        '"import secrets; print(secrets.token_urlsafe(50))"'
    )

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
    "opendata",
    "legalpages",
]

MIDDLEWARE = [
    # First, so that every response carries the CSP, static files included.
    "lir_portal.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise: static files (hashed, cached for a year) are not logged.
    "lir_portal.middleware.RequestLogMiddleware",
    # Anonymous public pages from the cache (lir_portal/pagecache.py): before
    # the session, so a cached page skips the rest of the stack.
    "lir_portal.pagecache.PageCacheMiddleware",
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
                "lir_portal.context_processors.demo_installation",
            ],
        },
    },
]

# Form widgets are rendered through TEMPLATES, so templates/django/forms/ can
# replace Django's widget templates (a faster select, same HTML).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# SQLite is the embedded default; DATABASE_URL selects PostgreSQL (psycopg 3).
# CONN_HEALTH_CHECKS: a connection that died (database restarted) is replaced
# at the next request instead of failing it.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers wait for each other instead of failing with "database
    # is locked": WAL lets readers go on while one writes, IMMEDIATE takes the
    # write lock when a transaction starts (no deadlock on upgrading a read
    # lock), and the timeout (seconds) is how long a writer waits for it.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("SQLITE_TIMEOUT", "20")),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    # Django reads QuerySet.iterator() (every select of a form lists its
    # choices so) through a server-side cursor: DECLARE … WITH HOLD, FETCH and
    # CLOSE, three round trips for the 53 Kreise and district-free cities. The
    # portal's lists are short, so the rows come in one answer; this also lets
    # a transaction pooler (PgBouncer) sit in front of PostgreSQL.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    # A database that does not answer (restarting, unreachable) fails the
    # request after this many seconds with the "briefly unavailable" page,
    # instead of holding a worker thread until gunicorn's timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    )
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
# Turkish dates without a leading zero (lir_portal/formats/tr/formats.py).
FORMAT_MODULE_PATH = ["lir_portal.formats"]
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
# Several hosts share the media files (statements' PDFs) through an
# S3-compatible store when its bucket is named (needs the "s3" extra:
# django-storages and boto3). Files stay private: links are signed and expire.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_S3_SECRET_ACCESS_KEY") or None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# HTTPS hardening is on whenever DEBUG is off, unless FORCE_HTTPS=0 says the
# site is served over plain HTTP (the local `make run` and `make serve`). Not
# called HTTPS: web servers set a CGI variable of that name per request, and
# runserver copies the process environment into every request's.
FORCE_HTTPS = env_bool("FORCE_HTTPS", default=not DEBUG)
SESSION_COOKIE_SECURE = FORCE_HTTPS
CSRF_COOKIE_SECURE = FORCE_HTTPS
SECURE_SSL_REDIRECT = FORCE_HTTPS
# Load balancers ask for /healthz over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if FORCE_HTTPS else 0
# Only the operator of the domain knows whether every subdomain speaks HTTPS.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if FORCE_HTTPS else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Addresses (IPs or networks, comma-separated) of the reverse proxies in front
# of the portal. Only for a request that came from one of them is the client
# address read from X-Forwarded-For (rate limits, logs); otherwise it is the
# peer address. Empty: no proxy is trusted.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# Mail: console in development, SMTP configured from the environment. With
# DEBUG off a missing mail server stops start-up: mails with personal links
# must not land in a log. EMAIL_BACKEND set explicitly (e.g. the console for
# `make run`) is respected.
if not os.environ.get("EMAIL_BACKEND") and not os.environ.get("EMAIL_HOST") and not DEBUG:
    raise ImproperlyConfigured(
        "No mail server is configured. Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, ...) "
        "for production, or EMAIL_BACKEND explicitly, e.g. "
        "django.core.mail.backends.console.EmailBackend for local use."
    )
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
# Seconds an SMTP connection may stall before the mail worker gives up and retries later.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "sent_mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@landesintegrationsrat-nrw.de")

# The cache holds the rate limit counts and the whole public pages. With
# REDIS_URL every worker and every instance shares it (django-redis); without
# it each process keeps its own in memory, which is right for the rate limits
# only in a single process (the page cache stays exact either way: its content
# version lives in the database).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    REDIS_OPTIONS = {
        "SOCKET_CONNECT_TIMEOUT": 2,
        "SOCKET_TIMEOUT": 2,
        # Redis down: pages and posts go on (without rate limits and page
        # cache), the error is logged and /healthz reports the cache unavailable.
        "IGNORE_EXCEPTIONS": True,
    }
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "lir",
            "OPTIONS": REDIS_OPTIONS,
        },
        "pages": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "lir-pages",
            "OPTIONS": REDIS_OPTIONS,
        },
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "lir-portal",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "lir-portal-pages",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
# The parts of the page frame that change only with a release (the {% cache %}
# tags of base.html): every process writes its own, in its memory.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "lir-portal-fragments",
}
# Worker processes per instance (gunicorn.conf.py); the deployment check warns
# when several share no cache.
WEB_CONCURRENCY = int(os.environ.get("WEB_CONCURRENCY") or os.cpu_count() or 1)

# The page cache: seconds a page may stay stored (0 turns the cache off); it
# is never stale, because every change of public content raises the content
# version that each stored page carries (lir_portal/signals.py).
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", str(60 * 60 * 24)))
# With Redis the pages cache also keeps a copy of the version (one round trip
# per page instead of two); the copy is renewed from the database at least
# this often, which bounds the harm of a write Redis lost while it was down.
PAGE_CACHE_SHARES_VERSION = bool(REDIS_URL)
PAGE_CACHE_VERSION_SECONDS = int(os.environ.get("PAGE_CACHE_VERSION_SECONDS", "60"))
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

# One line per request and per error on stdout, each with the request id;
# e-mail addresses are masked (lir_portal/logs.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "lir_portal.logs.RequestContextFilter"}},
    "formatters": {
        "line": {
            "()": "lir_portal.logs.MaskingFormatter",
            "format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s",
        }
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["context"],
            "formatter": "line",
        }
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "lir_portal.requests": {
            "handlers": ["stdout"],
            "level": os.environ.get("REQUEST_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
        "qualification.mail": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
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
# Registrations posted from one client address within the window (seconds),
# and posts to one personal link (confirm, cancel) within the same window;
# counted in the cache (shared through Redis when REDIS_URL is set).
QUALIFICATION_POST_LIMIT = int(os.environ.get("QUALIFICATION_POST_LIMIT", "10"))
QUALIFICATION_LINK_POST_LIMIT = int(os.environ.get("QUALIFICATION_LINK_POST_LIMIT", "10"))
QUALIFICATION_POST_WINDOW = int(os.environ.get("QUALIFICATION_POST_WINDOW", "600"))
# Mail worker: attempts per mail before it waits for staff, and the backoff
# (seconds, doubled after each failure up to the maximum).
QUALIFICATION_MAIL_MAX_ATTEMPTS = int(os.environ.get("QUALIFICATION_MAIL_MAX_ATTEMPTS", "8"))
QUALIFICATION_MAIL_RETRY_SECONDS = int(os.environ.get("QUALIFICATION_MAIL_RETRY_SECONDS", "60"))
QUALIFICATION_MAIL_RETRY_MAX_SECONDS = int(
    os.environ.get("QUALIFICATION_MAIL_RETRY_MAX_SECONDS", "3600")
)

# --- security of staff accounts (README: "Security and privacy") ---
# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# account from one address, that pair is locked for the cool-off time. The
# counts live in the database, so every instance of the portal shares them.
# Unlock early with `manage.py axes_reset_username <name>` (or axes_reset).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The client address as the rate limits see it: X-Forwarded-For only from TRUSTED_PROXIES.
AXES_CLIENT_IP_CALLABLE = "helpers.network.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# Successful logins are not logged: the failures are all the lockout needs.
AXES_DISABLE_ACCESS_LOG = True
# Second factor (django-otp): the issuer shown in authenticator apps.
OTP_TOTP_ISSUER = "LIR-Portal"
# Audit trail (django-simple-history): the admin shows each version; going back to
# an old version is switched off, because it would bypass the seat and mail rules.
SIMPLE_HISTORY_REVERT_DISABLED = True
