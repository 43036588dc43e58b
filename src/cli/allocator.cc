// jemalloc's settings, read when it starts (docs/decisions.md): four arenas
// (jemalloc's default is four per core, eight on the 2-core target), and
// freed memory handed back to the system within a second instead of ten.
// 100k set, 32 connections (docs/performance.md): peak RSS over the read
// modes 288 MB with 8 arenas, 260 with 4, 224 with 2; caseload page p99
// 37, 47 and 63 ms (fewer arenas, more waiting on their locks). The mixed
// load on the 1M set peaked at 481 MB with jemalloc's defaults (ten-second
// decay). MALLOC_CONF in the environment overrides these (a machine with
// more cores: MALLOC_CONF=narenas:16). Without jemalloc (the sanitizer
// build) nothing reads this.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "narenas:4,dirty_decay_ms:1000,muzzy_decay_ms:0";
}
