// Interposers for pthread mutex/rwlock locking and the sleep family.
//
// Mechanism: these definitions live in the static library, so they are linked into the
// executable, and the executable's definitions win symbol resolution over libc's for every
// call the program makes (libstdc++'s inline std::mutex::lock calls pthread_mutex_lock through
// the PLT; std::this_thread::sleep_for calls ::nanosleep inline). Each one forwards to the
// next definition, found with dlsym(RTLD_NEXT), so a preloaded library still sees the call.
// No LD_PRELOAD and no build step on the user's side: linking asyncrt is enough.
//
// They only count while the monitor is on; off, each is one branch plus the forward.
// Under ThreadSanitizer (ASYNCRT_NO_INTERPOSE) they are compiled out: TSan intercepts the
// same functions and must see every lock itself.
#include <dlfcn.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include "asyncrt/detail/monitor_hooks.hpp"
#include "monitor_state.hpp"

namespace asyncrt::detail {
thread_local long tl_held_locks = 0;
thread_local bool tl_slept = false;
int interpose_anchor = 0;
}  // namespace asyncrt::detail

#ifndef ASYNCRT_NO_INTERPOSE

using asyncrt::detail::monitor_on;
using asyncrt::detail::tl_held_locks;

namespace {

// glibc's dlsym locks with its internal (non-PLT) lock functions, so resolving cannot
// re-enter these interposers.
template <class F>
F resolve(const char* name) {
  F f = reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
  if (!f) {
    static const char msg[] = "asyncrt: dlsym(RTLD_NEXT) failed for an interposed function\n";
    (void)!write(2, msg, sizeof msg - 1);
    _exit(127);
  }
  return f;
}

using MutexFn = int (*)(pthread_mutex_t*);
using MutexTimedFn = int (*)(pthread_mutex_t*, const timespec*);
using MutexClockFn = int (*)(pthread_mutex_t*, clockid_t, const timespec*);
using RwFn = int (*)(pthread_rwlock_t*);

inline void note_lock(int rc) noexcept {
  if (monitor_on() && rc == 0) ++tl_held_locks;
}
inline void note_unlock() noexcept {
  if (monitor_on()) --tl_held_locks;
}
inline void note_sleep() noexcept {
  if (monitor_on()) asyncrt::detail::tl_slept = true;
}

}  // namespace

extern "C" {

int pthread_mutex_lock(pthread_mutex_t* m) noexcept {
  static MutexFn real = resolve<MutexFn>("pthread_mutex_lock");
  int rc = real(m);
  note_lock(rc);
  return rc;
}

int pthread_mutex_trylock(pthread_mutex_t* m) noexcept {
  static MutexFn real = resolve<MutexFn>("pthread_mutex_trylock");
  int rc = real(m);
  note_lock(rc);
  return rc;
}

int pthread_mutex_unlock(pthread_mutex_t* m) noexcept {
  static MutexFn real = resolve<MutexFn>("pthread_mutex_unlock");
  note_unlock();
  return real(m);
}

int pthread_mutex_timedlock(pthread_mutex_t* m, const timespec* t) noexcept {
  static MutexTimedFn real = resolve<MutexTimedFn>("pthread_mutex_timedlock");
  int rc = real(m, t);
  note_lock(rc);
  return rc;
}

int pthread_mutex_clocklock(pthread_mutex_t* m, clockid_t c, const timespec* t) noexcept {
  static MutexClockFn real = resolve<MutexClockFn>("pthread_mutex_clocklock");
  int rc = real(m, c, t);
  note_lock(rc);
  return rc;
}

// std::shared_mutex is a pthread rwlock.
int pthread_rwlock_rdlock(pthread_rwlock_t* l) noexcept {
  static RwFn real = resolve<RwFn>("pthread_rwlock_rdlock");
  int rc = real(l);
  note_lock(rc);
  return rc;
}
int pthread_rwlock_wrlock(pthread_rwlock_t* l) noexcept {
  static RwFn real = resolve<RwFn>("pthread_rwlock_wrlock");
  int rc = real(l);
  note_lock(rc);
  return rc;
}
int pthread_rwlock_tryrdlock(pthread_rwlock_t* l) noexcept {
  static RwFn real = resolve<RwFn>("pthread_rwlock_tryrdlock");
  int rc = real(l);
  note_lock(rc);
  return rc;
}
int pthread_rwlock_trywrlock(pthread_rwlock_t* l) noexcept {
  static RwFn real = resolve<RwFn>("pthread_rwlock_trywrlock");
  int rc = real(l);
  note_lock(rc);
  return rc;
}
int pthread_rwlock_unlock(pthread_rwlock_t* l) noexcept {
  static RwFn real = resolve<RwFn>("pthread_rwlock_unlock");
  note_unlock();
  return real(l);
}

// The sleep family: glibc's sleep()/usleep() do not go through nanosleep's PLT entry, so
// each is interposed on its own. A sleep marks the current slice as "slept".
int nanosleep(const timespec* req, timespec* rem) {
  static auto real = resolve<int (*)(const timespec*, timespec*)>("nanosleep");
  note_sleep();
  return real(req, rem);
}
int clock_nanosleep(clockid_t c, int flags, const timespec* req, timespec* rem) {
  static auto real =
      resolve<int (*)(clockid_t, int, const timespec*, timespec*)>("clock_nanosleep");
  note_sleep();
  return real(c, flags, req, rem);
}
int usleep(useconds_t us) {
  static auto real = resolve<int (*)(useconds_t)>("usleep");
  note_sleep();
  return real(us);
}
unsigned int sleep(unsigned int s) {
  static auto real = resolve<unsigned int (*)(unsigned int)>("sleep");
  note_sleep();
  return real(s);
}

}  // extern "C"

namespace asyncrt::monitor {
bool interposition_active() noexcept { return true; }
}  // namespace asyncrt::monitor

#else

namespace asyncrt::monitor {
bool interposition_active() noexcept { return false; }
}  // namespace asyncrt::monitor

#endif
