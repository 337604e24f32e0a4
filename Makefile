# Entry points for people and CI. Everything else is CMake (see CMakePresets.json).
#   make run    install what is missing, build, run Pillars on a bundled example
#   make test   install what is missing, build, run every test through ctest
#   make bench  engine benchmarks (pillars-cli bench)
#   make asan   build and test with AddressSanitizer + UndefinedBehaviorSanitizer
#   make package  Debian package (CPack)

PRESET ?= release
BUILD_DIR := build/$(PRESET)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CLI := $(BUILD_DIR)/app/cli/pillars-cli
EXAMPLE ?= resources/examples/three-tier.json

.PHONY: all deps configure build run test bench asan package clean

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

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	@$(CLI) bench

package: build
	@cmake --build $(BUILD_DIR) --target package

asan:
	@$(MAKE) test PRESET=asan

clean:
	@rm -rf build
