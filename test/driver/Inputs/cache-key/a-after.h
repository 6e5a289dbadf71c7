// The version of a.h written while the unit is analysed: no sleep.
Task fromHeader() {
  co_return;
}
