"""Whole public pages from the cache, never stale.

An anonymous GET of a public page is answered from the "pages" cache when the
same URL (with its query string and language) was rendered before for the
current content version. Any change of public content raises that version
(``lir_portal.models.ContentVersion``): saves and deletes of the models of the
public apps, the admin's bulk actions and the ``content_changed`` signal of
bulk commands. The version lives in the database, so an edit on one instance
is seen by all of them at their next request; with Redis a copy of it is read
together with the page (see ContentVersion).

Who never gets a cached page: anyone who sends a session cookie or a message
cookie (staff, and visitors in the middle of something), and requests to the
admin. A page with a form is stored without its CSRF token, and each visitor
gets their own token when the page is served. The site search's answers are
revalidated but never stored (not_stored).
"""

import hashlib
import re

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from .models import ContentVersion, page_cache

SAFE_METHODS = ("GET", "HEAD")
# What a form's CSRF field looks like in a rendered page ({% csrf_token %}).
CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = b"\\1__page_cache_csrf__\\2"
CSRF_SLOT = re.compile(rb"__page_cache_csrf__")
HIT, MISS = "hit", "miss"


def page_key(request):
    """The key of a page: host, path with query string, language and today's date.

    Paths under a language prefix carry their language; for the others
    (sitemaps, robots.txt, feeds outside the prefix) the language the request
    asks for is part of the key, so no two languages ever share an entry.
    """
    language = translation.get_language_from_path(request.path_info)
    if language is None:
        language = "*" + translation.get_language_from_request(request)
    # Pages also change with the date (upcoming seminars, registration deadlines).
    today = timezone.localdate().isoformat()
    raw = "\n".join((request.get_host(), request.get_full_path(), language, today))
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def not_stored(response):
    """Keep `response` out of the page cache; it is still revalidated (ETag, 304).

    For pages at addresses that almost never come again (a search's query):
    storing each would push the pages others ask for out of the cache.
    """
    response.page_cache_stores = False
    return response


def entity_tag(version, key):
    return f'"{version}-{key[-16:]}"'


class PageCacheMiddleware:
    """Serve and store anonymous public pages; see the module's docstring.

    Sits right after WhiteNoise and before the session middleware, so a cached
    page costs one database query and one cache read, or with Redis a single
    read of the version and the page together. The middleware inside it
    have already added their headers (Vary, Content-Language, CSP) to what is
    stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)
        self.cookies = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)

    def __call__(self, request):
        if not self.applies(request):
            response = self.get_response(request)
            if (
                request.method not in SAFE_METHODS
                and request.path.startswith(settings.PAGE_CACHE_BUMP_PREFIXES)
                and response.status_code < 400
            ):
                # The admin's bulk actions update rows without model signals.
                ContentVersion.bump()
            return response

        key = page_key(request)
        version, entry = ContentVersion.current_and_page(key)
        # Views may keep what they compute under this version (the site search does).
        request.content_version = version
        etag = entity_tag(version, key)
        if etag in request.headers.get("If-None-Match", ""):
            response = HttpResponseNotModified()
            response["ETag"] = etag
            patch_cache_control(response, no_cache=True)
            return response

        if entry is not None and entry[0] == version:
            response = self.replay(request, entry)
            response["X-Page-Cache"] = HIT
        else:
            response = self.get_response(request)
            if not self.storable(request, response):
                return response
            if getattr(response, "page_cache_stores", True):
                self.store(key, version, response)
            response["X-Page-Cache"] = MISS
        response["ETag"] = etag
        patch_cache_control(response, no_cache=True)
        # Who sends a session cookie gets another answer than the public.
        patch_vary_headers(response, ("Cookie",))
        return response

    def applies(self, request):
        return (
            request.method in SAFE_METHODS
            and settings.PAGE_CACHE_SECONDS > 0
            and not request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)
            and not any(name in request.COOKIES for name in self.cookies)
        )

    def storable(self, request, response):
        cookies = set(response.cookies) - {settings.CSRF_COOKIE_NAME}
        cache_control = response.get("Cache-Control", "")
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
        )

    def store(self, key, version, response):
        content = response.content
        has_form = False
        if response.get("Content-Type", "").startswith("text/html"):
            content, forms = CSRF_FIELD.subn(CSRF_PLACEHOLDER, content)
            has_form = forms > 0
        headers = [(name, value) for name, value in response.items() if name != "Content-Length"]
        entry = (version, response.status_code, headers, content, has_form)
        page_cache().set(key, entry, settings.PAGE_CACHE_SECONDS)

    def replay(self, request, entry):
        _version, status, headers, content, has_form = entry
        if has_form:
            # Each visitor's own token, and their CSRF cookie where it is missing.
            self.csrf.process_request(request)
            content = CSRF_SLOT.sub(lambda _match: get_token(request).encode(), content)
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        # With its length the server sends the page in one piece, not chunked.
        response["Content-Length"] = str(len(content))
        if has_form:
            response = self.csrf.process_response(request, response)
        return response
