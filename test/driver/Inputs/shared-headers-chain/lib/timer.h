// Included after base.h by the timer units: its PCH is chained on base.h's.
#ifndef TIMER_H
#define TIMER_H
inline void wait_timer() { sleep(1); }
#endif
