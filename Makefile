# The two commands: `make run` and `make test`. Everything else serves them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# The targets below run on a development machine: the settings may take the key
# kept in .data/ (a server, without DJANGO_SECRET_KEY, refuses to start).
LOCAL := CREATIVECITIES_LOCAL=true
MANAGE := $(LOCAL) $(PY) manage.py
BI := node_modules/bootstrap-italia/dist
VENDOR := static/vendor/bootstrap-italia
# Leaflet as the django-leaflet package ships it (the app itself is not installed:
# it needs GDAL); clustering from npm.
LEAFLET = $(shell $(PY) -c "import importlib.util as u; print(u.find_spec('leaflet').submodule_search_locations[0])")/static/leaflet
CLUSTER := node_modules/leaflet.markercluster/dist
LOCAL_ENV := DJANGO_DEBUG=true

.PHONY: run test lint format check-deploy setup install assets messages makemessages \
	collectstatic migrate demo chromium wrk db-stop bench bench-desk bench-plan bench-survey bench-statistics bench-cpu abuse page-weight lighthouse clean pytest coverage

# The web server and the task worker side by side (creativecities/supervisor.py):
# mail goes through the database queue as in production, and the worker prints
# the console's emails in this terminal. One Ctrl-C stops both.
TASKS_DB := DJANGO_TASKS_BACKEND=django_tasks_db.DatabaseBackend

run: setup migrate demo
	$(LOCAL_ENV) $(TASKS_DB) $(LOCAL) $(PY) -m creativecities.supervisor 127.0.0.1:8000

# Lint runs beside the demo data's loading (each takes one core for about half a
# minute), then the tests; the database is stopped however it ends.
test: setup migrate
	@status=0; \
	$(MAKE) --no-print-directory --jobs=2 --output-sync=target lint demo chromium \
		&& $(MAKE) --no-print-directory pytest || status=$$?; \
	$(MAKE) --no-print-directory db-stop; \
	exit $$status

# One worker per core (at most four), each with a test database of its own; the
# slowest tests are listed so that the run's time stays watched (the slow ones
# start first: tests/conftest.py, and an idle worker takes queued tests from a
# busy one: --dist=worksteal).
pytest:
	$(LOCAL) $(BIN)/pytest --numprocesses=auto --maxprocesses=4 --dist=worksteal --durations=10

# The same tests with coverage of the apps and the project package (tests,
# migrations and bench left out): the table and the total come just before
# pytest's closing line. Measuring costs about a tenth more time, which the
# ten minutes of `make test` cannot spare.
coverage: setup migrate demo chromium
	$(LOCAL) $(BIN)/pytest --numprocesses=auto --maxprocesses=4 --dist=worksteal \
		--cov --cov-report=term:skip-covered

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(LOCAL) $(BIN)/mypy
	$(BIN)/djlint templates --lint
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/lint-imports --no-cache

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djlint templates --reformat

setup: install assets messages collectstatic

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Only the parts of Bootstrap Italia the pages use: its CSS (with the map the
# manifest storage follows), the woff2 fonts and, from its icon sprite, the icons
# the templates name (creativecities/sprites.py). No JavaScript.
# Then Leaflet for a place's map and, for the maps of results, Leaflet and its
# clustering plugin in one stylesheet and one script (two requests, not five:
# issue 22's page weight, `make page-weight`).
assets: node_modules/.installed $(VENV)/.installed
	mkdir -p $(VENDOR)/css $(VENDOR)/svg $(VENDOR)/fonts
	cp $(BI)/css/bootstrap-italia.min.css $(BI)/css/bootstrap-italia.min.css.map $(VENDOR)/css/
	$(PY) -m creativecities.sprites $(BI)/svg/sprites.svg $(VENDOR)/svg/sprites.svg templates
	for family in Titillium_Web Lora Roboto_Mono; do \
		mkdir -p $(VENDOR)/fonts/$$family; \
		cp $(BI)/fonts/$$family/*.woff2 $(BI)/fonts/$$family/*.txt $(VENDOR)/fonts/$$family/; \
	done
	mkdir -p static/vendor/leaflet/images
	cp $(LEAFLET)/leaflet.js $(LEAFLET)/leaflet.js.map $(LEAFLET)/leaflet.css static/vendor/leaflet/
	cp $(LEAFLET)/images/*.png static/vendor/leaflet/images/
	cat $(LEAFLET)/leaflet.css $(CLUSTER)/MarkerCluster.css $(CLUSTER)/MarkerCluster.Default.css \
		> static/vendor/leaflet/leaflet-clusters.css
	{ sed '/sourceMappingURL/d' $(LEAFLET)/leaflet.js; echo; \
		sed '/sourceMappingURL/d' $(CLUSTER)/leaflet.markercluster.js; } > static/vendor/leaflet/leaflet-clusters.js

makemessages: install
	$(MANAGE) makemessages --locale it --locale en --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'staticfiles/*'

messages: install
	$(MANAGE) compilemessages --ignore '.venv' --ignore 'node_modules' -v 0

collectstatic: install assets
	$(MANAGE) collectstatic --noinput -v 0

# The migrations make the rate limits' table; createcachetable makes any other
# database cache's table that settings may name.
migrate: install
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) createcachetable

demo: install
	$(LOCAL_ENV) $(MANAGE) load_demo_data

# Installs a Debian package whose command is missing (as root), or says how to.
define apt_install
	@command -v $(1) >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null; \
		else \
			echo "$(1) is missing: run 'sudo apt-get install $(1)' (Debian/Ubuntu) and try again."; exit 1; \
		fi; }
endef

# Browser tests drive Debian's Chromium; Playwright's own download is not used.
chromium:
	$(call apt_install,chromium)

# As a server runs: no local opt-in, a key of its own, a database address of its
# own (`check --deploy` never connects to it; without one manage.py would stop).
check-deploy: install
	DJANGO_SECRET_KEY="$$(openssl rand -base64 48)" DJANGO_ALLOWED_HOSTS=creativecities.example \
		DATABASE_URL=postgresql://deploy-check@db.invalid/creativecities \
		DJANGO_PAGE_CACHE_URL=redis://deploy-check.invalid:6379/2 \
		$(PY) manage.py check --deploy --fail-level WARNING

# Stops the embedded PostgreSQL of this checkout, if it runs (no-op with DATABASE_URL).
db-stop:
	@if [ -x $(PY) ]; then $(PY) -m creativecities.local_data stop; fi

# The saturated phase of the benchmark drives Debian's wrk: a Python client at
# 16 connections on two cores would measure itself rather than the portal.
wrk:
	$(call apt_install,wrk)

bench: setup wrk
	$(LOCAL) $(PY) bench/run.py

# The desk's benchmark: its pages' share of a bare view at saturation, query
# counts, submissions from 4 clients, mail down then slow (a local SMTP server and
# the task worker), and abuse over two app processes (bench/README.md).
bench-desk: setup wrk
	$(LOCAL) $(PY) bench/desk.py

# The public plan page at 50 actions and 200 indicators, in a rolled-back transaction.
bench-plan: setup migrate
	$(LOCAL) $(PY) bench/plan_page.py

# The survey's results pages at 2,000 answer sets, in process, in the checkout's
# database (what it adds it removes): SQL queries, median time and CPU per page.
bench-survey: setup migrate
	$(LOCAL) $(PY) bench/survey_results.py

# The desk's statistics page at 50,000 enquiries, in a rolled-back transaction.
bench-statistics: setup migrate
	$(LOCAL) $(PY) bench/desk_statistics.py

# Per-request CPU of the directory's pages for a logged-in member, in process, on
# the benchmark's database (bench/cpu.py; `demo` for the desk's lists, `--sizes`
# for the directory at several sizes, `--profile PAGE` for where the time goes).
bench-cpu: setup
	$(LOCAL) $(PY) bench/cpu.py

# The security probe's abuse replay: 50 rapid requests per probe against gunicorn on
# 127.0.0.1, in a database of its own; prints what got through and the mail sent.
abuse: setup
	$(LOCAL) $(PY) bench/abuse.py

# Issue 22's page weight: each public page's first load in Chromium against
# gunicorn with production settings, on this checkout's database with the demo
# data; fails past 200 KB or 15 requests (logos and map tiles aside) or on HTML
# sent uncompressed (bench/page_weight.py).
page-weight: setup migrate demo chromium
	$(LOCAL) $(PY) bench/page_weight.py

# Issue 22's Lighthouse scores (mobile): Lighthouse from package.json's
# devDependencies (`make install` runs npm ci), Debian's Chromium headless, the
# same production server (bench/lighthouse.py; `--all` for every page kind).
lighthouse: setup migrate demo chromium
	CHROME_PATH=/usr/bin/chromium $(LOCAL) $(PY) bench/lighthouse.py

clean: db-stop
	rm -rf $(VENV) node_modules staticfiles static/vendor .pytest_cache .mypy_cache .ruff_cache
