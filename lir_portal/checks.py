"""Deployment checks (`manage.py check --deploy`) for running several processes."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches, deploy=True)
def shared_cache_for_several_workers(app_configs, **kwargs):
    """Rate limits count in the cache: each worker with its own cache counts alone."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.WEB_CONCURRENCY > 1 and backend in LOCAL_CACHES:
        return [
            Warning(
                f"{settings.WEB_CONCURRENCY} web workers (WEB_CONCURRENCY) but the cache is "
                "local to each process, so rate limits count per worker and the count "
                "depends on which worker a request reaches.",
                hint="Set REDIS_URL (e.g. redis://127.0.0.1:6379/0) so that all workers and "
                "instances share one cache, or run a single worker (WEB_CONCURRENCY=1).",
                id="lir_portal.W001",
            )
        ]
    return []
