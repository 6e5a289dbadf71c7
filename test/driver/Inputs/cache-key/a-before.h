// The version of a.h the compiler reads: a sleep in a coroutine.
Task fromHeader() {
  sleep(1);
  co_return;
}
