# Entry points for people and CI. Everything else is CMake (see CMakePresets.json).
#   make run    install what is missing, build, run Pillars on a bundled example
#   make test   install what is missing, build, run every test through ctest, then the fuzz
#               regression run (each libFuzzer harness over its seeds plus FUZZ_CHECK_SECONDS)
#   make bench  engine benchmarks (pillars-cli bench)
#   make asan   build and test everything with AddressSanitizer + UndefinedBehaviorSanitizer (gcc)
#   make asan-suites  the engine, CLI and GUI monkey suites under the sanitizers, built with
#               clang beside the fuzz harnesses (what CI runs, see .ci/run)
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

.PHONY: all deps configure build run test unit-tests bench asan asan-build asan-suites sanitizer-build \
        fuzz-configure fuzz-build fuzz-check fuzz \
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

# The fuzz preset (clang, ASan + UBSan, coverage instrumentation) in build/fuzz holds both the
# libFuzzer harnesses and the suites CI runs under the sanitizers, so the engine is compiled once
# for both; each target below builds only the programs it needs (never the desktop app).
fuzz-configure: deps
	@cmake --preset fuzz -DPILLARS_FUZZ_SECONDS=$(FUZZ_CHECK_SECONDS) >/dev/null

fuzz-build: fuzz-configure
	@cmake --build build/fuzz -j $(JOBS) --target fuzz_harnesses

fuzz-check: fuzz-build
	@cd build/fuzz && ctest --output-on-failure -j $(JOBS) -L '^fuzz$$'

fuzz: fuzz-build
	@bash scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_HARNESSES)

bench: build
	@$(CLI) bench

package: build
	@cmake --build $(BUILD_DIR) --target package

# The whole tree and every suite under the sanitizers, with gcc (the asan preset, build/asan).
asan:
	@$(MAKE) unit-tests PRESET=asan

# The sanitizer suites CI runs, in the fuzz preset's build folder: the engine (with the
# allocation tests), the CLI and the GUI monkey. ASAN_SUITE_TARGETS/LABELS change the choice
# (add pillars_widget_tests and "widgets" for every widget test).
ASAN_SUITE_TARGETS ?= pillars_engine_tests pillars_alloc_tests pillars_cli_tests pillars_monkey_tests
ASAN_SUITE_LABELS ?= ^(engine|cli|monkey)$$
asan-build: fuzz-configure
	@cmake --build build/fuzz -j $(JOBS) --target $(ASAN_SUITE_TARGETS)

asan-suites: asan-build
	@cd build/fuzz && ctest --output-on-failure -j $(JOBS) -L '$(ASAN_SUITE_LABELS)'

# The harnesses and the sanitizer suites in one build, so both cores stay busy throughout (CI).
sanitizer-build: fuzz-configure
	@cmake --build build/fuzz -j $(JOBS) --target fuzz_harnesses $(ASAN_SUITE_TARGETS)

clean:
	@rm -rf build
