"""Checks for uploaded attachments: a real PDF, not too large."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF_MAGIC = b"%PDF-"
# The PDF header may follow a few bytes of junk; readers look in the first KiB.
PDF_HEADER_WINDOW = 1024


def max_attachment_bytes():
    return settings.STATEMENTS_MAX_ATTACHMENT_MB * 1024 * 1024


def validate_pdf_size(file):
    limit = max_attachment_bytes()
    if file.size > limit:
        raise ValidationError(
            _("The file is %(size)s, larger than the limit of %(limit)d MB for attachments."),
            code="too_large",
            params={
                "size": filesizeformat(file.size),
                "limit": settings.STATEMENTS_MAX_ATTACHMENT_MB,
            },
        )


def validate_pdf(file):
    """Refuse anything whose content is not a PDF, whatever its name says."""
    name = (getattr(file, "name", "") or "").lower()
    if not name.endswith(".pdf"):
        raise ValidationError(
            _("Only PDF files can be attached; the file name must end in .pdf."),
            code="extension",
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        head = file.read(PDF_HEADER_WINDOW)
    finally:
        file.seek(position)
    if isinstance(head, str):
        head = head.encode("latin-1", "replace")
    if PDF_MAGIC not in head:
        raise ValidationError(
            _("This file is not a PDF document (its content does not start like a PDF)."),
            code="not_pdf",
        )
