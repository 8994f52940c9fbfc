# maintwatch. `make demo` runs the whole pipeline on bundled demo shops;
# `make test` runs every test with the race detector.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)
GO ?= go
# go-sqlite3 needs cgo.
export CGO_ENABLED := 1

.PHONY: build demo test eval bench bench-readme load fuzz lint clean

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o bin/watcher ./cmd/watcher

demo: build
	./bin/watcher demo

test:
	$(GO) test -race -count=1 ./...

# Classifier figures on the labelled corpus beside the keyword baseline, then
# site-level precision and recall, each with its target and met / NOT MET:
# the judge alone on synthetic histories (judge/sitesim), then the whole
# pipeline replayed on the demo shops and 120 generated shops, and through the
# command line on the blind web of internal/blindweb (~7 min). bash for
# pipefail: a missed target fails make eval, not only grep's status.
eval: SHELL := /bin/bash
eval:
	$(GO) run ./nlp/cmd/evalnlp
	$(GO) run ./judge/sitesim/cmd/evalsite
	set -o pipefail; MAINTWATCH_EVAL_SHOPS=120 $(GO) test -count=1 -run '^TestSiteLevelEval$$' -v ./cycle | grep -v -e "^=== RUN" -e "^--- PASS" -e "^PASS$$"
	set -o pipefail; MAINTWATCH_BLINDWEB=1 $(GO) test -count=1 -timeout 40m -run '^TestBlindWeb$$' -v ./internal/blindweb | grep -e "blind web:" -e "site-days:" -e "on time" -e "late:" -e "missed" -e "false flag" -e "problem:" -e "^--- " -e "^ok" -e "^FAIL"

# Every benchmark of the project (one package at a time), printed as one table
# of figures against in-run baselines and targets (internal/benchtable/targets.go).
# The raw output is kept in bin/bench.txt for bench-readme. BENCHTIME=1x for
# a quicker, noisier pass.
bench:
	@mkdir -p bin
	$(GO) run ./internal/benchtable -raw-out bin/bench.txt

# Rewrites the README's performance section (between the bench markers) from
# the last `make bench` and `make load`; nobody types those figures by hand.
bench-readme:
	$(GO) run ./internal/benchtable -from bin/bench.txt $(if $(wildcard bin/load.json),-load bin/load.json) -readme README.md

# The full load test: 500 shops crawled cycle after cycle while 200 clients
# read the feeds and site pages for 60 s, asserting zero errors and zero
# "database is locked". make test runs a small version (100 shops, 50 clients,
# 5 s; 30, 10 and 2 s under -race). Figures go to bin/load.json for bench-readme.
load:
	@mkdir -p bin
	MAINTWATCH_LOAD=full MAINTWATCH_LOAD_OUT=$(CURDIR)/bin/load.json $(GO) test -count=1 -timeout 20m -run '^TestLoad$$' -v ./internal/loadtest

# Ten minutes per fuzz target (not in CI); found inputs stay in testdata/fuzz.
FUZZTIME ?= 10m
fuzz:
	./scripts/fuzz.sh $(FUZZTIME)

lint:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)

clean:
	rm -rf bin
