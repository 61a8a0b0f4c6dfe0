"""Real server processes for the production tests: redis-server, PostgreSQL,
gunicorn instances and mail workers, each on a free loopback port, and a small
HTTP client that handles the CSRF cookie like a browser.

Services that refuse to run as root (PostgreSQL) or should not (Redis) run as
the unprivileged system user `lirci`, created as .ci/run does.
"""

import contextlib
import glob
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SERVICE_USER = "lirci"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def service_user():
    """The user for services: `lirci` when running as root, else nobody in particular."""
    if os.geteuid() != 0:
        return None
    if subprocess.run(["id", SERVICE_USER], capture_output=True).returncode != 0:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                SERVICE_USER,
            ],
            check=True,
        )
    return SERVICE_USER


def service_directory():
    """A fresh temporary directory the service user owns."""
    path = Path(tempfile.mkdtemp(prefix="lir-service-"))
    user = service_user()
    if user:
        shutil.chown(path, user)
    return path


def wait_until(condition, timeout=30, step=0.1, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if condition():
                return
        time.sleep(step)
    raise TimeoutError(f"{what} not reached within {timeout} s")


def port_open(port):
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def stop(process, timeout=15):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


class Redis:
    """Debian's redis-server, unprivileged, in a temporary directory, on loopback."""

    def __init__(self):
        self.directory = service_directory()
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server") or "/usr/bin/redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--dir",
                str(self.directory),
                "--save",
                "",
                "--appendonly",
                "no",
                "--protected-mode",
                "yes",
            ],
            user=service_user(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: port_open(self.port), what="redis-server listening")

    def stop(self):
        stop(self.process)
        shutil.rmtree(self.directory, ignore_errors=True)


class Postgres:
    """A PostgreSQL server of our own (so that the test may restart it), as .ci/run starts one."""

    def __init__(self):
        versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"))
        if not versions:
            raise RuntimeError(
                "PostgreSQL's server binaries are missing (apt-get install postgresql)"
            )
        self.bin = Path(versions[-1]).parent
        self.directory = service_directory()
        self.port = free_port()
        self.user = service_user()
        self.run(
            "initdb", "-D", self.data, "-U", "lir", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"
        )
        self.pg_ctl("start")
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "lir", "lir")
        self.url = f"postgres://lir@127.0.0.1:{self.port}/lir"

    @property
    def data(self):
        return str(self.directory / "data")

    def run(self, program, *args):
        subprocess.run(
            [str(self.bin / program), *args], user=self.user, check=True, capture_output=True
        )

    def pg_ctl(self, action, *extra):
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.directory} -c fsync=off"
        self.run(
            "pg_ctl",
            "-D",
            self.data,
            "-l",
            str(self.directory / "server.log"),
            "-w",
            "-o",
            options,
            action,
            *extra,
        )

    def stop(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.run("pg_ctl", "-D", self.data, "-m", "immediate", "stop")
        shutil.rmtree(self.directory, ignore_errors=True)


def portal_environment(**variables):
    """The environment of a production process of the portal: DEBUG off, plain HTTP."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_")) and key not in {"DEBUG", "REDIS_URL"}
    }
    env.update(
        DEBUG="0",
        FORCE_HTTPS="0",
        ALLOWED_HOSTS="127.0.0.1",
        TRUSTED_PROXIES="127.0.0.1",
        EMAIL_BACKEND=env.get("EMAIL_BACKEND") or "django.core.mail.backends.console.EmailBackend",
        LOG_LEVEL="WARNING",
        REQUEST_LOG_LEVEL="WARNING",
    )
    env.update({key: str(value) for key, value in variables.items()})
    return env


def manage(*args, **variables):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env=portal_environment(**variables),
        cwd=BASE,
        capture_output=True,
        text=True,
        check=True,
    )


class Gunicorn:
    """One instance of the portal under gunicorn with gunicorn.conf.py."""

    def __init__(self, log_directory, **variables):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(Path(log_directory) / f"gunicorn-{self.port}.log", "wb")  # noqa: SIM115
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "--config", str(BASE / "gunicorn.conf.py")],
            env=portal_environment(BIND=f"127.0.0.1:{self.port}", **variables),
            cwd=BASE,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        wait_until(
            lambda: Visitor().get(self.url + "/healthz").status == 200,
            timeout=60,
            what=f"gunicorn on port {self.port}",
        )

    def stop(self):
        stop(self.process)
        self.log.close()


class MailWorker:
    def __init__(self, log_directory, number, **variables):
        self.log = open(Path(log_directory) / f"mail-worker-{number}.log", "wb")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "send_pending_mails", "--loop", "--interval", "0.2"],
            env=portal_environment(**variables),
            cwd=BASE,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def stop(self):
        stop(self.process)
        self.log.close()


class Response:
    def __init__(self, status, body, url):
        self.status, self.body, self.url = status, body, url


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """A client with its own cookies (CSRF, session), optionally behind a proxy."""

    def __init__(self, forwarded_for=None):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )
        self.forwarded_for = forwarded_for

    def request(self, url, data=None, timeout=30):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(url, data=body)
        if self.forwarded_for:
            request.add_header("X-Forwarded-For", self.forwarded_for)
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return Response(response.status, response.read().decode(), response.url)
        except urllib.error.HTTPError as error:
            return Response(error.code, error.read().decode(errors="replace"), url)

    def get(self, url, timeout=30):
        return self.request(url, timeout=timeout)

    def csrf_token(self, page_url):
        page = self.get(page_url)
        found = CSRF_FIELD.search(page.body)
        assert found, f"no form on {page_url} ({page.status})"
        return found.group(1)

    def submit(self, page_url, data, action=None, token=None):
        """Post a form of `page_url` (to `action`, default the page) as a browser would."""
        token = token or self.csrf_token(page_url)
        return self.request(action or page_url, {**data, "csrfmiddlewaretoken": token})
