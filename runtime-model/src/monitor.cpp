// The hazard monitor: turns runtime events into asynclint findings with source locations.
// Each observation and how it is made is described in docs/runtime-model.md ("The monitor").
#include "asyncrt/monitor.hpp"

#include <dlfcn.h>
#include <execinfo.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <tuple>

#include "asyncrt/detail/monitor_hooks.hpp"
#include "asyncrt/detail/task_header.hpp"
#include "monitor_state.hpp"

namespace asyncrt::detail {

std::atomic<bool> g_monitor_on{false};
thread_local bool tl_cancelling = false;
// Where the current resume slice last suspended (or returned), for the stall report.
static thread_local Loc tl_slice_end;
// The co_await that most recently transferred into a child Task on this thread.
static thread_local Loc tl_transfer_at;

// Stall accounting. A resume slice runs from a scheduler resume to the task's next real
// suspension; inside it, control moves between frames (a parent co_awaits a child Task, the
// child returns). Each stretch spent in one frame is a "segment", timed on its own so a
// stall is reported in the function that stalled, from the line control entered it to the
// line it left. If no single segment stalls but the whole slice does, the slice is reported.
namespace {
struct Probe {
  std::chrono::steady_clock::time_point t0;
  long nvcsw0 = 0;
  long cpu_us0 = 0;
  Loc first;
};
thread_local bool tl_in_slice = false;
thread_local Probe tl_seg;
thread_local Probe tl_slice;
thread_local bool tl_slice_slept = false;
thread_local bool tl_seg_reported = false;
}  // namespace

struct SpawnSite {
  Loc loc;
  std::atomic<int> live{0};
  std::atomic<bool> reported{false};
};

namespace {

constexpr int kCreationFrames = 12;

// A discarded task whose creation site is resolved lazily (symbolizing costs a process).
struct PendingDiscard {
  Loc def;
  std::vector<void*> pcs;
};

struct MonitorState {
  std::mutex mu;
  std::string path;
  int stall_ms = 50;
  int spawn_limit = 64;
  bool report_pending = false;
  // Deduplicated by (check, file, line, last_line, function).
  std::map<std::tuple<std::string, std::string, unsigned, unsigned, std::string>,
           monitor::Hazard>
      hazards;
  std::vector<PendingDiscard> pending;
  std::map<std::pair<const char*, unsigned>, SpawnSite*> sites;
  bool atexit_registered = false;

  ~MonitorState() {
    for (auto& [k, s] : sites) delete s;
  }
};

MonitorState& state() {
  static MonitorState* s = new MonitorState();  // never destroyed: used from atexit
  return *s;
}

int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  char* end = nullptr;
  long n = std::strtol(v, &end, 10);
  return (end && *end == 0 && n > 0) ? static_cast<int>(n) : fallback;
}

void add_hazard(monitor::Hazard h) {
  auto& s = state();
  std::lock_guard lk(s.mu);
  auto key = std::make_tuple(h.check, h.file, h.line, h.last_line, h.function);
  auto [it, inserted] = s.hazards.emplace(std::move(key), h);
  if (!inserted) ++it->second.count;
}

void report(const char* check, const Loc& first, const Loc& last, std::string detail) {
  monitor::Hazard h;
  h.check = check;
  h.file = first.file ? first.file : "";
  h.line = first.line;
  h.function = first.function ? first.function : "";
  h.detail = std::move(detail);
  const bool same_file = last.file && h.file == last.file;
  h.last_line = (last.known() && same_file) ? last.line : h.line;
  if (last.known() && !same_file) h.last_file = last.file;
  if (last.known() && last.function && h.function != last.function)
    h.last_function = last.function;
  add_hazard(std::move(h));
}

void at_exit_flush() { monitor::write_json(); }

// ---- symbolizing creation sites of discarded tasks -------------------------------------

struct Frame {
  std::string function, file;
  unsigned line = 0;
};

// Runs llvm-symbolizer (or addr2line) once over all addresses of one module.
std::vector<std::vector<Frame>> symbolize(const std::string& module,
                                          const std::vector<uintptr_t>& offsets) {
  std::vector<std::vector<Frame>> out(offsets.size());
  const char* tool = std::getenv("ASYNCRT_SYMBOLIZER");
  std::string cmd;
  for (const char* cand : {tool, "llvm-symbolizer-19", "llvm-symbolizer"}) {
    if (!cand) continue;
    std::string probe = std::string("command -v ") + cand + " >/dev/null 2>&1";
    if (std::system(probe.c_str()) == 0) {
      cmd = std::string(cand) + " --inlining --demangle --output-style=LLVM --obj='" + module +
            "'";
      break;
    }
  }
  if (cmd.empty()) return out;
  for (uintptr_t off : offsets) {
    char buf[32];
    std::snprintf(buf, sizeof buf, " 0x%lx", static_cast<unsigned long>(off));
    cmd += buf;
  }
  cmd += " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  // Output: per address, pairs of lines "function" / "file:line:col", then a blank line.
  size_t idx = 0;
  char line[4096];
  std::string fn;
  bool want_fn = true;
  while (idx < out.size() && std::fgets(line, sizeof line, p)) {
    std::string l(line);
    while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.pop_back();
    if (l.empty()) {
      ++idx;
      want_fn = true;
      continue;
    }
    if (want_fn) {
      fn = l;
      want_fn = false;
    } else {
      Frame f;
      f.function = fn;
      // Coroutine bodies are split into clones named "f() (.resume)" and the like.
      for (const char* sfx : {" (.resume)", " (.destroy)", " (.cleanup)"}) {
        auto pos = f.function.rfind(sfx);
        if (pos != std::string::npos && pos + std::strlen(sfx) == f.function.size())
          f.function.erase(pos);
      }
      // file:line:col — split from the right.
      auto c2 = l.rfind(':');
      auto c1 = c2 == std::string::npos ? std::string::npos : l.rfind(':', c2 - 1);
      if (c1 != std::string::npos) {
        f.file = l.substr(0, c1);
        f.line = static_cast<unsigned>(std::strtoul(l.c_str() + c1 + 1, nullptr, 10));
      }
      out[idx].push_back(std::move(f));
      want_fn = true;
    }
  }
  pclose(p);
  return out;
}

bool is_runtime_frame(const Frame& f) {
  return f.file.find("/asyncrt/") != std::string::npos ||
         f.file.find("runtime-model/src/") != std::string::npos ||
         f.function.rfind("asyncrt::", 0) == 0 || f.file.find("/c++/") != std::string::npos;
}

// The innermost frame outside the runtime is the coroutine's ramp (the definition); the
// next one out is the call that created the task.
void resolve_pending(std::vector<PendingDiscard> pend) {
  // Group by module.
  std::map<std::string, std::pair<uintptr_t, std::vector<uintptr_t>>> mods;
  struct Ref {
    std::string module;
    size_t index;
  };
  std::vector<std::vector<Ref>> refs(pend.size());
  for (size_t i = 0; i < pend.size(); ++i) {
    for (void* pc : pend[i].pcs) {
      Dl_info di{};
      if (!dladdr(pc, &di) || !di.dli_fname) continue;
      std::string mod = di.dli_fname;
      if (mod.empty() || mod.find("libc.so") != std::string::npos) continue;
      auto& m = mods[mod];
      m.first = reinterpret_cast<uintptr_t>(di.dli_fbase);
      uintptr_t off = reinterpret_cast<uintptr_t>(pc) - m.first - 1;  // inside the call
      refs[i].push_back({mod, m.second.size()});
      m.second.push_back(off);
    }
  }
  std::map<std::string, std::vector<std::vector<Frame>>> resolved;
  for (auto& [mod, m] : mods) {
    std::string path = mod;
    if (path.find('/') == std::string::npos) path = "/proc/self/exe";
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0 && path == "/proc/self/exe") path.assign(exe, static_cast<size_t>(n));
    resolved[mod] = symbolize(path, m.second);
  }
  for (size_t i = 0; i < pend.size(); ++i) {
    const PendingDiscard& d = pend[i];
    // Flatten innermost-first: inlined frames come first within one address.
    std::vector<Frame> frames;
    for (const Ref& r : refs[i])
      for (const Frame& f : resolved[r.module][r.index]) frames.push_back(f);
    Loc site = d.def;
    std::string site_file, site_fn;
    size_t k = 0;
    while (k < frames.size() && (is_runtime_frame(frames[k]) || frames[k].line == 0)) ++k;
    // frames[k] should be the coroutine itself (the ramp); skip every frame of it.
    std::string def_fn = d.def.function ? d.def.function : "";
    const std::string def_file = d.def.file ? d.def.file : "";
    auto same_file = [](const std::string& a, const std::string& b) {
      if (a.empty() || b.empty()) return false;
      const std::string& lng = a.size() >= b.size() ? a : b;
      const std::string& sht = a.size() >= b.size() ? b : a;
      return lng.size() >= sht.size() &&
             lng.compare(lng.size() - sht.size(), sht.size(), sht) == 0 &&
             (lng.size() == sht.size() || lng[lng.size() - sht.size() - 1] == '/');
    };
    auto is_coroutine = [&](const Frame& f) {
      // Compare unqualified names: "(anonymous namespace)::f(int)" vs "Task<int> ns::f(int)".
      std::string name = f.function.substr(0, f.function.rfind('('));
      if (auto c = name.rfind("::"); c != std::string::npos) name.erase(0, c + 2);
      return !name.empty() && def_fn.find(name + "(") != std::string::npos &&
             same_file(f.file, def_file);
    };
    if (std::getenv("ASYNCRT_DEBUG_SYMBOLIZE"))
      for (const Frame& f : frames)
        std::fprintf(stderr, "asyncrt: creation frame %s %s:%u\n", f.function.c_str(),
                     f.file.c_str(), f.line);
    while (k < frames.size() && is_coroutine(frames[k])) ++k;
    std::string detail = std::string("lazy task of ") + def_fn + " (defined at line " +
                         std::to_string(d.def.line) +
                         ") was destroyed without ever being awaited or spawned";
    if (k < frames.size() && frames[k].line != 0 && !is_runtime_frame(frames[k])) {
      site_file = frames[k].file;
      site_fn = frames[k].function;
      site.file = site_file.c_str();
      site.function = site_fn.c_str();
      site.line = frames[k].line;
    } else {
      detail += " (creation site unknown: no debug info; reported at the definition)";
    }
    report("async-discarded-task", site, site, detail);
  }
}

void resolve_all_pending() {
  std::vector<PendingDiscard> pend;
  {
    auto& s = state();
    std::lock_guard lk(s.mu);
    pend.swap(s.pending);
  }
  if (!pend.empty()) resolve_pending(std::move(pend));
}

std::string json_escape(const std::string& in) {
  std::string o;
  for (unsigned char c : in) {
    switch (c) {
      case '"': o += "\\\""; break;
      case '\\': o += "\\\\"; break;
      case '\n': o += "\\n"; break;
      case '\t': o += "\\t"; break;
      case '\r': o += "\\r"; break;
      default:
        if (c < 0x20) {
          char b[8];
          std::snprintf(b, sizeof b, "\\u%04x", c);
          o += b;
        } else {
          o += static_cast<char>(c);
        }
    }
  }
  return o;
}

// Read the environment once, before main (ASYNCRT_MONITOR switches the monitor on).
struct EnvInit {
  EnvInit() {
    if (const char* p = std::getenv("ASYNCRT_MONITOR"); p && *p) {
      monitor::Options o;
      o.path = p;
      monitor::enable(o);
    }
  }
} env_init;

}  // namespace

// ---- hooks called by the runtime -------------------------------------------------------

long held_locks() noexcept { return tl_held_locks; }

void on_await_suspend(FrameBase* frame, const Loc& at, bool transfer) noexcept {
  long held = tl_held_locks;
  if (held > frame->lock_baseline) {
    report("async-lock-held-across-suspend", at, at,
           std::to_string(held - frame->lock_baseline) +
               " synchronous lock(s) (pthread mutex/rwlock) held at this co_await, taken "
               "since the coroutine resumed");
  }
  if (transfer) {
    tl_transfer_at = at;
  } else {
    if (TaskHeader* t = current_task()) {
      t->suspended_frame = frame;
      t->suspend_loc = at;
    }
    tl_slice_end = at;
  }
}

void on_root_return(const FrameBase& frame) noexcept {
  tl_slice_end = frame.ret.known() ? frame.ret : frame.def;
}

void capture_creation(FrameBase& frame) noexcept {
  void** buf = static_cast<void**>(std::malloc(sizeof(void*) * (kCreationFrames + 1)));
  if (!buf) return;
  int n = backtrace(buf + 1, kCreationFrames);
  buf[0] = reinterpret_cast<void*>(static_cast<intptr_t>(n > 0 ? n : 0));
  frame.creation = buf;
}

void release_creation(FrameBase& frame) noexcept {
  std::free(frame.creation);
  frame.creation = nullptr;
}

void on_task_discarded(const FrameBase& frame) noexcept {
  if (tl_cancelling) return;  // the runtime is tearing down a cancelled task's locals
  PendingDiscard d;
  d.def = frame.def;
  if (frame.creation) {
    auto n = reinterpret_cast<intptr_t>(frame.creation[0]);
    for (intptr_t i = 1; i <= n; ++i) d.pcs.push_back(frame.creation[i]);
  }
  auto& s = state();
  std::lock_guard lk(s.mu);
  s.pending.push_back(std::move(d));
}

void on_lost_error(const Loc& site, const std::string& what) noexcept {
  report("async-ignored-join-handle", site, site,
         "task's join handle was dropped or detached and the task failed: " + what);
}

void on_pending_at_shutdown(const Loc& at) noexcept {
  bool on;
  {
    std::lock_guard lk(state().mu);
    on = state().report_pending;
  }
  if (on && at.known())
    report("async-missing-timeout", at, at,
           "task still suspended at this co_await when the runtime shut down: what it awaited "
           "never completed");
}

SpawnSite* on_spawn(const Loc& at) noexcept {
  auto& s = state();
  SpawnSite* site;
  int limit;
  {
    std::lock_guard lk(s.mu);
    auto& slot = s.sites[{at.file, at.line}];
    if (!slot) {
      slot = new SpawnSite();
      slot->loc = at;
    }
    site = slot;
    limit = s.spawn_limit;
  }
  int live = site->live.fetch_add(1, std::memory_order_relaxed) + 1;
  if (live > limit && !site->reported.exchange(true)) {
    report("async-unbounded-spawn", at, at,
           std::to_string(live) + " tasks from this spawn site alive at once (limit " +
               std::to_string(limit) + ")");
  }
  return site;
}

void on_task_end(SpawnSite* site) noexcept {
  if (site) site->live.fetch_sub(1, std::memory_order_relaxed);
}

namespace {

long cpu_us(const rusage& r) {
  return (r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1000000L + r.ru_utime.tv_usec +
         r.ru_stime.tv_usec;
}

void probe_start(Probe& p, const Loc& first) {
  rusage r{};
  getrusage(RUSAGE_THREAD, &r);
  p.nvcsw0 = r.ru_nvcsw;
  p.cpu_us0 = cpu_us(r);
  p.first = first;
  p.t0 = std::chrono::steady_clock::now();
}

// Report the probe if it ran past the threshold. Returns whether it did.
bool probe_check(const Probe& p, const Loc& last, bool slept, const char* scope) {
  const int stall_ms = state().stall_ms;
  auto wall = std::chrono::steady_clock::now() - p.t0;
  auto wall_ms = std::chrono::duration_cast<std::chrono::milliseconds>(wall).count();
  if (wall_ms < stall_ms) return false;
  rusage r{};
  getrusage(RUSAGE_THREAD, &r);
  const long vcsw = r.ru_nvcsw - p.nvcsw0;
  const long cpu_ms = (cpu_us(r) - p.cpu_us0) / 1000;
  // Voluntary context switches separate "waited" from "computed": preemption of a CPU
  // loop only adds involuntary ones, however loaded the machine is. A CPU loop can still
  // wait once by accident (a page fault that reads the disk, the unwinder's loader lock when
  // it finally throws), so the waits must also account for at least half of the stretch.
  const bool waited = vcsw > 0 && (wall_ms - cpu_ms) * 2 >= wall_ms;
  const char* check;
  const char* why;
  if (slept) {
    check = "async-sleep-in-coroutine";
    why = "a thread sleep (nanosleep/clock_nanosleep/usleep/sleep) ran in the task";
  } else if (waited) {
    check = "async-blocking-call-in-coroutine";
    why = "the worker thread blocked off-CPU (voluntary context switches)";
  } else {
    check = "async-never-yielding-loop";
    why = "CPU-bound: no voluntary context switch and no suspension";
  }
  report(check, p.first, last.known() ? last : p.first,
         std::string(why) + "; " + scope + " ran " + std::to_string(wall_ms) + " ms wall, " +
             std::to_string(cpu_ms) + " ms CPU, " + std::to_string(vcsw) +
             " voluntary switches (stall threshold " + std::to_string(stall_ms) + " ms)");
  return true;
}

void segment_end(const Loc& last) {
  const bool slept = tl_slept;
  tl_slice_slept = tl_slice_slept || slept;
  tl_slept = false;
  if (probe_check(tl_seg, last, slept, "one stretch of this coroutine")) tl_seg_reported = true;
}

}  // namespace

void on_child_start(FrameBase& child) noexcept {
  child.awaited_at = tl_transfer_at;
  if (!tl_in_slice) return;
  segment_end(tl_transfer_at);
  probe_start(tl_seg, child.def);
}

void on_child_return(FrameBase& child) noexcept {
  if (!tl_in_slice) return;
  segment_end(child.ret.known() ? child.ret : child.def);
  probe_start(tl_seg, child.awaited_at);
}

void monitored_resume(TaskHeader* t, bool probe_stalls) noexcept {
  const Loc first = t->suspend_loc;
  if (t->suspended_frame) t->suspended_frame->lock_baseline = tl_held_locks;
  if (!probe_stalls) {
    tl_in_slice = false;
    t->next.resume();
    return;
  }
  tl_slice_end = Loc{};
  tl_slept = false;
  tl_slice_slept = false;
  tl_seg_reported = false;
  probe_start(tl_slice, first);
  tl_seg = tl_slice;
  tl_in_slice = true;
  t->next.resume();
  tl_in_slice = false;
  const Loc last = tl_slice_end.known() ? tl_slice_end : first;
  segment_end(last);
  if (!tl_seg_reported) probe_check(tl_slice, last, tl_slice_slept, "one resume of the task");
}

void monitor_flush() noexcept {
  if (monitor_on()) monitor::write_json();
}

}  // namespace asyncrt::detail

namespace asyncrt::monitor {

using detail::state;

void enable(const Options& o) {
  auto& s = state();
  {
    std::lock_guard lk(s.mu);
    if (!o.path.empty()) s.path = o.path;
    s.stall_ms = o.stall_ms > 0 ? o.stall_ms : detail::env_int("ASYNCRT_STALL_MS", s.stall_ms);
    s.spawn_limit =
        o.spawn_limit > 0 ? o.spawn_limit : detail::env_int("ASYNCRT_SPAWN_LIMIT", s.spawn_limit);
    s.report_pending = o.report_pending >= 0 ? o.report_pending > 0
                                             : detail::env_int("ASYNCRT_REPORT_PENDING", 0) > 0;
    if (!s.atexit_registered) {
      s.atexit_registered = true;
      std::atexit(detail::at_exit_flush);
    }
  }
  (void)detail::interpose_anchor;
  detail::g_monitor_on.store(true, std::memory_order_relaxed);
}

bool enabled() noexcept { return detail::monitor_on(); }
int stall_ms() noexcept { return state().stall_ms; }
int spawn_limit() noexcept { return state().spawn_limit; }

std::vector<Hazard> hazards() {
  detail::resolve_all_pending();
  auto& s = state();
  std::lock_guard lk(s.mu);
  std::vector<Hazard> v;
  for (auto& [k, h] : s.hazards) v.push_back(h);
  return v;
}

void clear() {
  auto& s = state();
  std::lock_guard lk(s.mu);
  s.hazards.clear();
  s.pending.clear();
  for (auto& [k, site] : s.sites) site->reported.store(false);
}

std::string to_json() {
  std::ostringstream o;
  o << "{\"hazards\":[";
  bool first = true;
  for (const Hazard& h : hazards()) {
    o << (first ? "\n  " : ",\n  ");
    first = false;
    using detail::json_escape;
    o << "{\"check\":\"" << json_escape(h.check) << "\",\"file\":\"" << json_escape(h.file)
      << "\",\"line\":" << h.line << ",\"last_line\":" << h.last_line << ",\"function\":\""
      << json_escape(h.function) << "\",\"detail\":\"" << json_escape(h.detail)
      << "\",\"count\":" << h.count;
    if (!h.last_file.empty()) o << ",\"last_file\":\"" << json_escape(h.last_file) << "\"";
    if (!h.last_function.empty())
      o << ",\"last_function\":\"" << json_escape(h.last_function) << "\"";
    o << "}";
  }
  o << (first ? "]}\n" : "\n]}\n");
  return o.str();
}

bool write_json(const std::string& path_in) {
  std::string path = path_in;
  if (path.empty()) {
    auto& s = state();
    std::lock_guard lk(s.mu);
    path = s.path;
  }
  if (path.empty()) return false;
  std::string body = to_json();
  std::string tmp = path + ".tmp." + std::to_string(getpid());
  FILE* f = std::fopen(tmp.c_str(), "w");
  if (!f) return false;
  bool ok = std::fwrite(body.data(), 1, body.size(), f) == body.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace asyncrt::monitor
