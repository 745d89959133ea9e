// zlib from Debian's zlib1g-dev: gzread reads Remark42 backups, gzipped or plain.
#include <zlib.h>
