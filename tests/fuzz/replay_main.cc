// Replays saved inputs through the fuzz targets in the normal build (no libFuzzer needed):
//   fuzz_replay <target> <file or folder>...
// Every regular file (folders: every file inside, sorted) is run through <target> once; a crash
// fails the process, as it would fail a fuzz run. Prints how many inputs were replayed.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "fuzz_target.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_of(const fs::path& p) {
  std::vector<fs::path> out;
  if (fs::is_directory(p)) {
    for (const auto& e : fs::recursive_directory_iterator(p))
      if (e.is_regular_file()) out.push_back(e.path());
    std::sort(out.begin(), out.end());
  } else {
    out.push_back(p);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: fuzz_replay <target> <file or folder>...\n");
    return 2;
  }
  const std::string name = argv[1];
  const wenshu::fuzz::Target* target = nullptr;
  for (const auto& t : wenshu::fuzz::targets())
    if (name == t.name) target = &t;
  if (target == nullptr) {
    std::fprintf(stderr, "fuzz_replay: no target named %s\n", name.c_str());
    return 2;
  }
  std::size_t count = 0;
  for (int i = 2; i < argc; ++i) {
    if (!fs::exists(argv[i])) {
      std::fprintf(stderr, "fuzz_replay: %s does not exist\n", argv[i]);
      return 2;
    }
    for (const auto& file : inputs_of(argv[i])) {
      std::ifstream in(file, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::fprintf(stderr, "replay %s %s (%zu bytes)\n", name.c_str(), file.c_str(), bytes.size());
      target->run(bytes);
      ++count;
    }
  }
  std::printf("fuzz_replay %s: %zu input(s) replayed, no crash\n", name.c_str(), count);
  return 0;
}
