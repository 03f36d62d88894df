# mentordocs: the quick start and the checks CI runs. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
BIN := .build/release/mentordocs
OUT ?= Output
PAPER ?= letter

.PHONY: examples test build deps test-deps check-output clean install uninstall man completions

# Install what is missing (as root), build, and render Examples/ (each file, and the roster on its
# own) and every blank form into Output/; one line per step, not one per file written.
examples: deps build
	@for f in Examples/*.yaml; do for format in html xhtml; do \
	  $(BIN) render "$$f" --out $(OUT) --doc all --paper $(PAPER) --format $$format >/dev/null || exit 1; done; done
	@echo "rendered Examples/*.yaml (every document, HTML5 and XHTML) into $(OUT)/"
	@$(BIN) batch --roster Examples/roster.csv --out $(OUT)/roster --paper $(PAPER) --no-progress | sed "s|^|Examples/roster.csv: |"
	@$(BIN) blank --out $(OUT) --doc all --paper $(PAPER) >/dev/null
	@$(BIN) blank --out $(OUT) --doc all --paper $(PAPER) --format xhtml >/dev/null
	@echo "rendered every blank form (HTML5 and XHTML) into $(OUT)/blank/"

# The test suite (its failures and summary shown, the whole log in .build/swift-test.log); then
# every example and blank form, on Letter and A4, checked by xmllint, the Nu Html Checker and a
# print to PDF in headless Chromium (page counts, nothing split by a break); then `make install`
# into a temporary prefix and the installed binary used from an empty folder (scripts/install-check).
test: test-deps
	mkdir -p .build
	@swift build --build-tests > .build/swift-build.log 2>&1 || { cat .build/swift-build.log; exit 1; }
	@! grep 'warning:' .build/swift-build.log | grep -v '/.build/checkouts/' || { echo "warnings (above)"; exit 1; }
	@swift test > .build/swift-test.log 2>&1 || { grep -E '✘|error:|recorded an issue' .build/swift-test.log; tail -5 .build/swift-test.log; exit 1; }
	@grep -E 'Test run with [0-9]+ tests' .build/swift-test.log
	rm -rf .build/check-letter .build/check-a4
	@$(MAKE) --no-print-directory examples OUT=.build/check-letter PAPER=letter
	@$(MAKE) --no-print-directory examples OUT=.build/check-a4 PAPER=a4
	scripts/check-output .build/check-letter
	scripts/print-check .build/check-letter --paper letter
	scripts/print-check .build/check-a4 --paper a4
	$(MAKE) --no-print-directory product-pdfs OUT=.build/check-letter PAPER=letter
	$(MAKE) --no-print-directory product-pdfs OUT=.build/check-a4 PAPER=a4
	scripts/print-check .build/check-letter --paper letter --product-pdf
	scripts/print-check .build/check-a4 --paper a4 --product-pdf
	scripts/install-check

# `make install [PREFIX=/usr/local]`: the binary, its templates and DTD (PREFIX/share/mentordocs/,
# found from the binary's own path), the man page and bash, zsh and fish completions.
# `make uninstall` with the same PREFIX removes exactly those files.
PREFIX ?= /usr/local
DEST = $(DESTDIR)$(PREFIX)
SHARE_FILES := $(sort $(wildcard Templates/*/*.xhtml)) \
  $(patsubst Sources/MentorDocs/Resources/%,%,$(sort $(wildcard Sources/MentorDocs/Resources/DTD/*)))
MAN := .build/manual/mentordocs.1
COMPLETIONS := .build/completions/mentordocs.bash .build/completions/_mentordocs .build/completions/mentordocs.fish
INSTALLED := bin/mentordocs share/man/man1/mentordocs.1 share/bash-completion/completions/mentordocs \
  share/zsh/site-functions/_mentordocs share/fish/vendor_completions.d/mentordocs.fish \
  $(addprefix share/mentordocs/,$(SHARE_FILES))

install: build man completions
	@for f in $(SHARE_FILES); do case $$f in Templates/*) src=$$f;; *) src=Sources/MentorDocs/Resources/$$f;; esac; \
	  mkdir -p "$(DEST)/share/mentordocs/$$(dirname $$f)" && cp "$$src" "$(DEST)/share/mentordocs/$$f" || exit 1; done
	mkdir -p $(DEST)/bin $(DEST)/share/man/man1 $(DEST)/share/bash-completion/completions \
	  $(DEST)/share/zsh/site-functions $(DEST)/share/fish/vendor_completions.d
	cp $(BIN) $(DEST)/bin/mentordocs
	cp $(MAN) $(DEST)/share/man/man1/mentordocs.1
	cp .build/completions/mentordocs.bash $(DEST)/share/bash-completion/completions/mentordocs
	cp .build/completions/_mentordocs $(DEST)/share/zsh/site-functions/_mentordocs
	cp .build/completions/mentordocs.fish $(DEST)/share/fish/vendor_completions.d/mentordocs.fish
	@echo "installed mentordocs $$($(DEST)/bin/mentordocs --version) into $(DEST) ($(words $(INSTALLED)) files)"

uninstall:
	rm -f $(addprefix $(DEST)/,$(INSTALLED))
	@for d in $(sort $(dir $(SHARE_FILES))) Templates/ ""; do rmdir "$(DEST)/share/mentordocs/$$d" 2>/dev/null || true; done

# The man page, from the command's own help (swift-argument-parser's GenerateManual plugin).
man: build
	@mkdir -p $(dir $(MAN))
	@swift package --allow-writing-to-package-directory generate-manual --configuration release \
	  > .build/manual/generate.log 2>&1 || { cat .build/manual/generate.log; exit 1; }
	@cp "$$(find .build/plugins -path '*GenerateManual*' -name mentordocs.1 | head -1)" $(MAN)

completions: build
	@mkdir -p .build/completions
	@$(BIN) --generate-completion-script bash > .build/completions/mentordocs.bash
	@$(BIN) --generate-completion-script zsh > .build/completions/_mentordocs
	@$(BIN) --generate-completion-script fish > .build/completions/mentordocs.fish

# mentordocs's own PDFs of the examples, the roster and the blank forms, beside their HTML in $(OUT).
.PHONY: product-pdfs
product-pdfs: build
	for f in Examples/*.yaml; do $(BIN) render "$$f" --out $(OUT) --doc all --paper $(PAPER) --format pdf >/dev/null || exit 1; done
	$(BIN) batch --roster Examples/roster.csv --out $(OUT)/roster --paper $(PAPER) --format pdf --no-progress >/dev/null
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
