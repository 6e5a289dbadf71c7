// Mock of stdexec/exec (names as in P2300's reference implementation):
// sync_wait and start_detached are customisation-point objects; exec's
// async_scope spawns senders.
#pragma once
namespace stdexec {
struct sync_wait_t {
  template <typename Sender> int operator()(Sender &&) const;
};
inline constexpr sync_wait_t sync_wait{};
struct start_detached_t {
  template <typename Sender> void operator()(Sender &&) const;
};
inline constexpr start_detached_t start_detached{};
} // namespace stdexec
namespace exec {
struct async_scope {
  template <typename Sender> void spawn(Sender &&);
};
} // namespace exec
