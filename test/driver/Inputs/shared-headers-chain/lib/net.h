// Included after base.h by the net units: its PCH is chained on base.h's.
#ifndef NET_H
#define NET_H
inline void wait_net() { BASE_WAIT(); }
#endif
