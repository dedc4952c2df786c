// layout_catalogue: a register's volumes (cover, table) on A4 landscape pages (see catalogue.h).
// The table is the 公文 table setter's (table.cc) and the pagination the 公文 paginator's
// (paginate.cc), on a profile turned landscape; only the cover and the page numbers are set here.
#include "layout/catalogue.h"

#include <fmt/format.h>

#include "layout/composer.h"

namespace wenshu::layout {
namespace {

// The cover (DA/T 22-2015 Annex B fig. B2, docs/archive.md §1.8): the heading in 黑体
// on the upper third, the fields in 仿宋 三号 below it, left-aligned in a block.
const Sp kHeadingSize = core::pt(36), kHeadingBaseline = core::mm(70);
const Sp kFieldSize = core::pt(16), kFieldsLeft = core::mm(95), kFieldsWidth = core::mm(150);
const Sp kFirstFieldBaseline = core::mm(105), kFieldStep = core::mm(13);
// "— N —" centred, 10 mm below the type area.
const Sp kNumberSize = core::pt(12), kNumberBaseline = core::mm(200);

LayoutProfile make_catalogue_profile() {
  LayoutProfile p = default_profile();
  p.name = "catalogue-a4-landscape";
  p.paper_width = core::mm(297);
  p.paper_height = core::mm(210);
  p.margin_binding = core::mm(25);
  p.margin_top = core::mm(20);
  p.type_width = core::mm(250);
  p.type_height = core::mm(170);
  p.mirror_margins = false;
  p.table_size = core::pt(10.5);  // 五号, as printed catalogues are
  p.table_pitch = core::pt(14);
  p.table_padding = core::mm(1.5);
  p.table_rule = core::mm(0.25);
  return p;
}

/// A style of `role` at `size` set solid (one em per full-width character), unindented.
ParagraphStyle solid(const Composer& c, const std::string& role, Sp size, Align align) {
  ParagraphStyle s = c.style(role, size);
  s.cell = size;
  s.align = align;
  s.avoid_orphans = false;
  return s;
}

/// Glyph runs of `lines` on `page`, the first baseline at `baseline`, then one `pitch` apart.
void put_lines(model::Page& page, const std::vector<LineBox>& lines, Sp x, Sp baseline, Sp pitch) {
  for (const auto& line : lines) {
    for (auto& run : to_glyph_runs(line, x, baseline)) page.items.emplace_back(std::move(run));
    baseline += pitch;
  }
}

model::Page blank_page(const LayoutProfile& p) { return model::Page{p.paper_width, p.paper_height, {}, 0}; }

/// The cover of one volume.
model::Page cover_page(Composer& c, const model::CatalogueVolume& volume) {
  model::Page page = blank_page(c.p);
  const core::SourceLocation at{volume.table.location.file, 0, 0};
  put_lines(page,
            set_paragraph(volume.heading, at, solid(c, c.p.roles.label, kHeadingSize, Align::kCenter), c.p.paper_width,
                          c.fonts, c.sink),
            Sp(), kHeadingBaseline, kHeadingSize * 3 / 2);
  Sp baseline = kFirstFieldBaseline;
  for (const auto& [label, value] : volume.fields) {
    const auto lines = set_paragraph(label + "：" + value, at, solid(c, c.p.roles.body, kFieldSize, Align::kLeft),
                                     kFieldsWidth, c.fonts, c.sink);
    put_lines(page, lines, kFieldsLeft, baseline, kFieldSize * 3 / 2);
    baseline += kFieldStep + kFieldSize * 3 / 2 * static_cast<std::int64_t>(lines.size() > 1 ? lines.size() - 1 : 0);
  }
  return page;
}

/// The pages of one volume's table: the 公文 table rows paginated in the type area.
void table_pages(Composer& c, const model::Table& table, std::vector<model::Page>& pages) {
  if (static_cast<int>(table.rows.size()) <= table.header_rows) return;  // nothing listed: the cover alone
  std::vector<FlowRow> rows;
  append_table(c, rows, table);
  const TypeArea area = type_area(c.p, 1);
  const FlowFrame frame{area.top, area.bottom(), area.top, area.bottom(), c.p.table_pitch, c.p.table_pitch};
  for (const FlowPage& flow : paginate(rows, frame)) {
    model::Page page = blank_page(c.p);
    for (const PlacedRow& placed : flow.rows) {
      const FlowRow& row = rows[placed.row];
      const Sp dy = placed_item_dy(row, placed);
      for (model::Item item : row.items) {
        translate_item(item, area.left, dy);
        page.items.push_back(std::move(item));
      }
    }
    pages.push_back(std::move(page));
  }
}

/// "— N —" centred below the type area of every page, counting every page.
void number_pages(Composer& c, std::vector<model::Page>& pages) {
  const ParagraphStyle style = solid(c, c.p.roles.page_number, kNumberSize, Align::kCenter);
  for (std::size_t k = 0; k < pages.size(); ++k) {
    pages[k].number = static_cast<int>(k + 1);
    put_lines(pages[k], set_paragraph(fmt::format("— {} —", k + 1), {}, style, c.p.paper_width, c.fonts, c.sink), Sp(),
              kNumberBaseline, kNumberSize);
  }
}

}  // namespace

const LayoutProfile& catalogue_profile() {
  static const LayoutProfile profile = make_catalogue_profile();
  return profile;
}

model::PagedDocument layout_catalogue(const model::CatalogueDocument& doc, core::DiagnosticSink& sink) {
  model::PagedDocument out;
  out.info = doc.info;
  const model::Document none;  // the composer's 公文: nothing of it is set here
  DocumentFonts fonts(out.fonts);
  Composer c{none, catalogue_profile(), sink, fonts};
  for (const auto& volume : doc.volumes) {
    out.pages.push_back(cover_page(c, volume));
    table_pages(c, volume.table, out.pages);
  }
  if (out.pages.empty()) out.pages.push_back(blank_page(c.p));  // a PDF has at least one page
  number_pages(c, out.pages);
  return out;
}

}  // namespace wenshu::layout
