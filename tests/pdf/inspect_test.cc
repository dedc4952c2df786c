// PDF inspection against hostile and foreign input: truncated, garbage, encrypted (qpdf),
// scripts and actions, reference cycles. It must never crash and must say what it found.
#include <catch2/catch.hpp>

#include "core/file_io.h"
#include "pdf/inspect.h"
#include "pdf/pdf_fixture.h"
#include "pdf/writer.h"
#include "support/test_support.h"

using namespace wenshu;

namespace {

std::string notice_bytes() {
  core::DiagnosticSink sink;
  std::string b = pdf::write_pdf(test::sample_notice(), sink);
  REQUIRE_FALSE(sink.has_errors());
  return b;
}

using test::has_rule;

/// A minimal hand-written PDF with the given catalog extras and page dictionary extras (the
/// xref offsets are computed, so qpdf-style parsers accept it).
std::string tiny_pdf(const std::string& catalog_extra, const std::string& page_extra, const std::string& more = {}) {
  std::vector<std::string> objs = {
      "<< /Type /Catalog /Pages 2 0 R " + catalog_extra + " >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] " + page_extra + " >>",
  };
  if (!more.empty()) objs.push_back(more);
  std::string s = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offs;
  for (std::size_t i = 0; i < objs.size(); ++i) {
    offs.push_back(s.size());
    s += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  const std::size_t xref = s.size();
  s += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (auto o : offs) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", o);
    s += buf;
  }
  s += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
       std::to_string(xref) + "\n%%EOF\n";
  return s;
}

}  // namespace

TEST_CASE("inspect: garbage and empty input are PDF-READ errors", "[inspect]") {
  for (const std::string& bad : {std::string(), std::string("hello world"), std::string(5000, '\xff'),
                                std::string("%PDF-1.7\n") + std::string(3000, 'x')}) {
    core::DiagnosticSink sink;
    const auto info = pdf::inspect_pdf(bad, "bad.pdf", sink);
    CHECK_FALSE(info.readable);
    CHECK(has_rule(sink, "PDF-READ"));
    CHECK(sink.items().at(0).location.file == "bad.pdf");
  }
}

TEST_CASE("inspect: every truncation of a real PDF is handled", "[inspect]") {
  const std::string full = notice_bytes();
  // Cut at many points (header, inside streams, inside the xref, before %%EOF).
  for (std::size_t cut = 0; cut < full.size(); cut += std::max<std::size_t>(1, full.size() / 97)) {
    core::DiagnosticSink sink;
    const auto info = pdf::inspect_pdf(std::string_view(full).substr(0, cut), "cut.pdf", sink);
    // PoDoFo may recover some truncated files by reconstructing the xref; then the facts must
    // still be sane. Otherwise an error says why.
    if (info.readable) {
      CHECK(info.page_count <= 1);
    } else {
      CHECK(sink.has_errors());
    }
  }
}

TEST_CASE("inspect: bytes flipped inside a real PDF never crash", "[inspect]") {
  const std::string full = notice_bytes();
  std::uint32_t state = 12345;  // fixed-seed LCG: same mutations every run
  for (int round = 0; round < 60; ++round) {
    std::string bytes = full;
    for (int k = 0; k < 20; ++k) {
      state = state * 1103515245u + 12345u;
      bytes[(state >> 8) % bytes.size()] = static_cast<char>(state >> 24);
    }
    core::DiagnosticSink sink;
    const auto info = pdf::inspect_pdf(bytes, "flip.pdf", sink);
    CHECK((info.readable || sink.has_errors()));
  }
}

TEST_CASE("inspect: a qpdf-encrypted PDF is reported as encrypted", "[inspect][tools]") {
  test::TempDir dir("pdfenc");
  const auto plain = dir.path() / "plain.pdf";
  core::write_file_atomic(plain, notice_bytes());
  int rc = 0;
  for (const std::string user : {"", "secret"}) {
    const auto enc = dir.path() / ("enc" + user + ".pdf");
    test::run_command("qpdf --encrypt '" + user + "' owner 256 -- '" + plain.string() + "' '" + enc.string() + "' 2>&1",
                      rc);
    REQUIRE(rc == 0);
    core::DiagnosticSink sink;
    const auto info = pdf::inspect_pdf_file(enc, sink);
    INFO("user password: '" << user << "'");
    CHECK(info.encrypted);
    if (!info.readable) CHECK(sink.has_errors());
  }
}

TEST_CASE("inspect: JavaScript, OpenAction, AA and Launch are found", "[inspect]") {
  {
    core::DiagnosticSink sink;
    const auto info = pdf::inspect_pdf(tiny_pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>", ""), "js.pdf", sink);
    REQUIRE(info.readable);
    CHECK(info.has_javascript);
    CHECK(info.has_actions);
    CHECK(std::find(info.action_kinds.begin(), info.action_kinds.end(), "OpenAction") != info.action_kinds.end());
  }
  {
    core::DiagnosticSink sink;
    const auto info =
        pdf::inspect_pdf(tiny_pdf("", "/AA << /O 4 0 R >>", "<< /Type /Action /S /Launch /F (calc.exe) >>"), "aa.pdf", sink);
    REQUIRE(info.readable);
    CHECK_FALSE(info.has_javascript);
    CHECK(info.has_actions);
    CHECK(info.action_kinds == std::vector<std::string>{"AA", "Launch"});
  }
  {
    core::DiagnosticSink sink;
    const auto info = pdf::inspect_pdf(tiny_pdf("/Names << /JavaScript 4 0 R >>", "", "<< /Names [] >>"), "nt.pdf", sink);
    REQUIRE(info.readable);
    CHECK(info.has_javascript);
  }
  {
    // A plain page: nothing found; no fonts; page size read from the MediaBox.
    core::DiagnosticSink sink;
    const auto info = pdf::inspect_pdf(tiny_pdf("", ""), "plain.pdf", sink);
    REQUIRE(info.readable);
    CHECK_FALSE(info.has_actions);
    CHECK(info.page_count == 1);
    CHECK(std::llabs(info.pages[0].width.v - core::pt(595.276).v) < 10);
    CHECK(info.fonts.empty());
    CHECK_FALSE(info.has_xmp);
  }
}

TEST_CASE("inspect: a page tree with a cycle is reported, not followed forever", "[inspect]") {
  // Kids of the page tree point back at the tree itself.
  std::string pdf = tiny_pdf("", "");
  const std::string from = "/Kids [3 0 R]";
  pdf.replace(pdf.find(from), from.size(), "/Kids [2 0 R]");
  core::DiagnosticSink sink;
  const auto info = pdf::inspect_pdf(pdf, "cycle.pdf", sink);
  CHECK_FALSE(info.readable);
  CHECK(has_rule(sink, "PDF-PAGES"));
}

TEST_CASE("inspect: a non-embedded font is seen as such", "[inspect]") {
  const std::string pdf = tiny_pdf("", "/Resources << /Font << /F1 4 0 R >> >>",
                                   "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  core::DiagnosticSink sink;
  const auto info = pdf::inspect_pdf(pdf, "font.pdf", sink);
  REQUIRE(info.readable);
  REQUIRE(info.fonts.size() == 1);
  CHECK(info.fonts[0].base_font == "Helvetica");
  CHECK_FALSE(info.fonts[0].embedded);
  CHECK_FALSE(info.fonts[0].subset);
  CHECK_FALSE(info.all_fonts_embedded_with_unicode());
}

TEST_CASE("inspect_pdf_file: a missing file is PDF-READ", "[inspect]") {
  core::DiagnosticSink sink;
  const auto info = pdf::inspect_pdf_file("/nonexistent/x.pdf", sink);
  CHECK_FALSE(info.readable);
  CHECK(has_rule(sink, "PDF-READ"));
}
