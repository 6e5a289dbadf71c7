// The project's own code, which includes vendored and generated headers.
#include "coro.h"
#include "third_party/lib/a.h"
#include "_deps/dep-src/b.h"
#include "external/c.h"
#include "vendor/d.h"
#include "3rdparty/e.h"
#include "generated.h"
Task ownCode() {
  sleep(1);
  co_return;
}
