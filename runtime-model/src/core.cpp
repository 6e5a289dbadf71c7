// The scheduler. Multi-thread flavour: N workers, each with its own FIFO run queue; a task
// woken on a worker goes to that worker's queue (locality), anything woken from outside goes
// to the global injection queue; an idle worker takes from the global queue, then steals
// from the back of another worker's queue, then parks. Current-thread flavour: no workers;
// the thread inside block_on runs the global queue.
//
// Queues hold plain TaskHeader*: a queued task is always live (in the registry), and the
// registry's reference is dropped only when the task is done. No runtime lock is ever held
// while a task is resumed (the monitor counts pthread locks held across suspension).
#include "asyncrt/detail/core.hpp"

#include <cstdio>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "blocking_pool.hpp"
#include "monitor_state.hpp"

namespace asyncrt::detail {

struct CoreWorker {
  Core* core = nullptr;
  unsigned index = 0;
  std::mutex mu;
  std::deque<TaskHeader*> queue;
  std::thread thread;
};
using Worker = CoreWorker;

namespace {

thread_local TaskHeader* tl_task = nullptr;
thread_local Worker* tl_worker = nullptr;
thread_local Core* tl_core = nullptr;
// Set while a spawn_blocking thread runs a task that hopped onto the pool: the monitor does
// not time that stretch (blocking there is what the pool is for).
thread_local bool tl_hopped = false;

// The pool job that runs one scheduling of a hopped task. It holds no reference: like a
// queue entry, it stands for the scheduler's own. If the pool is shutting down, the job is
// dropped and the task, still registered, is cancelled by Core::shutdown with the rest.
struct HopJob final : BlockingJob {
  Core* core;
  TaskHeader* task;
  HopJob(Core* c, TaskHeader* t) : core(c), task(t) {}
  void run() noexcept override { core->run_on_blocking_thread(task); }
  void cancel() noexcept override {}
};

}  // namespace

struct Core::State {
  CoreOptions opt;
  std::vector<std::unique_ptr<Worker>> workers;

  std::mutex global_mu;
  std::deque<TaskHeader*> global;
  std::atomic<size_t> queued{0};

  std::mutex park_mu;
  std::condition_variable park_cv;   // workers / the current-thread driver
  std::condition_variable block_cv;  // threads in block_on (multi-thread flavour)
  std::atomic<int> sleepers{0};

  mutable std::mutex reg_mu;
  TaskHeader* reg_head = nullptr;
  TaskHeader* reg_tail = nullptr;
  size_t live = 0;
  bool closed = false;  // shutdown destroyed the registry; new tasks are cancelled at once

  std::unique_ptr<Timer> timer;
  std::unique_ptr<BlockingPool> pool;
  bool shut = false;
};

TaskHeader* current_task() noexcept { return tl_task; }

Waker Waker::current(std::coroutine_handle<> h) {
  TaskHeader* t = tl_task;
  if (!t) {
    std::fputs("asyncrt: an asyncrt awaitable was awaited outside a runtime task\n", stderr);
    std::terminate();
  }
  t->next = h;
  t->ref();
  return Waker(t);
}

void TaskHeader::wake() noexcept {
  uint32_t s = state.load(std::memory_order_acquire);
  for (;;) {
    if (s == kIdle) {
      if (state.compare_exchange_weak(s, kScheduled, std::memory_order_acq_rel)) {
        core->schedule(this);
        return;
      }
    } else if (s == kRunning) {
      if (state.compare_exchange_weak(s, kNotified, std::memory_order_acq_rel)) return;
    } else {
      return;  // already queued, already notified, or done
    }
  }
}

void TaskHeader::abort() noexcept {
  cancel_requested.store(true, std::memory_order_release);
  wake();
}

Core* Core::current() noexcept {
  if (tl_task) return tl_task->core;
  return tl_core;
}

Core::Core(const CoreOptions& o) : s_(std::make_unique<State>()) {
  s_->opt = o;
  s_->timer = std::make_unique<Timer>();
  s_->pool = std::make_unique<BlockingPool>(o.max_blocking_threads);
  for (unsigned i = 0; i < o.workers; ++i) {
    auto w = std::make_unique<Worker>();
    w->core = this;
    w->index = i;
    s_->workers.push_back(std::move(w));
  }
  for (auto& w : s_->workers) {
    Worker* wp = w.get();
    wp->thread = std::thread([this, wp] { worker_main(wp); });
  }
}

Core::~Core() { shutdown(); }

Timer& Core::timer() noexcept { return *s_->timer; }
unsigned Core::worker_count() const noexcept { return static_cast<unsigned>(s_->workers.size()); }
size_t Core::live_tasks() const noexcept {
  std::lock_guard lk(s_->reg_mu);
  return s_->live;
}

void Core::submit_blocking(BlockingJob* job) { s_->pool->submit(job); }

void Core::spawn(TaskHeader* t) noexcept {
  bool registered;
  {
    std::lock_guard lk(s_->reg_mu);
    registered = !s_->closed;
    if (registered) {
      t->reg_prev = s_->reg_tail;
      t->reg_next = nullptr;
      (s_->reg_tail ? s_->reg_tail->reg_next : s_->reg_head) = t;
      s_->reg_tail = t;
      ++s_->live;
    } else {
      t->reg_prev = t->reg_next = t;  // marks "not registered" for retire()
    }
  }
  if (!registered) {  // the runtime is gone: the task is cancelled without running
    t->state.store(TaskHeader::kRunning, std::memory_order_relaxed);
    t->cancel_frame();
    t->unref();
    return;
  }
  schedule(t);
}

void Core::retire(TaskHeader* t) noexcept {
  if (t->site) on_task_end(t->site);
  std::lock_guard lk(s_->reg_mu);
  if (t->reg_prev == t) return;
  (t->reg_prev ? t->reg_prev->reg_next : s_->reg_head) = t->reg_next;
  (t->reg_next ? t->reg_next->reg_prev : s_->reg_tail) = t->reg_prev;
  t->reg_prev = t->reg_next = t;
  --s_->live;
}

void Core::run_on_blocking_thread(TaskHeader* t) noexcept {
  const bool prev = tl_hopped;
  tl_hopped = true;
  run_task(t);
  tl_hopped = prev;
}

void Core::schedule(TaskHeader* t) noexcept {
  if (t->on_blocking_pool.load(std::memory_order_relaxed)) {
    s_->pool->submit(new HopJob(this, t));
    return;
  }
  Worker* w = tl_worker;
  if (w && w->core == this) {
    std::lock_guard lk(w->mu);
    w->queue.push_back(t);
  } else {
    std::lock_guard lk(s_->global_mu);
    s_->global.push_back(t);
  }
  s_->queued.fetch_add(1, std::memory_order_seq_cst);
  if (s_->sleepers.load(std::memory_order_seq_cst) > 0) {
    { std::lock_guard lk(s_->park_mu); }
    s_->park_cv.notify_one();
  }
}

TaskHeader* Core::pop(Worker* w, unsigned tick) noexcept {
  auto from_global = [&]() -> TaskHeader* {
    std::lock_guard lk(s_->global_mu);
    if (s_->global.empty()) return nullptr;
    TaskHeader* t = s_->global.front();
    s_->global.pop_front();
    return t;
  };
  TaskHeader* t = nullptr;
  // Look at the global queue now and then even when busy, so injected tasks cannot starve.
  if (w && tick % 61 == 0) t = from_global();
  if (!t && w) {
    std::lock_guard lk(w->mu);
    if (!w->queue.empty()) {
      t = w->queue.front();
      w->queue.pop_front();
    }
  }
  if (!t) t = from_global();
  if (!t && w) {
    const size_t n = s_->workers.size();
    for (size_t i = 1; i < n && !t; ++i) {
      Worker* v = s_->workers[(w->index + i) % n].get();
      std::lock_guard lk(v->mu);
      if (!v->queue.empty()) {
        t = v->queue.back();  // steal the newest: the victim keeps its FIFO head
        v->queue.pop_back();
      }
    }
  }
  if (t) s_->queued.fetch_sub(1, std::memory_order_relaxed);
  return t;
}

void Core::run_task(TaskHeader* t) noexcept {
  t->state.store(TaskHeader::kRunning, std::memory_order_release);
  TaskHeader* prev = tl_task;
  if (t->cancel_requested.load(std::memory_order_acquire)) {
    if (t->scoped_children.load(std::memory_order_acquire) > 0) {
      // Children of a pending select may borrow from this frame: abort them, and come back
      // when the last one is gone (it wakes us).
      if (!t->scope_aborted && t->scope) {
        t->scope_aborted = true;
        t->scope->abort_children();
      }
      after_run(t);
      return;
    }
    tl_task = t;
    tl_cancelling = true;
    t->cancel_frame();
    tl_cancelling = false;
    tl_task = prev;
    t->unref();
    return;
  }
  tl_task = t;
  if (monitor_on())
    monitored_resume(t, /*probe_stalls=*/!tl_hopped);
  else
    t->next.resume();
  tl_task = prev;
  after_run(t);
}

void Core::after_run(TaskHeader* t) noexcept {
  uint32_t s = t->state.load(std::memory_order_acquire);
  for (;;) {
    if (s == TaskHeader::kDone) {
      t->unref();  // the scheduler's reference
      return;
    }
    if (s == TaskHeader::kRunning) {
      if (t->state.compare_exchange_weak(s, TaskHeader::kIdle, std::memory_order_acq_rel))
        return;  // from here on another thread may own it
      continue;
    }
    // kNotified: woken while it ran.
    t->state.store(TaskHeader::kScheduled, std::memory_order_release);
    schedule(t);
    return;
  }
}

void Core::worker_main(Worker* w) noexcept {
  tl_worker = w;
  tl_core = this;
  unsigned tick = 0;
  while (!stopping_.load(std::memory_order_acquire)) {
    if (TaskHeader* t = pop(w, ++tick)) {
      run_task(t);
      continue;
    }
    std::unique_lock lk(s_->park_mu);
    s_->sleepers.fetch_add(1, std::memory_order_seq_cst);
    while (s_->queued.load(std::memory_order_seq_cst) == 0 &&
           !stopping_.load(std::memory_order_acquire))
      s_->park_cv.wait(lk);
    s_->sleepers.fetch_sub(1, std::memory_order_seq_cst);
  }
  tl_worker = nullptr;
  tl_core = nullptr;
}

void Core::drive_until(const std::atomic<bool>& done) {
  if (tl_task) throw std::logic_error("asyncrt: block_on called from inside a task");
  Core* prev_core = tl_core;
  tl_core = this;
  if (s_->workers.empty()) {
    // Current-thread flavour: this thread is the worker.
    Worker* prev_worker = tl_worker;
    tl_worker = nullptr;
    while (!done.load(std::memory_order_acquire)) {
      if (TaskHeader* t = pop(nullptr, 0)) {
        run_task(t);
        continue;
      }
      std::unique_lock lk(s_->park_mu);
      s_->sleepers.fetch_add(1, std::memory_order_seq_cst);
      while (s_->queued.load(std::memory_order_seq_cst) == 0 &&
             !done.load(std::memory_order_acquire))
        s_->park_cv.wait(lk);
      s_->sleepers.fetch_sub(1, std::memory_order_seq_cst);
    }
    tl_worker = prev_worker;
  } else {
    std::unique_lock lk(s_->park_mu);
    while (!done.load(std::memory_order_acquire)) s_->block_cv.wait(lk);
  }
  tl_core = prev_core;
}

void Core::signal_done(std::atomic<bool>& done) noexcept {
  {
    std::lock_guard lk(s_->park_mu);
    done.store(true, std::memory_order_release);
  }
  s_->block_cv.notify_all();
  s_->park_cv.notify_all();
}

void Core::shutdown() noexcept {
  if (s_->shut) return;
  s_->shut = true;
  stopping_.store(true, std::memory_order_release);
  {
    std::lock_guard lk(s_->park_mu);
  }
  s_->park_cv.notify_all();
  for (auto& w : s_->workers)
    if (w->thread.joinable()) w->thread.join();
  s_->timer->stop();
  s_->pool->shutdown();

  // Cancel what is left, newest first: a select's branches are newer than the task awaiting
  // them, and must go before it (they may borrow from its frame).
  Core* prev_core = tl_core;
  tl_core = this;
  for (;;) {
    TaskHeader* t;
    {
      std::lock_guard lk(s_->reg_mu);
      t = s_->reg_tail;
      if (!t) {
        s_->closed = true;
        break;
      }
      t->ref();
    }
    TaskHeader* prev = tl_task;
    tl_task = t;
    tl_cancelling = true;
    // Suspended (idle, not woken) until the end: what it awaited never completed.
    if (monitor_on() && t->state.load(std::memory_order_relaxed) == TaskHeader::kIdle)
      on_pending_at_shutdown(t->suspend_loc);
    t->state.store(TaskHeader::kRunning, std::memory_order_relaxed);
    t->cancel_frame();  // retires it
    tl_cancelling = false;
    tl_task = prev;
    t->unref();  // ours
    t->unref();  // the scheduler's
  }
  tl_core = prev_core;
  {
    std::lock_guard lk(s_->global_mu);
    s_->global.clear();
  }
  for (auto& w : s_->workers) {
    std::lock_guard lk(w->mu);
    w->queue.clear();
  }
  s_->queued.store(0);
  monitor_flush();
}

}  // namespace asyncrt::detail
