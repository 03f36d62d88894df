# mentordocs: the quick start and the checks CI runs. See README.md.
BIN := .build/release/mentordocs
OUT ?= Output

.PHONY: examples test build deps test-deps check-output clean

# Install what is missing (as root), build, and render Examples/ and every blank form into Output/.
examples: deps build
	rm -rf $(OUT)/examples-check
	for f in Examples/*.yaml; do $(BIN) render "$$f" --out $(OUT) --doc all || exit 1; \
	  $(BIN) render "$$f" --out $(OUT) --doc all --format xhtml >/dev/null || exit 1; done
	$(BIN) blank --out $(OUT) --doc all >/dev/null
	$(BIN) blank --out $(OUT) --doc all --format xhtml >/dev/null
	@echo "rendered Examples/ and blank forms into $(OUT)/"

# The test suite, then the rendered examples and blank forms checked by xmllint and the Nu checker.
test: test-deps
	swift test
	$(MAKE) --no-print-directory examples OUT=.build/check-output
	scripts/check-output .build/check-output

build:
	swift build -c release --product mentordocs

deps:
	scripts/install-deps

test-deps:
	scripts/install-deps --test

clean:
	rm -rf .build $(OUT)/*/
