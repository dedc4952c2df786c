// Helpers for the OFD tests (see ofd_support.h).
#include "ofd/ofd_support.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

#include "core/utf8.h"
#include "ingest/document_reader.h"
#include "layout/layout.h"
#include "layout/layout_profile.h"
#include "ofd/pdf_glyphs.h"
#include "ofd/reader.h"
#include "ofd/writer.h"
#include "pdf/writer.h"
#include "support/test_support.h"

namespace wenshu::test {

model::PagedDocument layout_sample(const std::string& name, bool draft) {
  core::DiagnosticSink sink;
  auto doc = ingest::read_document(source_dir() / "samples" / "documents" / name, sink);
  REQUIRE(doc);
  REQUIRE_FALSE(sink.has_errors());
  doc->draft = draft;
  model::PagedDocument paged = layout::layout_document(*doc, layout::default_profile(), sink);
  REQUIRE_FALSE(sink.has_errors());
  return paged;
}

namespace {

constexpr double kTolerance = 0.01;  // mm

/// The PDF's glyphs as characters: a glyph standing for several characters gives each of them
/// its position (as the OFD writer does); glyphs that continue a cluster carry none.
std::vector<ofd::TextChar> pdf_chars(const std::vector<PdfGlyph>& glyphs) {
  std::vector<ofd::TextChar> out;
  for (const auto& g : glyphs)
    for (char32_t cp : core::utf8_decode(g.text)) out.push_back({core::utf8_encode(std::u32string(1, cp)), g.x, g.y, 0});
  return out;
}

std::string compare_page(const std::vector<ofd::TextChar>& pdf, const std::vector<ofd::TextChar>& ofd) {
  std::ostringstream why;
  const std::size_t n = std::min(pdf.size(), ofd.size());
  for (std::size_t i = 0; i < n; ++i) {
    const double dx = std::abs(pdf[i].x - ofd[i].x), dy = std::abs(pdf[i].y - ofd[i].y);
    if (pdf[i].text != ofd[i].text || dx > kTolerance || dy > kTolerance) {
      why << "char " << i << ": PDF '" << pdf[i].text << "' at (" << pdf[i].x << ", " << pdf[i].y << "), OFD '"
          << ofd[i].text << "' at (" << ofd[i].x << ", " << ofd[i].y << ")";
      return why.str();
    }
  }
  if (pdf.size() != ofd.size()) why << "PDF has " << pdf.size() << " characters, OFD " << ofd.size();
  return why.str();
}

}  // namespace

std::string compare_renditions(const model::PagedDocument& doc, std::size_t* chars) {
  core::DiagnosticSink sink;
  const std::string pdf = pdf::write_pdf(doc, sink);
  const std::string ofd_bytes = ofd::write_ofd(doc, sink);
  if (sink.has_errors() || pdf.empty() || ofd_bytes.empty()) return "a writer reported errors";
  return compare_rendition_bytes(pdf, ofd_bytes, chars);
}

std::string compare_rendition_bytes(const std::string& pdf, const std::string& ofd_bytes, std::size_t* chars) {
  std::string error;
  const auto pdf_pages = pdf_glyphs(pdf, error);
  if (!error.empty() || pdf_pages.empty()) return "PDF not read back: " + error;
  core::DiagnosticSink sink;
  const ofd::OfdInfo info = ofd::read_ofd(ofd_bytes, "test.ofd", sink);
  if (!info.readable || sink.has_errors()) return "OFD not read back: " + (sink.items().empty() ? "" : sink.items().front().message);
  if (info.pages.size() != pdf_pages.size())
    return "PDF has " + std::to_string(pdf_pages.size()) + " pages, OFD " + std::to_string(info.pages.size());
  if (chars) *chars = 0;
  for (std::size_t p = 0; p < pdf_pages.size(); ++p) {
    const auto expected = pdf_chars(pdf_pages[p]);
    if (std::string why = compare_page(expected, info.pages[p].chars); !why.empty())
      return "page " + std::to_string(p + 1) + ": " + why;
    if (chars) *chars += expected.size();
  }
  return {};
}

std::vector<ofd::PackageEntry> minimal_package_parts() {
  const std::string ns = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
  return {
      {"OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:OFD " + ns +
                      " Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0123456789abcdef0123456789abcdef"
                      "</ofd:DocID><ofd:Title>测试</ofd:Title></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                      "</ofd:DocBody></ofd:OFD>\n"},
      {"Doc_0/Document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Document " + ns +
                                 "><ofd:CommonData><ofd:MaxUnitID>4</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297"
                                 "</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
                                 "<ofd:Pages><ofd:Page ID=\"2\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>\n"},
      {"Doc_0/PublicRes.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Res " + ns +
                                  " BaseLoc=\"Res\"><ofd:Fonts><ofd:Font ID=\"1\" FontName=\"SimSun\" FamilyName=\"宋体\"/>"
                                  "</ofd:Fonts></ofd:Res>\n"},
      {"Doc_0/Pages/Page_0/Content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Page " + ns +
                                             "><ofd:Content><ofd:Layer ID=\"3\"><ofd:TextObject ID=\"4\" Boundary=\"20 20 100 10\" "
                                             "Font=\"1\" Size=\"5\"><ofd:TextCode X=\"0\" Y=\"5\" DeltaX=\"g 3 5\">公文测试"
                                             "</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>\n"},
  };
}

std::string package_of(const std::vector<ofd::PackageEntry>& parts) { return ofd::write_package(parts, core::Date{2009, 9, 2}); }

}  // namespace wenshu::test
