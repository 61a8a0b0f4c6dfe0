"""gunicorn settings of the LIR portal (`make serve`, deploy/lir-portal-web.service).

Everything can be changed through the environment:
BIND (default 127.0.0.1:$PORT), WEB_CONCURRENCY (worker processes, default the
number of cores), GUNICORN_THREADS (threads per worker, default 2; 1 means sync workers),
GUNICORN_TIMEOUT (seconds before a stuck worker is restarted, default 30),
GUNICORN_MAX_REQUESTS (requests after which a worker is replaced, default 0: never).
"""

import os

wsgi_app = "lir_portal.wsgi:application"
bind = os.environ.get("BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or os.cpu_count() or 1)
# Threads by default. Sync workers (GUNICORN_THREADS=1) gave steadier
# throughput in the load benchmark (with threads, a worker keeps the keep-alive
# connections it accepted, and in some runs one worker served most of them),
# but after a PostgreSQL restart their last requests took 1.6 s, where threaded
# workers recovered at once (tests/test_production.py), so threads stay.
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Workers are not replaced after a number of requests by default
# (GUNICORN_MAX_REQUESTS=0). In the PostgreSQL restart test, replacing them
# every 150 requests made the slowest requests take 1.3-1.4 s instead of
# 0.4-0.5 s (a threaded worker on its way out held the requests it had
# accepted), and gunicorn's issue 3038 describes connections reset then.
# Memory stays flat without it: `make bench` reports each worker's resident
# size after its whole run, and the README's "Measuring" section holds it.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
# The portal logs every request itself, with its id and masked addresses
# (lir_portal.middleware.RequestLogMiddleware); gunicorn logs only its own events.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# X-Forwarded-Proto is believed only from these addresses, as in the portal's
# TRUSTED_PROXIES setting; without it from nobody but the local host.
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES") or "127.0.0.1"
proc_name = "lir-portal"
# No control socket in the home directory: several instances on one host
# would share its path, and systemd stops and reloads the server by signals.
control_socket_disable = True


def post_worker_init(worker):
    """Keep what the worker loaded at start out of the cyclic garbage collector's scans.

    A full collection walked every object of Django and the portal: about
    90 ms, once every few dozen requests, on the load benchmark's machine.
    Frozen objects are never scanned again. They are never freed either,
    which is right for code and settings that live as long as the worker.
    """
    import gc

    gc.collect()
    gc.freeze()
