// Included by one unit only.
#pragma once
inline int solo() { return 1; }
