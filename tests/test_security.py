"""Site-wide security promises: links stay on the site, pages that only show refuse other
methods, every response carries a Content-Security-Policy."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from .public_urls import POST_ONLY, POSTING, public_patterns

pytestmark = pytest.mark.django_db

SAMPLE = {"int": 1, "slug": "x", "string": "x"}


def sample_url(pattern, language="de"):
    kwargs = {
        name: SAMPLE[type(converter).__name__.removesuffix("Converter").lower()]
        for name, converter in pattern.converters.items()
    }
    with translation.override(language):
        return reverse(pattern.name, kwargs=kwargs)


def test_the_url_walk_finds_the_public_pages():
    names = {pattern.name for pattern in public_patterns()}
    assert {"home", "sitemap", "statements:preview", "qualification:seminar_detail"} <= names
    assert not any(name.startswith("admin:") for name in names)


@pytest.mark.parametrize(
    "path",
    ["//evil.example/x", "//evil.example/", "/\\evil.example/x", "///evil.example/x"],
)
def test_language_links_and_alternates_stay_on_this_site(client, path):
    # The test client would read "//host/..." as a host: the path goes to the server as is.
    response = client.get("/", PATH_INFO=path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "//evil.example" not in html and "\\evil.example" not in html
    for href in re.findall(r'<a href="([^"]*)"[^>]*hreflang=', html):
        assert href.startswith("/") and not href.startswith("//"), href
    for href in re.findall(r'<link rel="alternate" hreflang="[^"]*" href="([^"]*)"', html):
        assert href.startswith("http://testserver/"), href


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options", "trace"])
def test_pages_that_only_show_answer_get_and_head_only(client, method):
    for pattern in public_patterns():
        if pattern.name in POSTING and method == "post":
            continue
        url = sample_url(pattern)
        response = getattr(client, method)(url)
        assert response.status_code == 405, (url, response.status_code)
        assert "GET" in response["Allow"] or pattern.name in POST_ONLY, url


def test_pages_that_only_show_still_answer_head(client):
    for url in ("/sitemap.xml", "/robots.txt", "/de/", "/de/stellungnahmen/feed/"):
        assert client.head(url).status_code == 200, url


def csp_of(response):
    return {
        part.split()[0]: part.split()[1:]
        for part in response["Content-Security-Policy"].split("; ")
    }


def inline_code(html):
    """Inline scripts, event handler attributes and javascript: links in a page."""
    scripts = [
        tag
        for tag in re.findall(r"<script\b[^>]*>", html)
        if "src=" not in tag and "application/json" not in tag and "application/ld+json" not in tag
    ]
    handlers = re.findall(r"\son[a-z]+\s*=", html)
    links = re.findall(r"javascript:", html, flags=re.I)
    return scripts + handlers + links


def test_public_pages_static_files_and_errors_carry_the_strict_policy(client):
    from django.contrib.staticfiles.storage import staticfiles_storage

    for url in (
        "/de/",
        "/sitemap.xml",
        "/robots.txt",
        "/de/gibt-es-nicht/",
        "/" + staticfiles_storage.url("css/portal.css").lstrip("/"),
    ):
        response = client.get(url)
        policy = csp_of(response)
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert "style-src-attr" not in policy, url
        assert policy["frame-ancestors"] == ["'none'"], url


def test_the_admin_has_a_policy_without_inline_script(client, admin_client):
    from qualification.tests.factories import make_seminar

    login = client.get("/admin/login/")
    assert csp_of(login)["script-src"] == ["'self'"]
    assert inline_code(login.content.decode()) == []
    seminar = make_seminar()
    for url in (
        "/admin/",
        "/admin/statements/statement/add/",
        f"/admin/qualification/seminar/{seminar.pk}/change/",
        f"/admin/qualification/seminar/{seminar.pk}/history/",
        "/admin/qualification/registration/",
        "/admin/otp_totp/totpdevice/add/",
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        policy = csp_of(response)
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"], url
        assert inline_code(response.content.decode()) == [], url


def test_the_participant_print_view_is_as_strict_as_the_public_pages(admin_client):
    from qualification.tests.factories import make_seminar

    seminar = make_seminar()
    response = admin_client.get(f"/admin/qualification/seminar/{seminar.pk}/participants/print/")
    assert response.status_code == 200
    assert csp_of(response) == csp_of(admin_client.get("/de/"))
    html = response.content.decode()
    assert inline_code(html) == [] and "style=" not in html and "<style" not in html
