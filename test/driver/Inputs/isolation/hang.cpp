// Keeps the compiler busy far longer than the test's --unit-timeout (a
// constant evaluation of 2^31 steps, allowed by -fconstexpr-steps).
constexpr int spin() {
  unsigned long long I = 0;
  while (true)
    ++I;
  return 0;
}
static_assert(spin() == 0);
