#include "core/data_dir.h"

#include <cstdlib>

namespace wenshu::core {

namespace {
std::filesystem::path& override_dir() {
  static std::filesystem::path dir;
  return dir;
}
}  // namespace

void set_data_dir(const std::filesystem::path& dir) { override_dir() = dir; }

std::filesystem::path data_dir() {
  if (!override_dir().empty()) return override_dir();
  if (const char* env = std::getenv("WENSHU_DATA"); env && *env) return env;
  return WENSHU_DATA_DIR;
}

std::filesystem::path data_path(const std::string& relative) { return data_dir() / relative; }

const char* version() { return WENSHU_VERSION; }

}  // namespace wenshu::core
