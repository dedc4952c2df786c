# WENSHU_SANITIZE=ON builds everything with AddressSanitizer and UndefinedBehaviorSanitizer;
# ./test.sh runs the whole suite in such a build as well.
option(WENSHU_SANITIZE "Build with ASan + UBSan" OFF)
if(WENSHU_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
