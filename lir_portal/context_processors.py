"""Template context shared by every page."""

from functools import lru_cache, partial

from django.conf import settings
from django.urls import NoReverseMatch, translate_url
from django.utils.translation import get_language, get_language_info

from helpers.urls import reverse_plain


def languages(request):
    """Links to the current page in every language, for the switcher and hreflang.

    On a page that cannot be resolved (a 404), the links lead to the home page
    of each language instead. Every link is a path on this site: a request for
    `//other.example/x` must not turn into a link to another host, so leading
    slashes and backslashes collapse into one slash.
    """
    current = get_language()
    path = "/" + request.get_full_path().lstrip("/\\")
    # The links are paths of this site (above): one absolute address serves for all.
    site = request.build_absolute_uri("/")[:-1]
    links = []
    for code, _name in settings.LANGUAGES:
        url = _in_language(request, path, code)
        if code != current and url == path:
            url = f"/{code}/"
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "bidi": info["bidi"],
                "url": url,
                "absolute_url": site + url,
                "is_current": code == current,
            }
        )
    return {"language_links": links}


def _in_language(request, path, code):
    """translate_url(path, code), from the view the request was already resolved to.

    Resolving the path again for each language was the larger part of
    writing the page's frame; the view's name and arguments are known.
    """
    match = getattr(request, "resolver_match", None)
    if match is None or match.args or not match.url_name:
        return translate_url(path, code)
    _path, question, query = path.partition("?")
    try:
        # Only the arguments taken from the address: a pattern's own
        # (path(..., {"slug": ...})) are part of the pattern.
        return reverse_plain(match.view_name, code, **match.captured_kwargs) + question + query
    except NoReverseMatch:
        return translate_url(path, code)


def demo_installation(request):
    """Whether the demo data set is loaded: every page then says it is a demo installation.

    Examples are public content: loading or removing them raises the content
    version. Where the page cache gave the request that version, the answer
    is remembered for it in the process, which spares a round trip per page.
    """
    from qualification.demo import demo_data_present

    version = getattr(request, "content_version", None)
    if version is None:
        return {"demo_installation": demo_data_present}
    return {"demo_installation": partial(demo_data_present_in, version)}


@lru_cache(maxsize=1)
def demo_data_present_in(version):
    from qualification.demo import demo_data_present

    return demo_data_present()
