// What PAUSE() does is decided here, unless a unit defined it first: the test
// edits it to block.
#ifndef PAUSE_H
#define PAUSE_H
#ifndef PAUSE
#define PAUSE() ((void)0)
#endif
#endif
