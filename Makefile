# Entry points for people and CI. Everything else is CMake (see CMakePresets.json).
#   make run    install what is missing, build, run Pillars on a bundled example
#   make test   install what is missing, build, run every test through ctest, then the fuzz
#               regression run (each libFuzzer harness over its seeds plus FUZZ_CHECK_SECONDS)
#   make bench  engine benchmarks (pillars-cli bench)
#   make asan   build and test with AddressSanitizer + UndefinedBehaviorSanitizer
#   make asan-suites  the same for the engine and CLI suites only (what CI runs, see .ci/run)
#   make fuzz   fuzz every reader for FUZZ_SECONDS each (default 600), at low priority
#   make package  Debian package (CPack)

PRESET ?= release
BUILD_DIR := build/$(PRESET)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CLI := $(BUILD_DIR)/app/cli/pillars-cli
EXAMPLE ?= resources/examples/three-tier.json
# Fuzzing seconds per harness: in `make test` (7 harnesses, two at a time; docs/testing.md
# explains the figure) and in `make fuzz`. FUZZ_HARNESSES limits `make fuzz` to some of them.
FUZZ_CHECK_SECONDS ?= 30
FUZZ_SECONDS ?= 600
FUZZ_HARNESSES ?=

.PHONY: all deps configure build run test unit-tests bench asan asan-build asan-suites fuzz-build fuzz-check fuzz \
        package clean

all: build

deps:
	@bash scripts/install-deps.sh

configure: deps
	@cmake --preset $(PRESET) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ -x $(BUILD_DIR)/app/gui/pillars ]; then \
	  $(BUILD_DIR)/app/gui/pillars $(EXAMPLE); \
	else \
	  if [ -x $(BUILD_DIR)/app/gui/pillars ]; then echo "No display found: running the headless demo instead."; \
	  else echo "The desktop app is not built yet: running the headless demo."; fi; \
	  echo "\$$ pillars-cli simulate $(EXAMPLE)"; \
	  $(CLI) simulate $(EXAMPLE); \
	fi

# In this order, also under `make -j`: the fuzz build is started only once the suites pass.
test:
	@$(MAKE) --no-print-directory unit-tests
	@$(MAKE) --no-print-directory fuzz-check

unit-tests: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The fuzz preset (clang, libFuzzer, ASan + UBSan): the engine and its reader harnesses only.
fuzz-build: deps
	@cmake --preset fuzz -DPILLARS_FUZZ_SECONDS=$(FUZZ_CHECK_SECONDS) >/dev/null
	@cmake --build build/fuzz -j $(JOBS)

fuzz-check: fuzz-build
	@cd build/fuzz && ctest --output-on-failure -j $(JOBS)

fuzz: fuzz-build
	@bash scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_HARNESSES)

bench: build
	@$(CLI) bench

package: build
	@cmake --build $(BUILD_DIR) --target package

asan:
	@$(MAKE) unit-tests PRESET=asan

# The sanitizer suites CI runs: engine (with the allocation tests) and CLI, built in build/asan
# without the desktop app's own targets. ASAN_SUITE_TARGETS/LABELS add the widget tests if wanted.
ASAN_SUITE_TARGETS ?= pillars_engine_tests pillars_alloc_tests pillars_cli_tests
ASAN_SUITE_LABELS ?= ^(engine|cli)$$
asan-build: deps
	@cmake --preset asan >/dev/null
	@cmake --build build/asan -j $(JOBS) --target $(ASAN_SUITE_TARGETS)

asan-suites: asan-build
	@cd build/asan && ctest --output-on-failure -j $(JOBS) -L '$(ASAN_SUITE_LABELS)'

clean:
	@rm -rf build
