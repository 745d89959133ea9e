// XXH3, the hash of build-cache digests, from Debian's libxxhash-dev (xxhash 0.8.x):
// the functions are linked from libxxhash, not inlined from the header.
#include <xxhash.h>
