# dipwatch developer entry points. Needs python3, make and (installed on demand when
# run as root on Debian/Ubuntu) Java 17 and Maven for the local Kafka broker.
#
#   make test    everything CI runs: lint, then unit, integration and ops tests against a real broker
#   make demo    a local broker plus the pipeline on the bundled sample articles
#   make lint    ruff check and format check

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
# Re-installs only when pyproject.toml is newer than this stamp.
VENV_STAMP := $(VENV)/.installed-pyproject
CACHE_DIR := .cache
APT_PACKAGES_HINT := openjdk-17-jre-headless maven

.PHONY: help venv java-tools kafka-jars ops-tools test demo lint clean distclean
# Several targets may run apt-get; under -j they would fight over the dpkg lock.
.NOTPARALLEL:

help:
	@echo "make test       unit + integration tests (starts its own Kafka broker)"
	@echo "make demo       run the pipeline on sample articles against a local broker"
	@echo "make lint       ruff check + ruff format --check"
	@echo "make venv       create $(VENV) and install the project with dev extras"
	@echo "make kafka-jars download the Apache Kafka broker jars into $(CACHE_DIR)/ (once)"
	@echo "make ops-tools  install Prometheus tools used by the end-to-end tests"
	@echo "make clean      remove caches and local run state; distclean also $(VENV) and $(CACHE_DIR)"

venv: $(VENV_STAMP)

$(VENV_STAMP): pyproject.toml
	@if [ ! -x $(VENV)/bin/python ]; then \
	  if ! $(PYTHON) -m venv $(VENV); then \
	    rm -rf $(VENV); \
	    if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	      echo "python3 -m venv needs python3-venv; installing it with apt-get"; \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv; \
	      $(PYTHON) -m venv $(VENV); \
	    else \
	      echo "python3 -m venv failed; install python3-venv (Debian/Ubuntu: sudo apt-get install python3-venv)" >&2; \
	      exit 1; \
	    fi; \
	  fi; \
	fi
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	@touch $@

# Java and Maven for the broker. As root on Debian/Ubuntu they are installed; otherwise
# the message says what to install. Debian 13 has no openjdk-17, so fall back to the
# release's default JRE there (Kafka 3.9 runs on 17 and 21).
java-tools:
	@missing=""; \
	command -v java >/dev/null || missing="$$missing java"; \
	command -v mvn >/dev/null || missing="$$missing mvn"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Missing:$$missing; installing Java and Maven with apt-get"; \
	    apt-get update -qq; \
	    jre=openjdk-17-jre-headless; \
	    apt-cache show $$jre >/dev/null 2>&1 || jre=default-jre-headless; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$jre maven; \
	  else \
	    echo "Missing:$$missing. The local Kafka broker needs Java 17 and Maven:" >&2; \
	    echo "  sudo apt-get install $(APT_PACKAGES_HINT)" >&2; \
	    exit 1; \
	  fi; \
	fi

kafka-jars: venv java-tools
	$(VENV)/bin/python -m streams.localkafka jars --cache-dir $(CACHE_DIR)

# ops/prometheus/install.sh provides promtool and prometheus for the e2e tests.
ops-tools:
	@if [ -f ops/prometheus/install.sh ]; then \
	  bash ops/prometheus/install.sh; \
	else \
	  echo "notice: ops/prometheus/install.sh not found; skipping Prometheus tools"; \
	fi

test: venv lint kafka-jars ops-tools
	$(VENV)/bin/python -m pytest

demo: venv kafka-jars
	$(VENV)/bin/dipwatch demo

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf .pytest_cache .ruff_cache .hypothesis .coverage htmlcov build dist var *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) $(CACHE_DIR)
