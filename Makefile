# Basalt developer entry points. Two build directories, so that `make run` and `make test` never
# reconfigure (and so rebuild) each other:
#   build/       RelWithDebInfo, no sanitizers: build/basaltd and build/basalt for `make run`,
#                `make build` and `make report`.
#   build-asan/  RelWithDebInfo with -DBASALT_SANITIZE=ON (AddressSanitizer + UBSan): what
#                `make test` builds and runs ctest in (unit tests and tests/server/*.py, which
#                start build-asan/basaltd through the BASALTD variable ctest sets).
# Both use Ninja and ccache. CI runs `.ci/run`, i.e. `make test`, and reads ctest's summary line.

SHELL := /bin/bash
BUILD_DIR ?= build
TEST_BUILD_DIR ?= build-asan
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CTEST_JOBS ?= 2
CTEST_TIMEOUT ?= 900
DATA_DIR ?= data

# Leak checking stays on for the unit tests (short-lived, must be clean). basaltd started by the
# server tests runs with detect_leaks=0 (tests/lib/harness.py): it is stopped by SIGTERM or
# killed, and its live state would show up as leaks; every other ASan/UBSan report still fails
# the test. halt_on_error/print_stacktrace make reports short and fatal.
export ASAN_OPTIONS ?= detect_leaks=1:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1

.PHONY: all setup build run test report bench clean

all: build

setup:
	bash .ci/setup.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

$(TEST_BUILD_DIR)/build.ninja:
	cmake -S . -B $(TEST_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DBASALT_SANITIZE=ON

build: setup $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Serves $(DATA_DIR)/ (created with `basalt init` on first use) on 127.0.0.1:5432.
run: build
	@if [ ! -d $(DATA_DIR) ]; then $(BUILD_DIR)/basalt init -D $(DATA_DIR); fi
	exec $(BUILD_DIR)/basaltd -D $(DATA_DIR)

test: setup $(TEST_BUILD_DIR)/build.ninja
	cmake --build $(TEST_BUILD_DIR) -j $(JOBS)
	ctest --test-dir $(TEST_BUILD_DIR) -j $(CTEST_JOBS) --output-on-failure --timeout $(CTEST_TIMEOUT)

# Not pass/fail: client drivers and sqllogictest select1 against a fresh basaltd (see the script).
report: build
	BASALTD=$(CURDIR)/$(BUILD_DIR)/basaltd BASALT=$(CURDIR)/$(BUILD_DIR)/basalt \
	  /usr/bin/python3 tests/reports/clients_and_slt.py

# Basalt next to a throwaway PostgreSQL 15 under pgbench, one interleaved run (docs/benchmarks.md).
# BENCH_ARGS go to ../shared/bench/pgbench-compare.sh, e.g. BENCH_ARGS="--mode select1 --rounds 3".
bench: build
	BUILD_DIR=$(BUILD_DIR) bash bench/run.sh $(BENCH_ARGS)

# Removes the build directories; the data directory $(DATA_DIR)/ is kept.
clean:
	rm -rf $(BUILD_DIR) $(TEST_BUILD_DIR)
