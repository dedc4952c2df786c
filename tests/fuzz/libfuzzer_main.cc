// libFuzzer's entry point for an executable holding exactly one target (fuzz_target.h).
#include <cstdlib>

#include "fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& all = wenshu::fuzz::targets();
  if (all.size() != 1) std::abort();  // a build mistake, not an input problem
  all.front().run(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
