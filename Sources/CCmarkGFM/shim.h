// The public cmark-gfm headers shipped by Debian's libcmark-gfm-dev and
// libcmark-gfm-extensions-dev. Never add /usr/include/cmark-gfm/ (internal
// headers with generic names) to the include path.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
