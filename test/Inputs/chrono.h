// Mock <chrono> and <thread> sleeps, with POSIX's C sleeps.
#pragma once

namespace std {
namespace chrono {
struct milliseconds { explicit milliseconds(long long) {} };
struct seconds { explicit seconds(long long) {} };
struct time_point {};
struct steady_clock { static time_point now(); };
} // namespace chrono
namespace this_thread {
template <typename Duration> void sleep_for(const Duration &) {}
template <typename TimePoint> void sleep_until(const TimePoint &) {}
void yield() noexcept;
} // namespace this_thread
} // namespace std

struct timespec { long tv_sec; long tv_nsec; };
extern "C" {
unsigned int sleep(unsigned int);
int usleep(unsigned int);
int nanosleep(const struct timespec *, struct timespec *);
}
