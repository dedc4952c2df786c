// The archive profile through the one profile reader: the shipped file is the built-in
// profile exactly; a file's lists replace the built-in ones.
#include <catch2/catch.hpp>

#include <fstream>

#include "archive/profile.h"
#include "core/data_dir.h"
#include "support/test_support.h"

using namespace wenshu;

TEST_CASE("archive profile: profiles/archive-default.xml is the built-in profile", "[archive][profile]") {
  core::DiagnosticSink sink;
  const auto loaded = archive::load_profile(core::data_path("profiles/archive-default.xml"), sink);
  REQUIRE(loaded);
  CHECK(sink.items().empty());
  const auto b = archive::builtin_profile();
  CHECK(loaded->name == b.name);
  CHECK(loaded->category == b.category);
  CHECK(loaded->code_style == b.code_style);
  CHECK(loaded->scheme == b.scheme);
  REQUIRE(loaded->classes.size() == b.classes.size());
  for (std::size_t i = 0; i < b.classes.size(); ++i) {
    CHECK(loaded->classes[i].regulation == b.classes[i].regulation);
    CHECK(loaded->classes[i].code == b.classes[i].code);
    CHECK(loaded->classes[i].name == b.classes[i].name);
  }
  CHECK(loaded->retention_by_kind == b.retention_by_kind);
  CHECK(loaded->default_retention == b.default_retention);
  CHECK(loaded->split_bytes == b.split_bytes);
  CHECK(loaded->split_entries == b.split_entries);
  CHECK(loaded->always_split == b.always_split);
}

TEST_CASE("archive profile: a file's values and lists replace the built-in ones", "[archive][profile]") {
  test::TempDir dir;
  const auto path = dir.path() / "archive.xml";
  std::ofstream(path) << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<archive-profile xmlns=\"urn:wenshu:archive-profile:1\" name=\"county\">\n"
                         "  <category>WS</category>\n"
                         "  <code-style>DA/T 13-2022</code-style>\n"
                         "  <scheme>年度-保管期限</scheme>\n"
                         "  <classes><class regulation=\"ZH\" code=\"ZHL\">综合</class></classes>\n"
                         "  <retention default=\"D10\"><kind period=\"Y\">决定</kind></retention>\n"
                         "  <split max-bytes=\"1000\" max-entries=\"10\" always=\"true\"/>\n"
                         "</archive-profile>\n";
  core::DiagnosticSink sink;
  const auto p = archive::load_profile(path, sink);
  REQUIRE(p);
  CHECK(p->name == "county");
  CHECK(p->code_style == archive::CodeStyle::kDaT13);
  CHECK(p->scheme == archive::Scheme::kYearRetention);
  REQUIRE(p->classes.size() == 1);
  CHECK(p->classes[0].code == "ZHL");
  CHECK(p->retention_for("决定") == "Y");
  CHECK(p->retention_for("通知") == "D10");  // not in this file's table: its default
  CHECK(p->split_bytes == 1000);
  CHECK(p->split_entries == 10);
  CHECK(p->always_split);
}
