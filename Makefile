# mentordocs: the quick start and the checks CI runs. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
BIN := .build/release/mentordocs
OUT ?= Output
PAPER ?= letter

.PHONY: examples test build deps test-deps check-output clean

# Install what is missing (as root), build, and render Examples/ and every blank form into Output/.
examples: deps build
	for f in Examples/*.yaml; do $(BIN) render "$$f" --out $(OUT) --doc all --paper $(PAPER) || exit 1; \
	  $(BIN) render "$$f" --out $(OUT) --doc all --paper $(PAPER) --format xhtml >/dev/null || exit 1; done
	$(BIN) blank --out $(OUT) --doc all --paper $(PAPER) >/dev/null
	$(BIN) blank --out $(OUT) --doc all --paper $(PAPER) --format xhtml >/dev/null
	@echo "rendered Examples/ and blank forms into $(OUT)/"

# The test suite; then every example and blank form, on Letter and A4, checked by xmllint, the
# Nu Html Checker and a print to PDF in headless Chromium (page counts, nothing split by a break).
test: test-deps
	mkdir -p .build
	swift test 2>&1 | tee .build/swift-test.log
	rm -rf .build/check-letter .build/check-a4
	$(MAKE) --no-print-directory examples OUT=.build/check-letter PAPER=letter
	$(MAKE) --no-print-directory examples OUT=.build/check-a4 PAPER=a4
	scripts/check-output .build/check-letter
	scripts/print-check .build/check-letter --paper letter
	scripts/print-check .build/check-a4 --paper a4
	$(MAKE) --no-print-directory product-pdfs OUT=.build/check-letter PAPER=letter
	$(MAKE) --no-print-directory product-pdfs OUT=.build/check-a4 PAPER=a4
	scripts/print-check .build/check-letter --paper letter --product-pdf
	scripts/print-check .build/check-a4 --paper a4 --product-pdf

# mentordocs's own PDFs of the examples and blank forms, beside their HTML in $(OUT).
.PHONY: product-pdfs
product-pdfs: build
	for f in Examples/*.yaml; do $(BIN) render "$$f" --out $(OUT) --doc all --paper $(PAPER) --format pdf >/dev/null || exit 1; done
	$(BIN) blank --out $(OUT) --doc all --paper $(PAPER) --format pdf >/dev/null

build:
	swift build -c release --product mentordocs

deps:
	scripts/install-deps

test-deps:
	scripts/install-deps --test

clean:
	rm -rf .build $(OUT)/*/

# Batch benchmark (docs/batch.md): release build, generated cohorts of 1,000 and 10,000 pairs in
# /dev/shm, `mentordocs batch` with --timings; then 2,000 pairs side by side with the libxml2 floor
# and, with PEER=DIR (a folder holding the reference peers), with them. BENCH_SIZES, BENCH_JOBS and BENCH_DIR adjust it;
# BENCH_SCRATCH picks another build folder (swift build --scratch-path).
BENCH_SCRATCH ?= .build
PEER ?=
.PHONY: bench
bench:
	swift build -c release --product mentordocs --scratch-path $(BENCH_SCRATCH)
	swift build -c release --product mentordocs-floor --scratch-path $(BENCH_SCRATCH)
	mkdir -p $(BENCH_SCRATCH)/bench
	swiftc -O Benchmarks/GenerateCohort.swift -o $(BENCH_SCRATCH)/bench/generate-cohort
	BIN=$(BENCH_SCRATCH)/release/mentordocs GEN=$(BENCH_SCRATCH)/bench/generate-cohort \
	  FLOOR=$(BENCH_SCRATCH)/release/mentordocs-floor PEER=$(PEER) Benchmarks/run-bench
