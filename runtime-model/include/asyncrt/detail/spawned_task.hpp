// A spawned task: a TaskHeader owning the outermost frame of a Task<T>, and a Sink that
// receives its outcome (a JoinHandle's state, a select branch, or block_on's waiter).
#pragma once
#include <stdexcept>

#include "asyncrt/detail/core.hpp"
#include "asyncrt/task.hpp"

namespace asyncrt::detail {

template <class T>
struct Sink {
  virtual void complete(Outcome<T>&& o) noexcept = 0;
  virtual ~Sink() = default;
};

template <class T>
class SpawnedTask final : public TaskHeader {
 public:
  using Handle = std::coroutine_handle<typename Task<T>::promise_type>;

  SpawnedTask(Core* c, Handle h, Sink<T>* sink) noexcept : frame_(h), sink_(sink) {
    core = c;
    next = h;
    auto& p = h.promise();
    p.root = this;
    p.started = true;
    suspended_frame = &p;
    suspend_loc = p.def;  // the first slice starts at the coroutine itself
  }

  void complete_root() noexcept override {
    Outcome<T> out = std::move(frame_.promise().outcome);
    frame_.destroy();
    finish(std::move(out));
  }
  void cancel_frame() noexcept override {
    frame_.destroy();
    finish(Outcome<T>::cancel());
  }

 private:
  void finish(Outcome<T>&& out) noexcept {
    frame_ = {};
    state.store(kDone, std::memory_order_release);
    core->retire(this);
    Sink<T>* s = std::exchange(sink_, nullptr);
    if (s) s->complete(std::move(out));
  }
  Handle frame_;
  Sink<T>* sink_;
};

// Start `task` as a new task of `core` whose outcome goes to `sink`. When `keep` is given it
// receives a counted reference to the task, stored before the task can run (and finish).
template <class T>
void start_task(Core* core, Task<T>&& task, Sink<T>* sink, SpawnSite* site,
                Abortable** keep = nullptr) {
  auto h = task.release();
  if (!h) throw std::logic_error("asyncrt: spawning an empty Task");
  auto* t = new SpawnedTask<T>(core, h, sink);
  t->site = site;
  if (keep) {
    t->ref();
    *keep = t;
  }
  core->spawn(t);  // the initial reference now belongs to the scheduler
}

}  // namespace asyncrt::detail
