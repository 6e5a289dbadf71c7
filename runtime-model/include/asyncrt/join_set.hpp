// JoinSet<T>: a group of spawned tasks joined in completion order (structured concurrency).
//   JoinSet<int> set;
//   for (auto& item : items) set.spawn(process(item));
//   while (auto r = co_await set.join_next()) use(*r);   // rethrows a task's exception
// Destroying the set aborts the tasks still in it. For T = void, join_next yields a bool.
#pragma once
#include <deque>
#include <mutex>
#include <optional>
#include <source_location>
#include <unordered_set>

#include "asyncrt/join.hpp"

namespace asyncrt {

template <class T = void>
class JoinSet {
  using State = detail::JoinState<T>;
  using Next = std::conditional_t<std::is_void_v<T>, bool, std::optional<T>>;

  struct Shared final : detail::JoinListener {
    std::mutex mu;
    std::unordered_set<State*> running;
    std::deque<State*> finished;
    detail::WaitNode* waiter = nullptr;

    // Called by a state's complete(), under that state's lock (lock order: state, set); the
    // state wakes the returned joiner once its lock is released.
    detail::Waker on_complete(void* p) noexcept override {
      auto* st = static_cast<State*>(p);
      detail::Waker w;
      std::lock_guard lk(mu);
      running.erase(st);
      finished.push_back(st);
      if (waiter) {
        w = std::move(waiter->waker);
        waiter->granted = true;
        waiter = nullptr;
      }
      return w;
    }
  };

 public:
  JoinSet() : sh_(std::make_unique<Shared>()) {}
  JoinSet(const JoinSet&) = delete;
  JoinSet& operator=(const JoinSet&) = delete;
  ~JoinSet() {
    abort_all();
    // Stop listening first (a completion calls on_complete under the state's lock, so once
    // every listener is cleared no call is in flight), then let go of every state: errors
    // of tasks that finished but were never joined are lost errors.
    std::vector<State*> all;
    {
      std::lock_guard lk(sh_->mu);
      all.assign(sh_->running.begin(), sh_->running.end());
      all.insert(all.end(), sh_->finished.begin(), sh_->finished.end());
    }
    for (State* st : all) {
      std::lock_guard lk(st->mu);
      st->listener = nullptr;
    }
    {
      std::lock_guard lk(sh_->mu);
      sh_->running.clear();
      sh_->finished.clear();
    }
    for (State* st : all) st->detach();
  }

  // Spawn `task` into the set (it starts at once, like asyncrt::spawn).
  void spawn(Task<T> task, std::source_location at = std::source_location::current()) {
    detail::Core& core = detail::core_or_throw();
    auto* st = new State();
    st->site = detail::Loc::from(at);
    st->listener = sh_.get();
    {
      std::lock_guard lk(sh_->mu);
      sh_->running.insert(st);
    }
    detail::SpawnSite* site = detail::monitor_on() ? detail::on_spawn(st->site) : nullptr;
    detail::start_task<T>(&core, std::move(task), st, site, &st->target);
  }

  // Tasks spawned and not yet returned by join_next.
  std::size_t size() const {
    std::lock_guard lk(sh_->mu);
    return sh_->running.size() + sh_->finished.size();
  }
  bool empty() const { return size() == 0; }

  void abort_all() {
    std::vector<State*> run;
    {
      std::lock_guard lk(sh_->mu);
      run.assign(sh_->running.begin(), sh_->running.end());
      for (State* st : run) st->refs.fetch_add(1);  // keep alive while aborting
    }
    for (State* st : run) {
      st->abort();
      st->unref();
    }
  }

  struct Awaiter {
    Shared* sh;
    detail::WaitNode node;
    explicit Awaiter(Shared* s) : sh(s) {}
    Awaiter(Awaiter&& o) noexcept : sh(o.sh) {}
    ~Awaiter() {
      if (node.linked) {
        std::lock_guard lk(sh->mu);
        if (sh->waiter == &node) sh->waiter = nullptr;
      }
    }
    bool await_ready() {
      std::lock_guard lk(sh->mu);
      return !sh->finished.empty() || sh->running.empty();
    }
    bool await_suspend(std::coroutine_handle<> h) {
      node.waker = detail::Waker::current(h);
      std::lock_guard lk(sh->mu);
      if (!sh->finished.empty() || sh->running.empty()) return false;
      sh->waiter = &node;
      node.linked = true;
      return true;
    }
    Next await_resume() {
      node.linked = false;
      State* st = nullptr;
      {
        std::lock_guard lk(sh->mu);
        if (sh->finished.empty()) return Next{};
        st = sh->finished.front();
        sh->finished.pop_front();
      }
      detail::Outcome<T> o;
      {
        std::lock_guard lk(st->mu);
        st->observed = true;
        st->listener = nullptr;
        o = std::move(st->out);
      }
      st->detach();  // drops the set's reference; nothing is lost: we observed it
      if constexpr (std::is_void_v<T>) {
        o.take();
        return true;
      } else {
        return Next{o.take()};
      }
    }
  };
  // The next task to finish: its value, or nullopt/false when the set is empty. Rethrows the
  // task's exception (or Cancelled if it was aborted); that task has then left the set.
  Awaiter join_next() { return Awaiter{sh_.get()}; }

 private:
  std::unique_ptr<Shared> sh_;
};

}  // namespace asyncrt
