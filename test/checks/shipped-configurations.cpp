// The configurations shipped in .clang-tidy-plugin/ load in clang-tidy-19, and
// they differ where they say they do: default.yaml exempts an accept loop that
// spawns one session per connection, ci-strict.yaml reports it as an error.
// RUN: %clang_tidy --load=%plugin --config-file=%src_root/.clang-tidy-plugin/default.yaml \
// RUN:   %s -- -std=c++20 -isystem %inputs 2>&1 | FileCheck --allow-empty -check-prefix=DEFAULT %s
// RUN: not %clang_tidy --load=%plugin --config-file=%src_root/.clang-tidy-plugin/ci-strict.yaml \
// RUN:   %s -- -std=c++20 -isystem %inputs 2>&1 | FileCheck -check-prefix=STRICT %s
// RUN: %clang_tidy --load=%plugin --config-file=%src_root/.clang-tidy-plugin/frameworks.yaml \
// RUN:   %s -- -std=c++20 -isystem %inputs 2>&1 | FileCheck --allow-empty -check-prefix=DEFAULT %s
#include "asio.h"

asio::awaitable<void> serve() { co_return; } // cannot throw: no join-handle finding

asio::awaitable<void> listener(asio::ip::tcp::acceptor &Acceptor) {
  for (;;) {
    auto Socket = co_await Acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(asio::any_io_executor{}, serve(), asio::detached);
    // STRICT: :[[@LINE-1]]:5: error: 'asio::co_spawn' starts a task on every iteration of a loop with no bound{{.*}}[async-unbounded-spawn,-warnings-as-errors]
  }
}
// DEFAULT-NOT: {{error|warning}}:
// STRICT-NOT: warning:
