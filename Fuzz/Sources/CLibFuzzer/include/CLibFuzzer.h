#ifndef MAGBUILD_CLIBFUZZER_H
#define MAGBUILD_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's documented entry point for programs that bring their own `main`
/// (from libclang_rt.fuzzer_no_main): parses the libFuzzer flags in argv and runs `callback`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
