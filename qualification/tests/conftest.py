import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """The post limit counts in the cache; every test starts with a clean count."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def mail_links_to_testserver(settings):
    settings.SITE_URL = "http://testserver"
