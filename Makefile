# The two commands: `make run` sets everything up and serves the portal on
# http://127.0.0.1:$(PORT); `make test` sets up and runs the whole suite.
# Both are idempotent. `make serve` is `make run` under gunicorn with the
# production settings.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# `make run` loads the demo data set (example seminars); `make run DEMO=0` removes it.
DEMO ?= 1
# A local key for the development server, made once and never committed.
SECRET_FILE := $(VENV)/secret_key
# Mails go to the terminal unless EMAIL_HOST (or EMAIL_BACKEND) is given.
LOCAL_MAIL = $(if $(EMAIL_HOST)$(EMAIL_BACKEND),,EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend)
RUN_ENV = SECRET_KEY="$$(cat $(CURDIR)/$(SECRET_FILE))" FORCE_HTTPS=0 ALLOWED_HOSTS=127.0.0.1,localhost \
  SITE_URL=http://127.0.0.1:$(PORT) $(LOCAL_MAIL)
MANAGE = $(RUN_ENV) $(BIN)/python manage.py
# The production server (gunicorn.conf.py) on 127.0.0.1:$(PORT), DEBUG off.
SERVE_ENV = $(RUN_ENV) PORT=$(PORT)
GUNICORN = $(SERVE_ENV) $(BIN)/gunicorn --config $(CURDIR)/gunicorn.conf.py
# The mail worker runs beside the web server and stops with it.
MAIL_WORKER = $(MANAGE) send_pending_mails --loop & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT;

.PHONY: run serve test setup install superuser bench bench-cold bench-queries translations lint clean

run: setup
	@echo "Serving the portal at http://127.0.0.1:$(PORT)/  (stop with Ctrl+C)"
	$(MAIL_WORKER) $(MANAGE) runserver 127.0.0.1:$(PORT)

# Like production: gunicorn, WhiteNoise, cached templates, the mail worker;
# plain HTTP on the loopback. WEB_CONCURRENCY workers (default: the cores).
serve: setup
	@echo "Serving the portal with gunicorn at http://127.0.0.1:$(PORT)/  (stop with Ctrl+C)"
	$(MAIL_WORKER) $(GUNICORN)

setup: install
	$(MANAGE) migrate --noinput
	$(MANAGE) compile_translations
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) load_portal_data --verbosity 0 $(if $(filter 0,$(DEMO)),--remove-demo,--demo)

install: $(VENV)/.installed $(SECRET_FILE)

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

$(SECRET_FILE):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

# Static security analysis of the deployed code; each accepted finding is justified
# where it is (`# nosec` with a comment). Tests and migrations are not deployed.
BANDIT_PATHS = lir_portal helpers municipalities committees statements qualification legalpages opendata
BANDIT_EXCLUDE = */tests/*,*/migrations/*

test: install
	$(MANAGE) compile_translations
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/bandit --quiet --recursive $(BANDIT_PATHS) --exclude "$(BANDIT_EXCLUDE)"
	$(RUN_ENV) $(BIN)/pytest $(PYTEST_ARGS)

# Throughput under load: the portal under gunicorn as `make serve` runs it, on
# a fresh database (SQLite, or an empty one named by DATABASE_URL), driven by
# wrk; SCALE=10 generates ten times the data (see benchmarks/load.py).
SCALE ?= 1
bench: install
	$(MANAGE) compile_translations
	SCALE=$(SCALE) $(BIN)/python benchmarks/load.py

# Instructions per cold request of the pages that grow with the data, under valgrind
# (see benchmarks/cold.py).
bench-cold: install
	$(MANAGE) compile_translations
	SCALE=$(SCALE) $(BIN)/python benchmarks/cold.py

# Queries, latency and size of each page, one request at a time in the process.
bench-queries: install
	$(MANAGE) compile_translations
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(RUN_ENV) $(BIN)/python benchmarks/pages.py

# An account for the Django admin at http://127.0.0.1:$(PORT)/admin/, with the
# second factor the admin asks superusers for (prints the QR code and recovery codes).
superuser: setup
	@test -n "$(NAME)" || { echo "Usage: make superuser NAME=<user name>"; exit 2; }
	$(MANAGE) createsuperuser --username "$(NAME)"
	$(MANAGE) enrol_second_factor "$(NAME)"

lint:
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

# Refresh the message catalogues after changing UI strings (needs GNU gettext's
# xgettext). The project catalogue in locale/ covers templates/ and lir_portal/;
# each app keeps its own in <app>/locale/. Entries are sorted and carry no
# source lines (lir_portal/management/commands/makemessages.py), so branches merge.
LANGS = -l de -l en -l tr -l ar --no-obsolete --add-location=never
translations: install
	$(MANAGE) makemessages $(LANGS) --ignore ".venv/*" --ignore "staticfiles/*" \
	  --ignore "*/tests/*" --ignore "tests/*" --ignore conftest.py \
	  --ignore "helpers/*" --ignore "municipalities/*" --ignore "committees/*" \
	  --ignore "statements/*" --ignore "qualification/*" --ignore "opendata/*" --ignore "legalpages/*"
	for app in helpers municipalities committees statements qualification opendata legalpages; do \
	  (cd $$app && $(RUN_ENV) ../$(BIN)/python ../manage.py makemessages $(LANGS) --ignore "tests/*"); done

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 .pytest_cache
