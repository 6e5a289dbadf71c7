#include "asyncrt/runtime.hpp"

#include <thread>

#include "asyncrt/monitor.hpp"

namespace asyncrt {

Runtime::Runtime(RuntimeOptions o) : flavor_(o.flavor) {
  if (!o.monitor_path.empty() || o.stall_ms > 0 || o.spawn_limit > 0) {
    monitor::Options m;
    m.path = o.monitor_path;
    m.stall_ms = o.stall_ms;
    m.spawn_limit = o.spawn_limit;
    monitor::enable(m);
  }
  detail::CoreOptions c;
  if (o.flavor == Flavor::MultiThread) {
    c.workers = o.worker_threads ? o.worker_threads : std::thread::hardware_concurrency();
    if (c.workers == 0) c.workers = 2;
  }
  c.max_blocking_threads = o.max_blocking_threads;
  core_ = std::make_unique<detail::Core>(c);
}

Runtime::~Runtime() { shutdown(); }

void Runtime::shutdown() noexcept { core_->shutdown(); }

}  // namespace asyncrt
