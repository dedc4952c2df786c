#include "fuzz_target.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <system_error>

namespace wenshu::fuzz {

std::vector<Target>& targets() {
  static std::vector<Target> all;
  return all;
}

namespace {
struct Scratch {
  std::filesystem::path path;
  Scratch() {
    path = std::filesystem::temp_directory_path() / ("wenshu-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path);
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};
}  // namespace

const std::filesystem::path& scratch_dir() {
  static Scratch scratch;
  return scratch.path;
}

std::filesystem::path write_scratch(const std::string& name, std::string_view bytes) {
  auto p = scratch_dir() / name;
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return p;
}

bool planted_bug_enabled() {
  static const bool on = [] {
    const char* v = std::getenv("WENSHU_FUZZ_PLANTED_BUG");
    return v != nullptr && std::string_view(v) == "1";
  }();
  return on;
}

std::uint8_t ByteReader::byte() {
  if (rest_.empty()) return 0;
  auto b = static_cast<std::uint8_t>(rest_.front());
  rest_.remove_prefix(1);
  return b;
}

std::string ByteReader::text(std::size_t max_bytes) {
  std::size_t n = byte();
  if (n > max_bytes) n = max_bytes;
  if (n > rest_.size()) n = rest_.size();
  std::string s(rest_.substr(0, n));
  rest_.remove_prefix(n);
  return s;
}

}  // namespace wenshu::fuzz
