// The hazard monitor's public face. It is switched on by the environment (ASYNCRT_MONITOR=
// out.json, read at start-up) or by RuntimeOptions::monitor_path / monitor::enable(); when off,
// every hook in the runtime is one predictable branch. See docs/runtime-model.md.
#pragma once
#include <string>
#include <vector>

namespace asyncrt::monitor {

struct Hazard {
  std::string check;     // asynclint check id, e.g. "async-lock-held-across-suspend"
  std::string file;      // source file as the compiler saw it
  unsigned line = 0;     // first line (the report site, or where the slice began)
  unsigned last_line = 0;  // last line of the slice (== line for point hazards)
  std::string function;  // enclosing function at `line`
  std::string detail;    // human-readable evidence (first occurrence)
  std::string last_file;      // where the slice ended, when it differs from `file`
  std::string last_function;  // ditto for the function
  unsigned count = 1;    // identical observations folded into this one
};

struct Options {
  std::string path;      // JSON output; empty: keep in memory only
  int stall_ms = -1;     // -1: ASYNCRT_STALL_MS or 50
  int spawn_limit = -1;  // -1: ASYNCRT_SPAWN_LIMIT or 64
  // Report a task still suspended at a co_await when its runtime shuts down: what it
  // awaited never completed (async-missing-timeout). Off by default: a server's accept loop
  // cancelled at shutdown is normal. -1: ASYNCRT_REPORT_PENDING (1 = on) or off.
  int report_pending = -1;
};

// Turn the monitor on (idempotent; later calls may change path and thresholds).
void enable(const Options& o = {});
bool enabled() noexcept;
int stall_ms() noexcept;
int spawn_limit() noexcept;
// Whether pthread_mutex_* and the sleep functions are interposed in this build (they are
// not under ThreadSanitizer, whose own interceptors must see every lock).
bool interposition_active() noexcept;

std::vector<Hazard> hazards();  // deduplicated, creation sites symbolized
void clear();
std::string to_json();
// Write {"hazards":[...]} to `path` whole: a temp file renamed over it. Empty: the
// configured path. Returns false if there is nowhere to write or writing failed.
bool write_json(const std::string& path = {});

}  // namespace asyncrt::monitor
