// One layout, two writers: every sample document rendered as PDF and as OFD gives the same text,
// character for character, with every glyph at the same place within 0.01 mm (the PDF read by
// our test interpreter of its content streams, cross-checked against poppler's pdftotext -bbox;
// the OFD by the OFD reader). Condensed red heads, the rotated 草稿 watermark and a landscape
// table page are among them.
#include <catch2/catch.hpp>

#include <cmath>
#include <regex>

#include <map>

#include "core/file_io.h"
#include "job/render_records.h"
#include "ofd/ofd_support.h"
#include "ofd/pdf_glyphs.h"
#include "pdf/pdf_fixture.h"
#include "pdf/writer.h"
#include "support/test_support.h"

namespace wenshu {

namespace {
const char* const kSamples[] = {"seed-corrected.xml", "seed-as-written.xml", "letter-hanxun.xml",
                                "minutes-changwei-2013-05.xml", "notice-table-attachment.xml", "report-zhuanti-2013.xml"};
}

TEST_CASE("every sample document: PDF and OFD text identical, glyphs within 0.01 mm", "[ofd][agreement]") {
  for (const char* name : kSamples) {
    INFO(name);
    std::size_t chars = 0;
    CHECK(test::compare_renditions(test::layout_sample(name), &chars) == "");
    CHECK(chars > 100);
  }
  INFO("seed-corrected.xml as a draft (rotated 草稿 watermark)");
  CHECK(test::compare_renditions(test::layout_sample("seed-corrected.xml", true)) == "");
}

TEST_CASE("generated documents of every kind: render --as both gives agreeing PDF and OFD", "[ofd][agreement]") {
  // The sample committee 甘州区 calls for every document kind; the whole sample tree is read
  // because its records name city members. Rendered by the records job as `render --as both`
  // does, each kind's first document is compared.
  test::TempDir dir("ofdkinds");
  job::RenderRecordsOptions o;
  o.output_dir = dir.path();
  o.force = true;
  o.as = {true, true};
  o.committees = {"ganzhou"};
  core::DiagnosticSink sink;
  const auto run = job::render_records_files({test::source_dir() / "samples" / "records"}, std::nullopt, o, sink);
  std::map<std::string, std::filesystem::path> first_of_kind;
  for (const auto& d : run.documents)
    if (d.written && !first_of_kind.count(d.kind)) first_of_kind[d.kind] = d.output;
  CHECK(first_of_kind.size() >= 19);
  for (const auto& [kind, pdf_path] : first_of_kind) {
    INFO(kind << ": " << pdf_path.filename().string());
    std::filesystem::path ofd_path = pdf_path;
    ofd_path.replace_extension(".ofd");
    REQUIRE(std::filesystem::exists(ofd_path));
    std::size_t chars = 0;
    CHECK(test::compare_rendition_bytes(test::read_file(pdf_path), test::read_file(ofd_path), &chars) == "");
    CHECK(chars > 20);
  }
}

TEST_CASE("the PDF side of the agreement test agrees with poppler (pdftotext -bbox)", "[ofd][agreement]") {
  // Every word pdftotext finds starts at one of our glyph origins (xMin) on its page, to 0.01 mm:
  // the test's own PDF interpreter reads positions as poppler does.
  const model::PagedDocument paged = test::layout_sample("letter-hanxun.xml");
  core::DiagnosticSink sink;
  const std::string pdf = pdf::write_pdf(paged, sink);
  test::TempDir dir("ofdpop");
  const auto path = dir.path() / "x.pdf";
  core::write_file_atomic(path, pdf);
  int rc = 0;
  const std::string html = test::run_command("pdftotext -bbox " + path.string() + " - 2>/dev/null", rc);
  REQUIRE(rc == 0);
  std::string error;
  const auto pages = test::pdf_glyphs(pdf, error);
  const std::regex tokens("<page |<word xMin=\"([0-9.]+)\"");
  std::size_t page = 0, words = 0;
  for (std::sregex_iterator it(html.begin(), html.end(), tokens), end; it != end; ++it) {
    if (it->str().rfind("<page", 0) == 0) {
      ++page;
      continue;
    }
    const double x = std::stod((*it)[1]) * 25.4 / 72.0;
    bool found = false;
    for (const auto& g : pages.at(page - 1)) found |= std::abs(g.x - x) <= 0.01;
    CHECK(found);
    ++words;
  }
  CHECK(page == paged.pages.size());
  CHECK(words > 20);
}

}  // namespace wenshu
