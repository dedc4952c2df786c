#include "core/data_dir.h"

#include <cstdlib>
#include <system_error>

namespace wenshu::core {

namespace fs = std::filesystem;

namespace {
fs::path& override_dir() {
  static fs::path dir;
  return dir;
}

/// <prefix>/share/wenshu when this program runs as <prefix>/bin/wenshu from an install
/// (`cmake --install`, the .deb); empty otherwise.
fs::path installed_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) return {};
  const fs::path share = exe.parent_path().parent_path() / "share" / "wenshu";
  return fs::is_directory(share / "templates", ec) ? share : fs::path();
}
}  // namespace

void set_data_dir(const fs::path& dir) { override_dir() = dir; }

fs::path data_dir() {
  if (!override_dir().empty()) return override_dir();
  if (const char* env = std::getenv("WENSHU_DATA"); env && *env) return env;
  static const fs::path installed = installed_dir();
  if (!installed.empty()) return installed;
  return WENSHU_DATA_DIR;
}

fs::path data_path(const std::string& relative) { return data_dir() / relative; }

const char* version() { return WENSHU_VERSION; }

}  // namespace wenshu::core
