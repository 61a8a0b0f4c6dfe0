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
    settings.QUALIFICATION_SITE_URL = "http://testserver"


@pytest.fixture(autouse=True)
def german_by_default():
    """Requests activate their language in this thread; start every test in German."""
    from django.utils import translation

    translation.activate("de")
    yield
    translation.activate("de")
