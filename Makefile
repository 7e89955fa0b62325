# The two commands a person needs are `make run` and `make test`; both
# install the system packages Fyne's cgo build needs when they are missing.
GO ?= go
SMOKE_DIR ?= build/smoke

.PHONY: run test deps test-deps fmt-check vet unit smoke bench build

run: deps
	$(GO) run .

test: test-deps fmt-check vet unit smoke

deps:
	@sh .ci/deps.sh

test-deps:
	@sh .ci/deps.sh --test

fmt-check:
	@echo "gofmt: checking formatting"
	@files=$$(gofmt -l $$(find . -name '*.go' -not -path './build/*')); \
	if [ -n "$$files" ]; then echo "gofmt: these files need formatting:"; echo "$$files"; exit 1; fi

vet:
	$(GO) vet ./...

unit:
	$(GO) test -race ./...
	@echo "Stop and Drain again, five times over"
	$(GO) test -race -count=5 -run 'Stop|Drain|Controls' ./engine/

smoke:
	@SMOKE_DIR=$(SMOKE_DIR) sh .ci/smoke.sh

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

build: deps
	$(GO) build -o build/pagekeeper .
