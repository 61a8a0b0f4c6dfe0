"""Throughput of the portal under load: gunicorn as `make serve` runs it, driven by wrk.

    make bench              # the real data, on a fresh SQLite file
    make bench SCALE=10     # ten times the statements, papers, hearings, seminars ...
    DATABASE_URL=postgres://... make bench SCALE=10   # an EMPTY PostgreSQL database

For the site's own CSS file and every public page type it measures, in one
run against one server: requests per second with `wrk -t2 -c8` (warm: pages
from the cache), p50 and p99 latency, the median of single requests right
after an edit (cold: the content version is raised before each sample, so the
page is rendered again), search with words that vary from request to request,
and the resident memory of each worker at the end. It prints one Markdown
table with each throughput as a ratio to the static file's, served right
before it (the speed of a shared machine drifts by a fifth within minutes).

Needs wrk (Debian: `apt-get install wrk`).
"""

import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DURATION = os.environ.get("BENCH_SECONDS", "5")
COLD_SAMPLES = int(os.environ.get("BENCH_COLD_SAMPLES", "15"))
SCALE = int(os.environ.get("SCALE", "1"))
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "8")

# Each wrk thread has its own Lua state: without a seed and a number of their
# own, the threads would send the same addresses and the page cache would
# answer every second request. `n` makes every address of a run unique.
SEARCH_SCRIPT = """
words = {%s}
counter = 0
made = 0
function setup(thread)
  made = made + 1
  thread:set("id", made)
end
function init(args)
  math.randomseed(id * 7919 + os.time())
end
request = function()
  counter = counter + 1
  local a = words[math.random(#words)]
  local b = words[math.random(#words)]
  local query = "?q=" .. a .. "+" .. b .. "&n=" .. id .. "-" .. counter
  return wrk.format("GET", "/de/stellungnahmen/suche/" .. query)
end
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database_url):
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY=env.get("SECRET_KEY") or "bench-" + "k" * 60,
        FORCE_HTTPS="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        DJANGO_SETTINGS_MODULE="lir_portal.settings",
    )
    return env


def manage(env, *args):
    subprocess.run([BIN / "python", "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare_database(env, scale):
    """The real data and the demo data, `scale` times the generated load, and the static files."""
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "load_portal_data", "--demo", "--verbosity", "0")
    if scale > 1:
        manage(env, "generate_load_data", "--scale", str(scale))
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")


def wait_until_up(base):
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/robots.txt", timeout=2).read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def wrk(url, script=None):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency"]
    if script:
        command += ["-s", script]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    latency = {
        percentile: to_ms(value)
        for percentile, value in re.findall(r"^\s+(50|99)(?:\.0+)?%\s+(\S+)", output, re.M)
    }
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    return (
        rate,
        latency.get("50"),
        latency.get("99"),
        requests,
        int(errors.group(1)) if errors else 0,
    )


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def cold_median(url, bump):
    samples = []
    for _ in range(COLD_SAMPLES):
        bump()
        start = time.perf_counter()
        urllib.request.urlopen(url, timeout=30).read()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def worker_memory(master_pid):
    children = subprocess.run(
        ["ps", "-o", "pid=,rss=", "--ppid", str(master_pid)], capture_output=True, text=True
    ).stdout.split()
    return [int(rss) // 1024 for rss in children[1::2]]


def pages():
    """One address per public page type, read from the database."""
    from django.urls import reverse

    from committees.models import Committee
    from municipalities.models import Municipality
    from qualification.models import Seminar, Volkshochschule
    from statements.models import (
        Attachment,
        Hearing,
        LandtagCommittee,
        Paper,
        Statement,
        Topic,
    )

    committee = Committee.objects.select_related("municipality", "term").last()
    municipality = Municipality.objects.filter(committees__isnull=False).first()
    paper = Paper.objects.first()
    found = {
        "home": "/de/",
        "committee index": "/de/ausschuesse/",
        "committee page": committee.get_absolute_url(),
        "municipality index": "/de/kommunen/",
        "municipality page": municipality.get_absolute_url(),
        "map": "/de/karte/",
        "figures": "/de/statistik/",
        "statements list": "/de/stellungnahmen/",
        "papers list": "/de/stellungnahmen/drucksachen/",
        "statements feed": "/de/stellungnahmen/feed/",
        "seminar finder": "/de/qualifizierung/seminare/",
        "seminar finder near": "/de/qualifizierung/seminare/?near=koeln",
        "sitemap index": "/sitemap.xml",
        "sitemap statements": "/sitemap-statements.xml",
        "arabic committee index": "/ar/ausschuesse/",
        "committee, current term": committee.get_current_url(),
        "topic index": reverse("statements:topic_index"),
        "qualification overview": reverse("qualification:overview"),
        "seminar calendar, all": reverse("qualification:calendar_feed"),
        "open data page": reverse("opendata:index"),
        "data set, CSV": reverse("oparl:download", args=["committees", "csv"]),
        "data package": reverse("oparl:datapackage"),
        "OParl system": reverse("oparl:system"),
        "OParl Landtag papers": reverse("oparl:body_list", args=["landtag", "papers"]),
        "imprint": reverse("legalpages:impressum"),
        "robots.txt": "/robots.txt",
    }
    if paper is not None:
        found["OParl paper"] = reverse("oparl:object", args=["paper", paper.pk])
    for label, model in (
        ("statement page", Statement.objects.filter(status="published")),
        ("paper page", Paper.objects),
        ("hearing page", Hearing.objects),
        ("topic page", Topic.objects),
        ("seminar page", Seminar.objects),
        ("vhs page", Volkshochschule.objects),
        ("Landtag committee page", LandtagCommittee.objects),
    ):
        item = model.first()
        if item is not None:
            found[label] = item.get_absolute_url()
    seminar = Seminar.objects.first()
    if seminar is not None:
        found["seminar calendar"] = reverse("qualification:seminar_ics", args=[seminar.pk])
        found["vhs calendar"] = reverse("qualification:vhs_calendar_feed", args=[seminar.vhs.slug])
    topic = Topic.objects.first()
    if topic is not None:
        found["topic feed"] = reverse("statements:topic_feed", args=[topic.slug])
    attachment = Attachment.objects.filter(statement__status="published").first()
    if attachment is not None:
        found["statement attachment"] = reverse(
            "statements:attachment", args=[attachment.statement.slug, attachment.pk]
        )
    return found


def main():
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    workdir = Path(tempfile.mkdtemp(prefix="lir-bench-"))
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{workdir}/bench.sqlite3"
    env = environment(database_url)
    os.environ.update(env)
    prepare_database(env, SCALE)

    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from lir_portal.models import ContentVersion
    from statements.models import Topic

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    workers = os.environ.get("WEB_CONCURRENCY") or str(os.cpu_count() or 2)
    server = subprocess.Popen(
        # As `make serve` runs it; workers are never recycled (whatever
        # GUNICORN_MAX_REQUESTS says), so the memory at the end is what
        # 10,000 and more requests left behind.
        [BIN / "gunicorn", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", workers, "--max-requests", "0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(base)
        home = urllib.request.urlopen(base + "/de/").read().decode()
        css = re.search(r'href="(/static/[^"]+\.css)"', home).group(1)
        rows = []
        static_rate, p50, p99, total, errors = wrk(base + css)
        rows.append(("static CSS file", static_rate, static_rate, p50, p99, None, errors))
        for label, path in pages().items():
            # The speed of a shared machine drifts within minutes: each page
            # is compared with the static file served right before it.
            static_rate, *_rest = wrk(base + css)
            # Warm: the previous page's cold samples raised the content version,
            # so the page is stored once before it is measured.
            urllib.request.urlopen(base + path, timeout=30).read()
            rate, p50, p99, requests, errors = wrk(base + path)
            total += requests
            cold = cold_median(base + path, ContentVersion.bump)
            rows.append((label, rate, static_rate, p50, p99, cold, errors))
        words = sorted({word for topic in Topic.objects.all() for word in topic.name.split()})
        words += ["Integration", "Teilhabe", "Wahlrecht", "Bildung", "Sprache", "Köln", "Rat"]
        script = workdir / "search.lua"
        # Percent-encoded, as a browser sends them (gunicorn refuses raw UTF-8 in the URL).
        quoted_words = ", ".join(f'"{quote(word)}"' for word in words)
        script.write_text(SEARCH_SCRIPT % quoted_words, encoding="utf-8")
        static_rate, *_rest = wrk(base + css)
        rate, p50, p99, requests, errors = wrk(base, script=str(script))
        total += requests
        rows.append(("search, varying words", rate, static_rate, p50, p99, None, errors))
        memory = worker_memory(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    print(f"\nScale {SCALE}, {workers} workers, wrk -t2 -c{CONNECTIONS} -d{DURATION}s, ", end="")
    print(f"database {database_url.split(':')[0]}, {total} requests in all.\n")
    print(
        "| page | requests/s | static file right before | ratio to static | p50 ms | p99 ms "
        "| cold median ms | errors |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, rate, static_rate, p50, p99, cold, errors in rows:
        cold_text = f"{cold:.1f}" if cold is not None else ""
        print(
            f"| {label} | {rate:,.0f} | {static_rate:,.0f} | {rate / static_rate:.2f} "
            f"| {p50:.2f} | {p99:.2f} | {cold_text} | {errors} |"
        )
    print(f"\nResident memory per worker at the end: {', '.join(f'{m} MB' for m in memory)}")


if __name__ == "__main__":
    main()
