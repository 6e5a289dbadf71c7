// This found.h sleeps in a coroutine.
Task fromFoundHeader() {
  sleep(1);
  co_return;
}
