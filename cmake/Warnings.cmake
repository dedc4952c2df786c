# Warnings on for every wenshu target (third-party headers are included as SYSTEM).
add_library(wenshu_warnings INTERFACE)
target_compile_options(wenshu_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
