// SQLite 3 from Debian's libsqlite3-dev: reads Isso's comment database.
#include <sqlite3.h>
