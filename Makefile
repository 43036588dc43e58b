# The two commands (see README): `make run` and `make test`.
BUILD ?= build
ASAN_BUILD ?= build-asan
DB ?= spiraal.db
PORT ?= 8080
DEMO_JOBSEEKERS ?= 1000
JOBS ?= $(shell nproc)

.PHONY: run test build deps configure clean bench bench-monitoring bench-load

deps:
	@scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@if [ ! -f "$(DB)" ]; then $(BUILD)/spiraal demo-data --db "$(DB)" --jobseekers $(DEMO_JOBSEEKERS); \
	else echo "Using the existing $(DB). Demo logins: coach, coordinator, admin (password: spiraal-demo); mijn traject: /mijn/start with a code from a dossier"; fi
	$(BUILD)/spiraal serve --db "$(DB)" --port $(PORT) --sms-outbox var/sms-outbox

test: deps
	@scripts/test-all.sh

# Not part of `make test`: makes the 10k and 100k demo sets on SQLite and
# PostgreSQL once (long), then times the monitoring (docs/performance.md).
bench-monitoring: deps
	bench/run-monitoring.sh

# The coach workload over HTTP with wrk against LOAD_DB (a copy of a demo
# set: it writes), e.g. make bench-load LOAD_DB=/tmp/copy-of-100k.db LOAD_KEY=/tmp/copy.key
bench-load: build
	BIN=$(BUILD)/spiraal bench/run-load.sh "$(LOAD_DB)" $(LOAD_KEY)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
