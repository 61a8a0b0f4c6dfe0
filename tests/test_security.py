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
