# WENSHU_SANITIZE=ON builds everything with AddressSanitizer and UndefinedBehaviorSanitizer;
# .ci/sanitize.sh (run by CI after ./test.sh) runs the whole suite in such a build.
option(WENSHU_SANITIZE "Build with ASan + UBSan" OFF)
if(WENSHU_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
# WENSHU_FUZZ=ON (clang only) builds the libFuzzer targets of tests/fuzz with ASan + UBSan and
# coverage instrumentation everywhere; .ci/fuzz.sh (run by CI after ./test.sh) runs them.
option(WENSHU_FUZZ "Build the libFuzzer targets (clang) with ASan + UBSan" OFF)
if(WENSHU_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
