// The one profile reader (ingest/profile_file.h): every element as plain data in document
// order, a field table applied with every problem reported at its line, a wrong root refused.
#include <catch2/catch.hpp>

#include <fstream>

#include "ingest/profile_file.h"
#include "support/test_support.h"

using namespace wenshu;

namespace {

// Read with the layout profile's schema, applied to a small profile of our own.
const ingest::ProfileKind kKind{"schemas/layout-profile.xsd", "urn:wenshu:layout-profile:1", "layout-profile",
                                "TEST-PROFILE", "TEST-ROOT", "测试", "test profile"};

struct Toy {
  std::string name;
  long long lines = 0;
  bool mirror = false;
};

const std::vector<ingest::ProfileField<Toy>>& toy_fields() {
  static const std::vector<ingest::ProfileField<Toy>> kFields{
      {"name", [](Toy& t, const ingest::ProfileEntry& e) { return t.name = e.attr_or("value"), true; },
       [](const Toy& t) { return t.name; }, "a name"},
      {"lines-per-page",
       [](Toy& t, const ingest::ProfileEntry& e) {
         const auto v = ingest::parse_profile_int(e.attr_or("value"), 1, 200);
         return v && (t.lines = *v, true);
       },
       [](const Toy& t) { return std::to_string(t.lines); }, "1..200"},
      {"mirror-margins", [](Toy& t, const ingest::ProfileEntry& e) { return t.mirror = e.attr_or("value") == "true", true; },
       {}, "true or false"},
  };
  return kFields;
}

std::filesystem::path write(const test::TempDir& dir, const std::string& text) {
  const auto path = dir.path() / "p.xml";
  std::ofstream(path) << text;
  return path;
}

const std::string kHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

}  // namespace

TEST_CASE("profile file: every element as plain data, in document order", "[ingest][profile]") {
  test::TempDir dir;
  const auto path = write(dir, kHead +
                                   "<layout-profile xmlns=\"urn:wenshu:layout-profile:1\" name=\"house\">\n"
                                   "  <number name=\"lines-per-page\" value=\"21\"/>\n"
                                   "  <switch name=\"mirror-margins\" value=\"true\"/>\n"
                                   "</layout-profile>\n");
  core::DiagnosticSink sink;
  const auto file = ingest::read_profile_file(path, kKind, sink);
  REQUIRE(file);
  CHECK(sink.items().empty());
  CHECK(file->root.element == "layout-profile");
  CHECK(file->root.attr_or("name") == "house");
  REQUIRE(file->entries.size() == 2);
  CHECK(file->entries[0].element == "number");
  CHECK(file->entries[0].parent == "layout-profile");
  CHECK(file->entries[0].key() == "lines-per-page");
  CHECK(file->entries[0].location.line == 3);
  CHECK(file->entries[1].attr("value") == std::optional<std::string>("true"));
  CHECK_FALSE(file->entries[1].attr("unit"));

  Toy toy;
  CHECK(ingest::apply_profile_fields(*file, toy_fields(), kKind, toy, sink));
  CHECK(toy.name == "house");  // the root's own attribute
  CHECK(toy.lines == 21);
  CHECK(toy.mirror);
  CHECK(ingest::find_profile_field(toy_fields(), "lines-per-page")->get(toy) == "21");
}

TEST_CASE("profile file: unknown keys and bad values are each reported at their line", "[ingest][profile]") {
  test::TempDir dir;
  const auto path = write(dir, kHead +
                                   "<layout-profile xmlns=\"urn:wenshu:layout-profile:1\" name=\"house\">\n"
                                   "  <number name=\"lines-per-page\" value=\"0\"/>\n"
                                   "  <number name=\"chars-per-line\" value=\"28\"/>\n"
                                   "</layout-profile>\n");
  core::DiagnosticSink sink;
  const auto file = ingest::read_profile_file(path, kKind, sink);
  REQUIRE(file);
  Toy toy;
  CHECK_FALSE(ingest::apply_profile_fields(*file, toy_fields(), kKind, toy, sink));
  REQUIRE(sink.items().size() == 2);
  CHECK(sink.items()[0].rule == "TEST-PROFILE");
  CHECK(sink.items()[0].location.line == 3);
  CHECK(sink.items()[0].message.find("1..200") != std::string::npos);
  CHECK(sink.items()[1].location.line == 4);
  CHECK(sink.items()[1].message.find("chars-per-line") != std::string::npos);
}

TEST_CASE("profile file: the wrong root and schema errors refuse the file", "[ingest][profile]") {
  test::TempDir dir;
  core::DiagnosticSink sink;
  CHECK_FALSE(ingest::read_profile_file(write(dir, kHead + "<profile xmlns=\"urn:wenshu:profile:1\"/>\n"), kKind, sink));
  REQUIRE(sink.items().size() == 1);
  CHECK(sink.items()[0].rule == "TEST-ROOT");
  CHECK(sink.items()[0].location.line == 2);

  core::DiagnosticSink sink2;
  CHECK_FALSE(ingest::read_profile_file(
      write(dir, kHead + "<layout-profile xmlns=\"urn:wenshu:layout-profile:1\"><bogus/></layout-profile>\n"), kKind,
      sink2));
  REQUIRE(sink2.has_errors());
  CHECK(sink2.items()[0].rule.rfind("XML-", 0) == 0);
}

TEST_CASE("profile file: whole numbers in range, plain digits only", "[ingest][profile]") {
  CHECK(ingest::parse_profile_int("42", 0, 100) == 42);
  CHECK_FALSE(ingest::parse_profile_int("+42", 0, 100));
  CHECK_FALSE(ingest::parse_profile_int("-1", 0, 100));
  CHECK(ingest::parse_profile_int("-1", -5, 5) == -1);
  CHECK_FALSE(ingest::parse_profile_int("101", 0, 100));
  CHECK_FALSE(ingest::parse_profile_int("4 2", 0, 100));
  CHECK_FALSE(ingest::parse_profile_int("", 0, 100));
}
