# The two commands a person needs are `make run` and `make test`; both
# install the system packages they need when they are missing (.ci/deps.sh).
GO ?= go
SMOKE_DIR ?= build/smoke
PACKAGE_DIR ?= build/package
# Tools run from the module proxy at a fixed version, never from go.mod
# (Fyne's tool would move the app's Fyne version).
ACTIONLINT ?= $(GO) run github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
# Fyne's packaging tool is pinned in packaging/package.sh (FYNE overrides it),
# the one place every build of the downloads goes through.

.PHONY: run test deps deps-package test-deps tree-before tree-after fmt-check vet lint unit smoke \
	packages package-linux package-windows check-linux-package check-windows-package \
	release-cli bench build build-cli startup-time

run: deps
	$(GO) run .

# Everything CI runs (.ci/run), cheap checks first. It leaves the source
# tree as it found it: tree-after fails otherwise.
test: test-deps tree-before fmt-check vet lint unit smoke packages tree-after

deps:
	@sh .ci/deps.sh

deps-package:
	@sh .ci/deps.sh --package

test-deps:
	@sh .ci/deps.sh --test

tree-before:
	@mkdir -p build
	@git status --porcelain --untracked-files=all >build/tree-before.txt 2>/dev/null || echo "not a git checkout" >build/tree-before.txt

tree-after:
	@git status --porcelain --untracked-files=all >build/tree-after.txt 2>/dev/null || echo "not a git checkout" >build/tree-after.txt
	@if ! cmp -s build/tree-before.txt build/tree-after.txt; then \
		echo "make test changed the source tree (git status before and after):"; \
		diff build/tree-before.txt build/tree-after.txt; exit 1; fi
	@echo "tree: make test left the source tree as it found it"

fmt-check:
	@echo "gofmt: checking formatting"
	@files=$$(gofmt -l $$(find . -name '*.go' -not -path './build/*')); \
	if [ -n "$$files" ]; then echo "gofmt: these files need formatting:"; echo "$$files"; exit 1; fi

# The engine and the command line are also released for Windows and macOS:
# they are vetted (so type-checked) for those systems too.
vet:
	$(GO) vet ./...
	GOOS=windows $(GO) vet ./engine/... ./cli/... ./cmd/pagekeeper-cli/
	GOOS=darwin $(GO) vet ./engine/... ./cli/... ./cmd/pagekeeper-cli/

# The release workflow (actionlint, which runs shellcheck on its steps) and
# the packaging scripts (shellcheck).
lint:
	$(ACTIONLINT)
	shellcheck -s sh -S warning packaging/*.sh .ci/deps.sh .ci/run .ci/smoke.sh docs/screenshots.sh

# PAGEKEEPER_REQUIRE_BROWSER=1: a missing Chromium fails the browser tests
# instead of skipping them.
unit:
	PAGEKEEPER_REQUIRE_BROWSER=1 $(GO) test -race ./...
	@echo "Stop and Drain again, five times over"
	PAGEKEEPER_REQUIRE_BROWSER=1 $(GO) test -race -count=5 -run 'Stop|Drain|Controls' ./engine/

smoke:
	@SMOKE_DIR=$(SMOKE_DIR) sh .ci/smoke.sh

# The downloads, built and checked as released (packaging/*.sh). The two
# builds run side by side: each spends minutes in one C compiler (Fyne's
# cgo), which leaves the other core idle.
packages: deps-package
	$(MAKE) -j2 --output-sync=target package-linux package-windows
	$(MAKE) check-linux-package check-windows-package

package-linux: deps-package
	sh packaging/package.sh linux $(PACKAGE_DIR)

package-windows: deps-package
	sh packaging/package.sh windows $(PACKAGE_DIR)

check-linux-package:
	sh packaging/check-linux.sh $(PACKAGE_DIR)

check-windows-package:
	sh packaging/check-windows.sh $(PACKAGE_DIR)

# The command-line build (no cgo) for every system it is released for.
release-cli:
	sh packaging/cli.sh $(PACKAGE_DIR)

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

build: deps
	$(GO) build -o build/pagekeeper .

build-cli:
	CGO_ENABLED=0 $(GO) build -o build/pagekeeper-cli ./cmd/pagekeeper-cli

# How long the window takes to appear and be drawn, under Xvfb (a
# measurement for the README, not a test).
startup-time: build test-deps
	sh packaging/startup.sh build/pagekeeper 7
