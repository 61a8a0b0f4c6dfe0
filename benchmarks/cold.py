"""Instructions per cold request: what a page costs right after an edit.

    make bench-cold              # the real data, on a fresh SQLite file
    make bench-cold SCALE=10     # ten times the data (see load.py)
    DATABASE_URL=postgres://... make bench-cold SCALE=10   # an EMPTY PostgreSQL database

Time on a shared machine drifts by a fifth and more within minutes;
instructions do not. For each page whose cost grows with the data (the lists,
a Landtag committee's hearings, an OParl list, the sitemap index) this runs
the portal in a process of its own under `valgrind --tool=callgrind` (Debian:
`apt-get install valgrind`): the process requests the page once to load code
and templates, then raises the content version and requests the page again,
REQUESTS times, each time rendered afresh. The same process without those
requests is the baseline; the difference divided by REQUESTS is the cost of
one edit and the cold request after it, in this process (the database
server's own work is not counted). Pages run two at a time: instructions do
not depend on the load.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from load import ROOT, environment, prepare_database

REQUESTS = int(os.environ.get("BENCH_COLD_REQUESTS", "8"))
PAGES = {
    "seminar finder": "/de/qualifizierung/seminare/",
    "seminar finder near": "/de/qualifizierung/seminare/?near=koeln",
    "statements list": "/de/stellungnahmen/",
    "papers list": "/de/stellungnahmen/drucksachen/",
    "municipality index": "/de/kommunen/",
    "committee index": "/de/ausschuesse/",
    "Landtag committee page": "/de/stellungnahmen/anhoerungen/integrationsausschuss/",
    "OParl Landtag papers": "/oparl/v1/body/landtag/papers/",
    "sitemap index": "/sitemap.xml",
}


def request_cold(path, count):
    """In the measured process: warm up on `path`, then `count` edits and cold requests."""
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.test import Client

    from lir_portal.models import ContentVersion

    client = Client(HTTP_HOST="127.0.0.1")
    for _request in range(count + 1):
        ContentVersion.bump()
        response = client.get(path)
        if response.status_code != 200 or response["X-Page-Cache"] != "miss":
            raise SystemExit(f"{path}: {response.status_code}, cache {response['X-Page-Cache']}")


def instructions(env, path, count, workdir):
    """Instructions of the whole process that warms up and makes `count` cold requests."""
    out = Path(tempfile.mkstemp(dir=workdir, suffix=".callgrind")[1])
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
        + [sys.executable, __file__, "--measure", path, str(count)],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return int(re.search(r"^(?:totals|summary): (\d+)", out.read_text(), re.M).group(1))


def main():
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is missing: apt-get install valgrind")
    scale = int(os.environ.get("SCALE", "1"))
    workdir = Path(tempfile.mkdtemp(prefix="lir-bench-cold-"))
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{workdir}/bench.sqlite3"
    env = environment(database_url)
    prepare_database(env, scale)
    runs = [(path, count) for path in PAGES.values() for count in (0, REQUESTS)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        totals = pool.map(lambda run: instructions(env, *run, workdir), runs)
        measured = dict(zip(runs, totals, strict=True))

    print(f"\nScale {scale}, database {database_url.split(':')[0]}, ", end="")
    print(f"{REQUESTS} cold requests per page after one to warm up.\n")
    print("| page, cold | instructions per request |")
    print("| --- | ---: |")
    for label, path in PAGES.items():
        cost = (measured[path, REQUESTS] - measured[path, 0]) / REQUESTS
        print(f"| {label} | {cost / 1e6:.1f} M |")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        request_cold(sys.argv[2], int(sys.argv[3]))
    else:
        main()
