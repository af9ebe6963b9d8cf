# Quick start: `make demo` runs the demo against the embedded emulator, `make test` runs every check CI runs.
SHELL := /bin/bash
PYTHON ?= $(shell tools/find-python)
VENV ?= .venv
BIN := $(CURDIR)/$(VENV)/bin
STAMP := $(VENV)/.installed
COLLECTIONS := $(CURDIR)/build/collections
LINK := $(COLLECTIONS)/ansible_collections/telephony/pbx

# Emulator settings for `make emulator` (see docs/emulator.md). PORT defaults to the vendor's port:
# yeastar 8088, portsip 8887, telecomx 8089 (the ports `make fleet` uses, listed in emulator/pbx_emulator/personality.py).
VENDOR ?= yeastar
PORT ?=
CLIENT_ID ?= emulator-client-id
CLIENT_SECRET ?= emulator-client-secret
ACCESS_TOKEN_TTL ?= 1800
REFRESH_TOKEN_TTL ?= 86400

export ANSIBLE_COLLECTIONS_PATH := $(COLLECTIONS)
export PATH := $(BIN):$(PATH)

.PHONY: all venv emulator fleet demo test unit integration lint sanity docs docs-check docs-lint docs-site changelog-lint build ee-context benchmark bench test-oldest clean

all: test

$(STAMP): requirements-dev.txt emulator/pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt -e ./emulator
	@touch $@

$(LINK):
	@mkdir -p $(dir $@)
	@ln -sfn $(CURDIR) $@

venv: $(STAMP) $(LINK)

emulator: venv
	$(BIN)/python -m pbx_emulator --vendor $(VENDOR) $(if $(PORT),--port $(PORT)) $(EMULATOR_LOGIN)

# One emulator per vendor, each on its vendor's port (playbooks/inventory/fleet.yml points at them).
fleet: venv
	$(BIN)/python -m pbx_emulator --fleet $(EMULATOR_LOGIN)

EMULATOR_LOGIN = --client-id '$(CLIENT_ID)' --client-secret '$(CLIENT_SECRET)' \
	  --access-token-ttl $(ACCESS_TOKEN_TTL) --refresh-token-ttl $(REFRESH_TOKEN_TTL)

demo: venv
	cd tools && $(BIN)/python demo.py

test: docs-check docs-lint unit integration lint sanity changelog-lint

# The oldest supported ansible-core (2.19) runs on Python 3.11; requirements-dev.txt picks it there.
OLDEST_PYTHON ?= python3.11
test-oldest:
	$(MAKE) unit integration PYTHON=$(OLDEST_PYTHON) VENV=.venv-core2.19

unit: venv
	$(BIN)/python -m pytest -q emulator/tests tests/unit

integration: venv
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup tests/integration

lint: venv
	$(BIN)/ansible-lint --profile production --offline playbooks $(wildcard roles/*) extensions/awx/install_credential_types.yml

sanity: venv
	$(BIN)/python tools/sanity.py

docs: venv
	$(BIN)/python tools/render_docs.py

docs-check: venv
	$(BIN)/python tools/render_docs.py --check

DOCS_STAMP := $(VENV)/.installed-docs
$(DOCS_STAMP): requirements-docs.txt $(STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-docs.txt
	@touch $@

# Plugin and role docs (schema, markup, references to options and plugins, rstcheck) and the Markdown guides' links;
# fails on a broken reference.
docs-lint: venv $(DOCS_STAMP)
	$(BIN)/antsibull-docs lint-collection-docs --plugin-docs --validate-collection-refs dependent $(LINK)
	$(BIN)/python tools/check_markdown_links.py

# Not part of `test`: a few minutes. The static HTML site, built offline; see tools/docs_site.sh.
DOCS_SITE ?= build/docs-site
docs-site: venv $(DOCS_STAMP)
	tools/docs_site.sh $(DOCS_SITE)

changelog-lint: venv
	$(BIN)/antsibull-changelog lint

N ?= 20
benchmark: venv
	$(BIN)/python benchmarks/extensions.py -n $(N)

# Not part of `test`: minutes of wall time, and wall time is never a gate (see docs/performance.md).
BENCH_N ?= 120 1000
bench: venv
	$(BIN)/python benchmarks/config.py -n $(BENCH_N) --output docs/performance.md

build: venv
	$(BIN)/ansible-galaxy collection build --force --output-path build

# The execution environment's build context (execution-environment.yml, docs/execution-environment.md) in build/ee,
# offline. Build the image from it with podman or docker: `ansible-builder build --file execution-environment.yml
# --context build/ee --tag telephony-pbx-ee` (needs Galaxy for ansible.netcommon).
ee-context: build
	$(BIN)/ansible-builder create --file execution-environment.yml --context build/ee --output-filename Containerfile

clean:
	rm -rf build $(VENV)
