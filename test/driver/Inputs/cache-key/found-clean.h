// This found.h does not sleep.
Task fromFoundHeader() { co_return; }
