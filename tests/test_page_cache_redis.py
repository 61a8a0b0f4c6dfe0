"""The page cache as production runs it: in a real redis-server, with a copy of
the content version next to the pages (lir_portal.models.ContentVersion).

These tests run in transactions of their own, because the copy is written only
after a change is committed.
"""

import os
import shutil

import pytest
from django.core.cache import caches
from django.db import transaction
from django.test import Client

from lir_portal.models import SHARED_VERSION_KEY, ContentVersion

from .processes import Redis
from .test_page_cache import CASES, LANGUAGES, edit_in_admin, public_page, warm

pytestmark = [pytest.mark.page_cache, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def redis_server():
    if shutil.which("redis-server") is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("redis-server is required (apt-get install redis-server)")
        pytest.skip("Debian's redis-server is not installed")
    server = Redis()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def pages_in_redis(redis_server, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "lir-pages",
        },
    }
    settings.PAGE_CACHE_SHARES_VERSION = True
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def shared_version():
    """The value of the copy in Redis (it also carries the version's valid_until)."""
    row = caches["pages"].get(SHARED_VERSION_KEY)
    return None if row is None else row[0]


@pytest.mark.parametrize("case", ["committee", "statement", "seminar"])
def test_an_admin_edit_shows_at_once_in_every_language(case, portal_data, admin_client):
    make_case, expected = CASES[case]
    url, changes, path = make_case()
    public = Client()
    for lang in LANGUAGES:
        warm(public, path.format(lang=lang))

    edit_in_admin(admin_client, url, **changes)

    for lang in LANGUAGES:
        response = public_page(public, path.format(lang=lang))
        assert response["X-Page-Cache"] == "miss"
        assert expected.encode() in response.content, (case, lang)


def test_a_cached_page_is_served_without_asking_the_database(
    portal_data, django_assert_num_queries
):
    public = Client()
    warm(public, "/de/ausschuesse/")
    with django_assert_num_queries(0):
        assert public.get("/de/ausschuesse/")["X-Page-Cache"] == "hit"


def test_the_copy_changes_only_when_the_change_is_committed(portal_data):
    public = Client()
    warm(public, "/de/")
    before = shared_version()
    assert before == ContentVersion.current()

    with transaction.atomic():
        ContentVersion.bump()
        # Not committed yet: other requests must not store pages under the new value.
        assert shared_version() == before
    assert shared_version() == ContentVersion.current() != before
    assert public_page(public, "/de/")["X-Page-Cache"] == "miss"

    committed = shared_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        ContentVersion.bump()
        raise RuntimeError("the edit fails")
    assert shared_version() == ContentVersion.current() == committed
    assert public_page(public, "/de/")["X-Page-Cache"] == "hit"


def test_a_lost_copy_is_taken_from_the_database(portal_data):
    public = Client()
    warm(public, "/de/kommunen/haan/")
    caches["pages"].delete(SHARED_VERSION_KEY)
    # The stored page still carries the database's version, so it is still good.
    assert public_page(public, "/de/kommunen/haan/")["X-Page-Cache"] == "hit"
    assert shared_version() == ContentVersion.current()
