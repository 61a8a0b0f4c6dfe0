"""Benchmark of the public pages: latency, database queries and size.

Runs the real middleware stack through Django's test client against the
database configured by DATABASE_URL (default: a fresh SQLite file in a
temporary directory, filled with the real data). Prints a Markdown table.

    make bench                       # SQLite
    DATABASE_URL=postgres://... make bench
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lir_portal.settings")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PAGES = [
    "/de/",
    "/de/ausschuesse/",
    "/de/ausschuesse/?regierungsbezirk=1&q=stadt",
    "/de/ausschuesse/koeln/",
    "/de/kommunen/",
    "/de/kommunen/haan/",
    "/de/karte/",
    "/de/statistik/",
    "/ar/ausschuesse/",
    "/de/stellungnahmen/",
    "/de/stellungnahmen/drucksachen/17-1356/",
    "/de/stellungnahmen/suche/?q=Integrationsr%C3%A4te",
    "/de/stellungnahmen/feed/",
    "/de/qualifizierung/seminare/",
    "/de/qualifizierung/seminare/?near=koeln",
]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "50"))


def measure(client, url):
    client.get(url)  # warm up
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    timings.sort()
    return {
        "median": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "queries": len(queries),
        "kb": len(response.content) / 1024,
    }


def main():
    call_command("migrate", verbosity=0)
    call_command("load_portal_data", demo=True, verbosity=0)  # seminar pages need examples
    # No setup_test_environment(): it instruments every template render and
    # would slow down exactly what is measured. "localhost" is an allowed host.
    client = Client(SERVER_NAME="localhost")
    python = sys.version.split()[0]
    print(f"Database: {connection.vendor}, {ROUNDS} requests per page, Python {python}")
    print()
    print("| page | median ms | p95 ms | queries | KiB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for url in PAGES:
        result = measure(client, url)
        print(
            f"| `{url}` | {result['median']:.1f} | {result['p95']:.1f} "
            f"| {result['queries']} | {result['kb']:.0f} |"
        )


if __name__ == "__main__":
    main()
