from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language, get_language_bidi
from django.views.decorators.http import require_safe

from .markup import render_body
from .models import LegalPage


@require_safe
def legal_page(request, slug):
    page = get_object_or_404(LegalPage, slug=slug)
    language = get_language()
    # A page without a text in this language falls back to the German one.
    translated = language != "de" and bool(getattr(page, f"body_{language}", ""))
    content_language = language if translated else "de"
    return render(
        request,
        "legalpages/page.html",
        {
            "page": page,
            "content_language": content_language,
            "is_translation": translated and not page.is_easy_german,
            "body": render_body(
                page.body, page.placeholders(), rtl=translated and get_language_bidi()
            ),
            "sources": render_body(page.sources),
        },
    )
