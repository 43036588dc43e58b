# The two commands (see README): `make run` and `make test`.
BUILD ?= build
ASAN_BUILD ?= build-asan
DB ?= spiraal.db
PORT ?= 8080
DEMO_JOBSEEKERS ?= 200
JOBS ?= $(shell nproc)

.PHONY: run test build deps configure clean bench bench-monitoring

deps:
	@scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@if [ ! -f "$(DB)" ]; then $(BUILD)/spiraal demo-data --db "$(DB)" --jobseekers $(DEMO_JOBSEEKERS); \
	else echo "Using the existing $(DB). Demo logins: coach, coordinator, admin (password: spiraal-demo)"; fi
	$(BUILD)/spiraal serve --db "$(DB)" --port $(PORT)

test: deps
	@scripts/test-all.sh

# Not part of `make test`: makes the 10k and 100k demo sets on SQLite and
# PostgreSQL once (long), then times the monitoring (docs/performance.md).
bench-monitoring: deps
	bench/run-monitoring.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
