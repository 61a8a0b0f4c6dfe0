"""Site-wide promises: settings from the environment, no external requests, static files."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)


def run_settings(env):
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    clean.update(env, DJANGO_SETTINGS_MODULE="lir_portal.settings")
    return subprocess.run(
        [sys.executable, "-c", code], env=clean, cwd=BASE, capture_output=True, text=True
    )


def test_start_up_fails_clearly_without_secret_key_when_debug_is_off():
    result = run_settings({"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_start_up_works_with_secret_key_or_in_debug():
    assert run_settings({"DEBUG": "0", "SECRET_KEY": "x" * 50}).stdout.strip() == "False"
    assert run_settings({"DEBUG": "1"}).stdout.strip() == "True"


def test_database_url_selects_postgresql():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'])"
    )
    env = dict(os.environ)
    env.update(DEBUG="1", DATABASE_URL="postgres://u@127.0.0.1:5999/lir")
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=BASE, capture_output=True, text=True
    )
    assert out.stdout.split() == ["django.db.backends.postgresql", "lir"]


def test_whitenoise_comes_directly_after_the_security_middleware():
    # Only the CSP middleware comes before them, so that static files carry the policy too.
    assert settings.MIDDLEWARE[:3] == [
        "lir_portal.middleware.ContentSecurityPolicyMiddleware",
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]
    assert "CompressedManifest" in settings.STORAGES["staticfiles"]["BACKEND"]


SOURCE_GLOBS = ["templates/**/*.html", "*/templates/**/*.html", "static/**/*.css", "static/**/*.js"]
# Assets are loaded by src=, href= on <link>, url() in CSS and @import.
ASSET_PATTERN = re.compile(
    r"""(?:<(?:script|img|iframe|source|video|audio|embed)[^>]*\ssrc=|<link[^>]*\shref=|url\(|@import\s)\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)


def test_no_asset_is_loaded_from_another_host():
    offenders = []
    for pattern in SOURCE_GLOBS:
        for path in BASE.glob(pattern):
            if ".venv" in path.parts or "staticfiles" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if ASSET_PATTERN.search(line) and 'rel="alternate"' not in line:
                    offenders.append(f"{path.relative_to(BASE)}:{number}: {line.strip()}")
    assert offenders == []


@pytest.mark.django_db
def test_pages_reference_only_local_assets(client):
    html = client.get("/de/").content.decode()
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        if url.startswith(("http://", "https://", "//")):
            assert url.startswith("http://testserver/"), url


@pytest.mark.django_db
def test_static_files_are_served_by_whitenoise_with_hashed_names(client):
    html = client.get("/de/").content.decode()
    css = re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', html)
    assert css, "the stylesheet should have a hashed name"
    response = client.get(css.group(1))
    assert response.status_code == 200
    assert "max-age" in response["Cache-Control"]


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.content.decode()


@pytest.mark.django_db
def test_public_pages_forbid_inline_code_and_other_hosts(client):
    response = client.get("/de/ausschuesse/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    html = response.content.decode()
    assert " style=" not in html
    assert not re.search(r"<script(?![^>]*application/ld\+json)[^>]*>\s*\S", html)


def test_deployment_checks_pass_with_production_settings():
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY="k7#Qz!p2@Lm9$wR4^tY6&uI8*oP0(aS3)dF5_gH7+jK1=lZ2xC4vB6nM8",
        FORCE_HTTPS="1",
        ALLOWED_HOSTS="portal.example.org",
        EMAIL_HOST="mail.example.org",
        # Several workers share one cache (nothing connects to it during checks).
        REDIS_URL="redis://127.0.0.1:6379/0",
        WEB_CONCURRENCY="4",
    )
    env.pop("EMAIL_BACKEND", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        env=env,
        cwd=BASE,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    found = set(re.findall(r"\((security\.\w+)\)", result.stdout + result.stderr))
    # HSTS for subdomains and preloading are left to the domain's operator
    # (HSTS_INCLUDE_SUBDOMAINS, HSTS_PRELOAD); nothing else may be reported.
    assert found <= {"security.W005", "security.W021"}
    env.update(HSTS_INCLUDE_SUBDOMAINS="1", HSTS_PRELOAD="1")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=BASE,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def manage_check(**variables):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"EMAIL_BACKEND", "EMAIL_HOST", "REDIS_URL", "DEBUG", "SECRET_KEY"}
    }
    env.update(variables)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        env=env,
        cwd=BASE,
        capture_output=True,
        text=True,
    )


GOOD_KEY = "k7#Qz!p2@Lm9$wR4^tY6&uI8*oP0(aS3)dF5_gH7+jK1=lZ2xC4vB6nM8"


def test_production_start_stops_on_a_short_secret_key():
    result = manage_check(SECRET_KEY="abc", EMAIL_HOST="mail.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY has 3 characters" in result.stderr
    assert "at least 50" in result.stderr


def test_production_start_stops_without_a_mail_server():
    result = manage_check(SECRET_KEY=GOOD_KEY)
    assert result.returncode != 0
    assert "No mail server is configured" in result.stderr
    # An explicit backend is the operator's choice.
    chosen = manage_check(
        SECRET_KEY=GOOD_KEY, EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend"
    )
    assert chosen.returncode == 0, chosen.stderr


def test_the_deployment_check_warns_when_several_workers_share_no_cache():
    alone = manage_check(SECRET_KEY=GOOD_KEY, EMAIL_HOST="mail.example.org", WEB_CONCURRENCY="4")
    assert "lir_portal.W001" in alone.stdout + alone.stderr
    shared = manage_check(
        SECRET_KEY=GOOD_KEY,
        EMAIL_HOST="mail.example.org",
        WEB_CONCURRENCY="4",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert "lir_portal.W001" not in shared.stdout + shared.stderr
    single = manage_check(SECRET_KEY=GOOD_KEY, EMAIL_HOST="mail.example.org", WEB_CONCURRENCY="1")
    assert "lir_portal.W001" not in single.stdout + single.stderr


def test_the_cgi_variable_https_does_not_switch_on_https_settings():
    """Web servers set HTTPS per request; the portal's switch is FORCE_HTTPS."""
    env = {k: v for k, v in os.environ.items() if k != "FORCE_HTTPS"}
    env.update(
        DEBUG="0", SECRET_KEY=GOOD_KEY, EMAIL_HOST="mail.example.org", HTTPS="0", FORCE_HTTPS=""
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS > 0)",
        ],
        env=env | {"DJANGO_SETTINGS_MODULE": "lir_portal.settings"},
        cwd=BASE,
        capture_output=True,
        text=True,
    )
    # HTTPS=0 (a CGI value) is ignored: with DEBUG off the site stays HTTPS-only.
    assert result.stdout.split() == ["True", "True"], result.stderr
