# nqtrack — the two commands: `make demo` and `make test` (see README.md).
# Every target installs what is missing first (scripts/install-deps is idempotent).

JOBS    ?= 2
BUILD   ?= build
ASAN    ?= build-asan
FUZZDIR ?= build-fuzz
DEMO_DB ?= sqlite:var/demo.db
ADDR    ?= 127.0.0.1
PORT    ?= 8080
FUZZ_SECONDS ?= 20
BENCH_SCALE ?= national

.PHONY: all deps build build-asan demo serve test test-unit test-asan test-store-sqlite \
        test-store-pg test-http test-browser fuzz bench clean

all: build

deps:
	@scripts/install-deps

# The tree the tests and the demo run: optimized (-O1: a fifth less compile time than -O2, and
# the tests assert no timings; `make bench` builds its own -O3 tree), without debug information (a
# third less compile time in a cold build). build-asan keeps line tables (-g1), all the
# sanitizers' reports need for file and line (a tenth less than -g). Both are unity builds
# (NQTRACK_UNITY in CMakeLists.txt): about half the cold build time.
build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DNQTRACK_WERROR=ON -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_CXX_FLAGS_RELEASE="-O1 -DNDEBUG" -DNQTRACK_UNITY=ON >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

build-asan: deps
	@cmake -S . -B $(ASAN) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNQTRACK_WERROR=ON \
	  -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DNQTRACK_SANITIZE=ON -DNQTRACK_ONLY_UNIT=ON -DNQTRACK_UNITY=ON >/dev/null
	@cmake --build $(ASAN) -j $(JOBS) --target nqtrack_unit

# Builds, creates the demo database (again, from scratch) and serves it.
demo: build
	@mkdir -p var
	@$(BUILD)/nqtrack demo --db $(DEMO_DB) --force
	@$(BUILD)/nqtrack serve --db $(DEMO_DB) --address $(ADDR) --port $(PORT)

serve: build
	@$(BUILD)/nqtrack serve --db $(DEMO_DB) --address $(ADDR) --port $(PORT)

test: build build-asan
	@scripts/run-tests

test-unit: build
	@$(BUILD)/nqtrack_unit --gtest_brief=1

fuzz: deps
	@scripts/run-fuzz $(FUZZ_SECONDS)

bench: deps
	@cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DNQTRACK_BENCH=ON >/dev/null
	@cmake --build build-bench -j $(JOBS)
	@scripts/bench-http build-bench
	@scripts/bench-analytics build-bench --scale $(BENCH_SCALE)

clean:
	rm -rf $(BUILD) $(ASAN) $(FUZZDIR) build-bench
