// DA-3: every 文种 a shipped template gives the documents it makes (<document kind="…">, and the
// form names passed to travel-form.xsl) has its 保管期限 in the shipped archive profile, so
// packing the program's own output never falls back to the default period.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "archive/profile.h"
#include "core/data_dir.h"
#include "core/file_io.h"

using namespace wenshu;

namespace {

/// Every text between `open` and the next `close` in `s`.
void collect(const std::string& s, const std::string& open, char close, std::set<std::string>& out) {
  for (auto at = s.find(open); at != std::string::npos; at = s.find(open, at + 1)) {
    const auto begin = at + open.size();
    const auto end = s.find(close, begin);
    if (end != std::string::npos && s[begin] != '{') out.insert(s.substr(begin, end - begin));
  }
}

}  // namespace

TEST_CASE("retention table: every 文种 the templates make has its own 保管期限", "[job][archive]") {
  std::set<std::string> kinds;
  for (const auto& e : std::filesystem::directory_iterator(core::data_path("templates"))) {
    if (e.path().extension() != ".xsl") continue;
    const std::string xsl = core::read_file(e.path());
    collect(xsl, "<document kind=\"", '"', kinds);
    collect(xsl, "name=\"form-name\" select=\"'", '\'', kinds);
  }
  REQUIRE(kinds.size() >= 10);
  CHECK(kinds.count("外出报告单") == 1);
  core::DiagnosticSink sink;
  const auto shipped = archive::load_profile(core::data_path("profiles/archive-default.xml"), sink);
  REQUIRE(shipped);
  const auto builtin = archive::builtin_profile();
  for (const auto& kind : kinds) {
    INFO(kind);
    CHECK(shipped->retention_by_kind.count(kind) == 1);
    CHECK(builtin.retention_by_kind.count(kind) == 1);
  }
}
