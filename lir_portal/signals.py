"""What raises the content version of the page cache (see pagecache.py)."""

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save

from helpers.signals import content_changed

from .models import ContentVersion


def is_public_content(model):
    meta = model._meta
    return (
        meta.app_label in settings.PAGE_CACHE_CONTENT_APPS
        and meta.label_lower not in settings.PAGE_CACHE_IGNORED_MODELS
    )


def model_changed(sender, raw=False, **kwargs):
    # Fixtures arrive raw, row by row; their command sends content_changed once.
    if not raw and is_public_content(sender):
        ContentVersion.bump()


def relation_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and is_public_content(type(instance)):
        ContentVersion.bump()


def content_changed_in_bulk(sender, **kwargs):
    ContentVersion.bump()


def connect():
    post_save.connect(model_changed, dispatch_uid="page-cache-save")
    post_delete.connect(model_changed, dispatch_uid="page-cache-delete")
    m2m_changed.connect(relation_changed, dispatch_uid="page-cache-m2m")
    content_changed.connect(content_changed_in_bulk, dispatch_uid="page-cache-bulk")
