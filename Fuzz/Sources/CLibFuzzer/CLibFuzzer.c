// Declarations only: the definitions come from libclang_rt.fuzzer_no_main.
#include "CLibFuzzer.h"
