// libFuzzer's driver, declared for Swift (Sources/stakemap-fuzz). SwiftPM names an executable's
// entry point MODULE_main and aliases `main` to it, so libFuzzer's own `main` is never used;
// stakemap-fuzz defines that entry point and hands control to this driver. The symbol comes
// from the libFuzzer runtime that `-sanitize=fuzzer` links; ordinary builds never call it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*callback)(const uint8_t *data, size_t size));
