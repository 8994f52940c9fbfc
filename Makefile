# maintwatch. `make demo` runs the whole pipeline on bundled demo shops;
# `make test` runs every test with the race detector.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)
GO ?= go
# go-sqlite3 needs cgo.
export CGO_ENABLED := 1

.PHONY: build demo test eval bench fuzz lint clean

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o bin/watcher ./cmd/watcher

demo: build
	./bin/watcher demo

test:
	$(GO) test -race -count=1 ./...

# Classifier figures on the labelled corpus beside the keyword baseline, then
# site-level precision and recall on the demo shops and a generated web.
eval:
	$(GO) run ./nlp/cmd/evalnlp
	MAINTWATCH_EVAL_SHOPS=120 $(GO) test -count=1 -run TestSiteLevelEval -v ./cycle | grep -v "^=== RUN"

# Every benchmark of the project, as ratios against in-run baselines.
bench:
	$(GO) run ./internal/benchtable

# Ten minutes per fuzz target (not in CI); found inputs stay in testdata/fuzz.
FUZZTIME ?= 10m
fuzz:
	./scripts/fuzz.sh $(FUZZTIME)

lint:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)

clean:
	rm -rf bin
