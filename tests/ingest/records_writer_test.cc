// The record-kind descriptors (model/record_kinds.h) drive both the reader and the writer: what
// the writer writes is a valid records file that the reader reads back to the same records.
#include <catch2/catch.hpp>

#include <string>

#include "core/file_io.h"
#include "ingest/records_reader.h"
#include "ingest/records_writer.h"
#include "ingest/synthetic_year.h"
#include "support/test_support.h"

using namespace wenshu;

namespace {

std::string dump(const core::DiagnosticSink& sink) {
  std::string out;
  for (const auto& d : sink.items()) out += core::format_text(d) + "\n";
  return out;
}

/// The records of `committee` only (the writer's file holds one committee's records).
model::Records of_committee(const model::Records& all, const std::string& committee) {
  model::Records out;
  model::for_each_kind([&]<class R>(std::type_identity<R>) {
    for (const auto& r : model::all_of<R>(all))
      if (r.committee == committee) model::all_of<R>(out).push_back(r);
  });
  return out;
}

}  // namespace

TEST_CASE("records writer: the sample years written and read back give the same records") {
  core::DiagnosticSink sink;
  const ingest::RecordsRead read = ingest::read_record_years({test::source_dir() / "samples" / "records"}, sink);
  REQUIRE(sink.items().empty());
  REQUIRE(read.years.size() == 2);
  std::string absent;
  model::for_each_kind([&]<class R>(std::type_identity<R>) {
    std::size_t n = 0;
    for (const auto& y : read.years) n += model::all_of<R>(y).size();
    if (n == 0) absent += " " + std::string(model::Kind<R>::element);
  });
  CHECK(absent == "");  // every kind of record is in the samples, so every descriptor is exercised

  for (const auto& samples : read.years)
    for (const auto& c : samples.committees) {
      INFO("committee " << c.id << " " << c.year);
      const model::Records mine = of_committee(samples, c.id);
      const std::string first = ingest::write_records_file(mine, c.id, c.year);
      core::DiagnosticSink read_sink;
      // Read alone, references to other committees dangle; only the schema and the values matter here.
      const model::Records back = ingest::read_records_memory(first, c.id + ".xml", read_sink);
      for (const auto& d : read_sink.items()) {
        INFO(core::format_text(d));
        CHECK(d.rule == "XML-REF");
      }
      std::size_t n = 0, m = 0;
      model::for_each_kind([&]<class R>(std::type_identity<R>) {
        n += model::all_of<R>(mine).size();
        m += model::all_of<R>(back).size();
      });
      CHECK(m == n);
      // Written again, the records read back give the same bytes: no field is lost or changed.
      CHECK(ingest::write_records_file(back, c.id, c.year) == first);
    }
}

TEST_CASE("records writer: defaults are left out, other committees are named, text is escaped") {
  model::Records r;
  model::Member m;
  m.id = m.person = "p1";
  m.committee = "gz";
  m.name = "王<某>&“甲”";
  m.role = model::MemberRole::kStanding;
  r.members.push_back(m);
  model::WorkPointReport w;
  w.id = "w1";
  w.committee = "city";
  w.written = false;
  w.year = 2009;
  r.work_point_reports.push_back(w);
  const std::string xml = ingest::write_records_file(r, "gz", 2009);
  INFO(xml);
  CHECK(xml.find("<records version=\"1\" committee=\"gz\" year=\"2009\" xmlns=\"urn:wenshu:records:1\">") !=
        std::string::npos);
  CHECK(xml.find("<member id=\"p1\" name=\"王&lt;某&gt;&amp;“甲”\" role=\"常委\"/>") != std::string::npos);
  CHECK(xml.find("<work-point-report id=\"w1\" committee=\"city\" kind=\"年中\" year=\"2009\" written=\"false\"/>") !=
        std::string::npos);
}

TEST_CASE("records writer: a synthetic year reads back without a finding") {
  test::TempDir dir("synth-rw");
  ingest::SyntheticOptions o;
  o.records = 1200;
  o.records_per_file = 300;
  const auto year = ingest::write_synthetic_year(dir.path(), o);
  core::DiagnosticSink sink;
  ingest::RecordsReadStats st;
  ingest::read_records({dir.path()}, sink, {}, &st);
  INFO(dump(sink));
  CHECK(sink.items().empty());
  CHECK(st.records == year.records);
}
