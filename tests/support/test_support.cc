#include "support/test_support.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace wenshu::test {

std::filesystem::path source_dir() { return WENSHU_SOURCE_DIR; }

std::filesystem::path golden_path(const std::string& name) {
  return source_dir() / "tests" / "golden" / name;
}

TempDir::TempDir(const std::string& tag) {
  static int counter = 0;
  path_ = std::filesystem::temp_directory_path() /
          ("wenshu-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string compare_golden(const std::string& name, const std::string& actual) {
  const auto path = golden_path(name);
  const char* update = std::getenv("WENSHU_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return {};
  }
  if (!std::filesystem::exists(path))
    return "golden file missing: " + path.string() + " (run with WENSHU_UPDATE_GOLDEN=1)";
  const std::string expected = read_file(path);
  if (expected == actual) return {};
  std::istringstream a(actual), e(expected);
  std::string la, le;
  for (int line = 1;; ++line) {
    const bool ga = static_cast<bool>(std::getline(a, la));
    const bool ge = static_cast<bool>(std::getline(e, le));
    if (!ga && !ge) break;
    if (!ga || !ge || la != le)
      return "golden " + name + " differs at line " + std::to_string(line) + "\n  expected: " +
             (ge ? le : "<end>") + "\n  actual:   " + (ga ? la : "<end>");
  }
  return "golden " + name + " differs (line endings or trailing bytes)";
}

bool has_rule(const core::DiagnosticSink& sink, const std::string& rule, const std::string& needle) {
  for (const auto& d : sink.items())
    if (d.rule == rule && (needle.empty() || core::format_text(d).find(needle) != std::string::npos)) return true;
  return false;
}

}  // namespace wenshu::test
