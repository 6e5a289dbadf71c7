// Mock synchronisation: mutexes and guards, threads, futures, condition
// variables, latches, semaphores (the std names the checks know).
#pragma once

namespace std {
struct defer_lock_t { explicit defer_lock_t() = default; };
struct try_to_lock_t { explicit try_to_lock_t() = default; };
struct adopt_lock_t { explicit adopt_lock_t() = default; };
inline constexpr defer_lock_t defer_lock{};
inline constexpr try_to_lock_t try_to_lock{};
inline constexpr adopt_lock_t adopt_lock{};

struct mutex {
  void lock();
  bool try_lock();
  void unlock();
};
struct recursive_mutex {
  void lock();
  bool try_lock();
  void unlock();
};
struct shared_mutex {
  void lock();
  bool try_lock();
  void unlock();
  void lock_shared();
  void unlock_shared();
};

template <typename M> struct lock_guard {
  explicit lock_guard(M &m) : m(m) { m.lock(); }
  lock_guard(M &m, adopt_lock_t) : m(m) {}
  ~lock_guard() { m.unlock(); }
  lock_guard(const lock_guard &) = delete;
  M &m;
};
template <typename... Ms> struct scoped_lock {
  explicit scoped_lock(Ms &...) {}
  ~scoped_lock() {}
};
template <typename M> struct unique_lock {
  unique_lock() noexcept {}
  explicit unique_lock(M &m) : m(&m), owns(true) { m.lock(); }
  unique_lock(M &m, defer_lock_t) noexcept : m(&m) {}
  unique_lock(M &m, try_to_lock_t) : m(&m) { owns = m.try_lock(); }
  unique_lock(M &m, adopt_lock_t) : m(&m), owns(true) {}
  unique_lock(unique_lock &&o) noexcept : m(o.m), owns(o.owns) { o.m = nullptr; o.owns = false; }
  unique_lock &operator=(unique_lock &&o) noexcept { m = o.m; owns = o.owns; o.m = nullptr; o.owns = false; return *this; }
  ~unique_lock() { if (owns) m->unlock(); }
  void lock() { m->lock(); owns = true; }
  bool try_lock() { return owns = m->try_lock(); }
  void unlock() { m->unlock(); owns = false; }
  M *release() noexcept { M *r = m; m = nullptr; owns = false; return r; }
  void swap(unique_lock &o) noexcept {}
  bool owns_lock() const noexcept { return owns; }
  explicit operator bool() const noexcept { return owns; }
  M *m = nullptr;
  bool owns = false;
};
template <typename M> struct shared_lock {
  explicit shared_lock(M &m) : m(&m) { m.lock_shared(); }
  ~shared_lock() { if (m) m->unlock_shared(); }
  void unlock() { m->unlock_shared(); m = nullptr; }
  M *m;
};

struct condition_variable {
  void notify_one() noexcept;
  void notify_all() noexcept;
  void wait(unique_lock<mutex> &);
  template <typename P> void wait(unique_lock<mutex> &, P) {}
};

template <typename T> struct future {
  T get();
  void wait() const;
  bool valid() const noexcept;
};
template <> struct future<void> {
  void get();
  void wait() const;
};
enum class launch { async = 1, deferred = 2 };
template <typename F> auto async(F &&f) -> future<decltype(f())>;
template <typename F> auto async(launch, F &&f) -> future<decltype(f())>;

struct thread {
  thread() noexcept;
  template <typename F, typename... A> explicit thread(F &&, A &&...) {}
  thread(thread &&) noexcept;
  ~thread();
  void join();
  void detach();
  bool joinable() const noexcept;
};
struct jthread {
  template <typename F, typename... A> explicit jthread(F &&, A &&...) {}
  ~jthread();
  void join();
  void detach();
};

struct latch {
  explicit latch(long) {}
  void count_down(long = 1);
  void wait() const;
  void arrive_and_wait(long = 1);
};
template <long Least = 1> struct counting_semaphore {
  explicit counting_semaphore(long) {}
  void release(long = 1);
  void acquire();
  bool try_acquire() noexcept;
};
using binary_semaphore = counting_semaphore<1>;
} // namespace std

extern "C" {
typedef struct { int opaque; } pthread_mutex_t;
int pthread_mutex_lock(pthread_mutex_t *);
int pthread_mutex_trylock(pthread_mutex_t *);
int pthread_mutex_unlock(pthread_mutex_t *);
}
