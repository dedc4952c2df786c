// Helpers shared by the unit and golden tests: paths to the source tree, temporary folders,
// and golden-file comparison with one switch (WENSHU_UPDATE_GOLDEN=1) to accept new output.
#pragma once
#include <filesystem>
#include <string>

#include "core/diagnostic.h"

namespace wenshu::test {

/// The repository root (where samples/, fonts/, templates/ live).
std::filesystem::path source_dir();
/// tests/golden/<name>.
std::filesystem::path golden_path(const std::string& name);
/// A fresh, empty temporary folder for one test, removed on destruction.
class TempDir {
 public:
  explicit TempDir(const std::string& tag = "t");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};
/// Reads a whole file; throws if it cannot.
std::string read_file(const std::filesystem::path& p);
/// Compares `actual` with tests/golden/<name>; with WENSHU_UPDATE_GOLDEN=1 rewrites the file
/// instead. Returns an empty string when they match, else a short description of the first
/// difference (line number and both lines).
std::string compare_golden(const std::string& name, const std::string& actual);
/// True when `sink` holds a diagnostic of `rule` whose text (core::format_text) contains
/// `needle` (any diagnostic of `rule` when `needle` is empty).
bool has_rule(const core::DiagnosticSink& sink, const std::string& rule, const std::string& needle = "");

}  // namespace wenshu::test
