// 归档文件目录.pdf: A4 landscape (archive.md §1.8 "A4, landscape recommended", DA/T 22-2015
// Annex B figs. B1/B2). Each 保管期限 is one volume: a cover page, then the table with the
// columns of §1.8 in order, the header row repeated on every page, long 题名 wrapped inside
// their cell by the same paragraph setter the 公文 use (ICU breaking + kinsoku).
#include "archive/catalogue_pdf.h"

#include <array>
#include <stdexcept>

#include <fmt/format.h>

#include "archive/profile.h"
#include "core/date.h"
#include "layout/fonts.h"
#include "layout/paragraph.h"
#include "pdf/writer.h"

namespace wenshu::archive {
namespace {

using core::Sp;

// Page geometry (A4 landscape) and sizes. 五号 (10.5 pt) table text as printed catalogues use.
const Sp kPaperW = core::mm(297), kPaperH = core::mm(210);
const Sp kLeft = core::mm(25), kTop = core::mm(20), kWidth = core::mm(250), kBottom = core::mm(190);
const Sp kCellSize = core::pt(10.5), kCellPitch = core::pt(14), kPad = core::mm(1.5);

struct Column {
  const char* head;
  int weight;  ///< relative width
  layout::Align align;
};
// archive.md §1.8: 序号, 档号, 文号, 责任者, 题名, 日期, 密级, 页数, 备注.
const std::array<Column, 9> kColumns{{{"序号", 6, layout::Align::kCenter},
                                      {"档号", 28, layout::Align::kLeft},
                                      {"文号", 15, layout::Align::kLeft},
                                      {"责任者", 14, layout::Align::kLeft},
                                      {"题名", 33, layout::Align::kLeft},
                                      {"日期", 12, layout::Align::kCenter},
                                      {"密级", 6, layout::Align::kCenter},
                                      {"页数", 6, layout::Align::kCenter},
                                      {"备注", 8, layout::Align::kLeft}}};

class Setter {
 public:
  Setter(model::PagedDocument& doc, core::DiagnosticSink& sink) : doc_(doc), fonts_(doc.fonts), sink_(sink) {
    int total = 0;
    for (const auto& c : kColumns) total += c.weight;
    int acc = 0;
    edges_[0] = kLeft;
    for (std::size_t k = 0; k < kColumns.size(); ++k) {
      acc += kColumns[k].weight;
      edges_[k + 1] = kLeft + Sp(kWidth.v * acc / total);
    }
  }

  /// The cover of one volume (DA/T 22 fig. B2).
  void cover(const DossierInfo& info, const std::string& retention, const std::string& classes) {
    new_page();
    centred("归档文件目录", "hei", core::pt(36), core::mm(70));
    const std::array<std::pair<const char*, std::string>, 5> fields{{
        {"全宗号", info.fonds_code},
        {"全宗名称", info.fonds_name},
        {"年　　度", fmt::format("{:04d}", info.year)},
        {"保管期限", retention_name(retention)},
        {"机构（问题）", classes.empty() ? "—" : classes},
    }};
    Sp y = core::mm(105);
    for (const auto& [label, value] : fields) {
      text_at(std::string(label) + "：" + value, "fang", core::pt(16), kLeft + core::mm(70), core::mm(150), y);
      y += core::mm(13);
    }
  }

  /// The table of one volume, rows from `first` to `last` (exclusive), serials from `serial`.
  void table(const std::vector<FiledItem>& items, std::size_t first, std::size_t last, int& serial) {
    new_page();
    Sp y = kTop;
    y = row(header_cells(), "hei", y);
    for (std::size_t i = first; i < last; ++i) {
      const auto& it = items[i];
      std::array<std::string, 9> cells{std::to_string(++serial), it.archival_code, it.doc.doc_number, it.doc.author,
                                       it.doc.title,
                                       core::is_valid(it.doc.date) ? core::format_date_compact(it.doc.date) : "",
                                       it.doc.secrecy, std::to_string(it.page_count()), it.doc.note};
      auto set = set_cells(cells, "fang");
      const Sp h = height_of(set);
      if (y + h > kBottom) {  // the header row repeats on the next page; rows never split
        new_page();
        y = row(header_cells(), "hei", kTop);
      }
      y = place(set, y, h);
    }
  }

  /// Page numbers "— N —" centred below the type area, counting every page of the file.
  void number_pages() {
    for (std::size_t k = 0; k < doc_.pages.size(); ++k) {
      auto& page = doc_.pages[k];
      page.number = static_cast<int>(k + 1);
      const std::string s = fmt::format("— {} —", k + 1);
      layout::ParagraphStyle st = style("song", core::pt(12));
      const Sp w = layout::measure_text(s, st, fonts_, sink_);
      for (auto& run : layout::to_glyph_runs(line_of(s, st, kPaperW), (kPaperW - w) / 2, core::mm(200)))
        page.items.emplace_back(std::move(run));
    }
  }

 private:
  using Cells = std::array<std::vector<layout::LineBox>, 9>;

  static std::array<std::string, 9> header_cells() {
    std::array<std::string, 9> h;
    for (std::size_t k = 0; k < kColumns.size(); ++k) h[k] = kColumns[k].head;
    return h;
  }

  static layout::ParagraphStyle style(const std::string& role, Sp size) {
    layout::ParagraphStyle st;
    st.font_role = role;
    st.size = size;
    st.cell = size;  // no grid here: one em per full-width character
    st.first_indent_cells = 0;
    st.align = layout::Align::kLeft;
    st.avoid_orphans = false;
    return st;
  }

  layout::LineBox line_of(const std::string& s, const layout::ParagraphStyle& st, Sp available) {
    auto lines = layout::set_paragraph(s, {"归档文件目录.pdf", 0, 0}, st, available, fonts_, sink_);
    return lines.empty() ? layout::LineBox{} : lines.front();
  }

  Cells set_cells(const std::array<std::string, 9>& text, const std::string& role) {
    Cells out;
    for (std::size_t k = 0; k < kColumns.size(); ++k) {
      if (text[k].empty()) continue;
      auto st = style(role, kCellSize);
      st.align = kColumns[k].align;
      out[k] = layout::set_paragraph(text[k], {"归档文件目录.pdf", 0, 0}, st, edges_[k + 1] - edges_[k] - kPad * 2,
                                     fonts_, sink_);
    }
    return out;
  }

  static Sp height_of(const Cells& cells) {
    std::size_t n = 1;
    for (const auto& c : cells) n = std::max(n, c.size());
    return kCellPitch * static_cast<std::int64_t>(n) + kPad * 2;
  }

  Sp row(const std::array<std::string, 9>& text, const std::string& role, Sp y) {
    auto set = set_cells(text, role);
    return place(set, y, height_of(set));
  }

  /// Draws one row of cells with its borders at `y`; returns the y below it.
  Sp place(const Cells& cells, Sp y, Sp h) {
    auto& items = doc_.pages.back().items;
    const Sp thin = core::mm(0.25);
    items.emplace_back(model::Line{edges_.front(), y, edges_.back(), y, thin, model::Color::black()});
    items.emplace_back(model::Line{edges_.front(), y + h, edges_.back(), y + h, thin, model::Color::black()});
    for (const Sp x : edges_) items.emplace_back(model::Line{x, y, x, y + h, thin, model::Color::black()});
    for (std::size_t k = 0; k < kColumns.size(); ++k) {
      Sp baseline = y + kPad + kCellSize * 88 / 100 + (kCellPitch - kCellSize) / 2;
      for (const auto& line : cells[k]) {
        for (auto& run : layout::to_glyph_runs(line, edges_[k] + kPad, baseline)) items.emplace_back(std::move(run));
        baseline += kCellPitch;
      }
    }
    return y + h;
  }

  void centred(const std::string& s, const std::string& role, Sp size, Sp baseline) {
    auto st = style(role, size);
    const Sp w = layout::measure_text(s, st, fonts_, sink_);
    for (auto& run : layout::to_glyph_runs(line_of(s, st, kPaperW), (kPaperW - w) / 2, baseline))
      doc_.pages.back().items.emplace_back(std::move(run));
  }

  void text_at(const std::string& s, const std::string& role, Sp size, Sp x, Sp width, Sp baseline) {
    auto st = style(role, size);
    for (const auto& line : layout::set_paragraph(s, {"归档文件目录.pdf", 0, 0}, st, width, fonts_, sink_)) {
      for (auto& run : layout::to_glyph_runs(line, x, baseline)) doc_.pages.back().items.emplace_back(std::move(run));
      baseline += size * 3 / 2;
    }
  }

  void new_page() {
    model::Page p;
    p.width = kPaperW;
    p.height = kPaperH;
    doc_.pages.push_back(std::move(p));
  }

  model::PagedDocument& doc_;
  layout::DocumentFonts fonts_;
  core::DiagnosticSink& sink_;
  std::array<Sp, kColumns.size() + 1> edges_{};
};

}  // namespace

std::string catalogue_pdf(const std::vector<FiledItem>& items, const DossierInfo& info) {
  model::PagedDocument doc;
  doc.info.title = "归档文件目录";
  doc.info.author = info.fonds_name;
  doc.info.subject = fmt::format("{} {} 年度", info.fonds_code, info.year);
  if (core::is_valid(info.filing_date)) doc.info.date = core::format_date(info.filing_date);
  core::DiagnosticSink sink;
  {
    Setter set(doc, sink);
    int serial = 0;
    // One volume per 保管期限 (items arrive grouped, as in 归档文件目录.xml).
    for (std::size_t i = 0; i < items.size();) {
      const CatalogueVolume volume = catalogue_volume(items, i);
      set.cover(info, items[i].retention, volume.classes);
      set.table(items, i, volume.end, serial);
      i = volume.end;
    }
    if (doc.pages.empty()) set.cover(info, "", "");
    set.number_pages();
  }
  std::string bytes = pdf::write_pdf(doc, sink);
  if (bytes.empty() || sink.has_errors())
    throw std::runtime_error("归档文件目录.pdf 无法生成 / cannot set the catalogue PDF: " +
                             (sink.items().empty() ? std::string("PDF writer failed") : sink.items().front().message));
  return bytes;
}

}  // namespace wenshu::archive
