// layout_document: 版头 → 主体 flow → pagination → 版记 on an even page → page numbers
// (GB/T 9704-2012 §7, §10; gbt9704.md A5–A8). Page 1 must show body text (7.3.3): if it does
// not, the 主送 moves to the 版记 (7.3.2), then the red head shrinks, before a warning.
#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "core/date.h"
#include "layout/composer.h"
#include "layout/layout.h"

namespace wenshu::layout {

void add_page_number(Composer& c, model::Page& page, int page_number) {
  ParagraphStyle s = c.style(c.p.roles.page_number, c.p.page_number_size);
  // 7.5: one 一字线 each side of half-width digits.
  const std::vector<TextSpan> spans{{fmt::format("— {} —", page_number), {}, ""}};
  const auto lines = set_single(c, spans, s, c.p.paper_width);
  if (lines.empty()) return;
  const auto at = place_page_number(c.p, page_number, lines.front().width);
  for (auto& run : to_glyph_runs(lines.front(), at.x, at.baseline)) page.items.emplace_back(std::move(run));
}

void add_draft_watermark(Composer& c, model::Page& page) {
  const Sp size = core::pt(120);
  const auto lines = set_single(c, {{"草稿", {}, ""}}, c.style(c.p.roles.label, size), c.p.paper_width * 2);
  if (lines.empty()) return;
  const Sp w = lines.front().width;
  // Rotated 45° counter-clockwise about the first glyph's origin; place that origin so that the
  // middle of the word's em box lands on the page centre. In y-down page coordinates the text
  // runs along (cos, −sin) and "up" is (−sin, −cos).
  constexpr std::int64_t kCos = 7071, kSin = 7071, kOne = 10000;
  const Sp half = w / 2;
  const Sp up = size * (c.p.em_ascent_permille - 500) / 1000;  // baseline to em middle
  const Sp cx = page.width / 2, cy = page.height / 2;
  const Sp ox = cx - Sp(half.v * kCos / kOne) + Sp(up.v * kSin / kOne);
  const Sp oy = cy + Sp(half.v * kSin / kOne) + Sp(up.v * kCos / kOne);
  std::vector<model::Item> items;
  for (auto& run : to_glyph_runs(lines.front(), Sp(), oy, model::Color::gray(850))) {
    run.rotation_deg = 45;
    // Glyph x along the rotated baseline: keep the offsets from the origin as set.
    for (auto& g : run.glyphs) g.x = ox + g.x;
    items.emplace_back(std::move(run));
  }
  page.items.insert(page.items.begin(), items.begin(), items.end());
  for (auto& t : page.transforms) t.first += items.size();  // ranges move with their items
}

namespace {

std::string join(const std::vector<model::Text>& texts, const char* sep) {
  std::string out;
  for (const auto& t : texts) {
    if (!out.empty()) out += sep;
    out += t.value;
  }
  return out;
}

struct Attempt {
  model::PagedDocument out;
  core::DiagnosticSink sink;
  bool page1_body = true;
};

void run_attempt(const model::Document& doc, const LayoutProfile& p, Attempt& a, bool recipients_in_imprint,
                 Sp mark_size) {
  DocumentFonts fonts(a.out.fonts);
  Composer c{doc, p, a.sink, fonts};
  c.recipients_in_imprint = recipients_in_imprint;
  c.mark_size = mark_size;

  const HeaderBlock header = build_header(c);
  c.headless = header.headless;
  std::vector<FlowRow> rows;
  build_main_flow(c, rows);
  append_attachments(c, rows);

  const TypeArea area = type_area(p, 1);
  const FlowFrame frame{header.flow_top, header.flow_bottom, area.top, area.bottom(), p.line_pitch(),
                        p.min_tightened_pitch, p.type_width};
  PaginateReport report;
  std::vector<FlowPage> flow = paginate(rows, frame, &report);

  // 7.3.3: page 1 must show body text.
  bool any_body = false;
  for (const auto& r : rows) any_body = any_body || r.body;
  if (any_body && !flow.empty()) {
    bool first = false;
    for (const auto& pr : flow.front().rows) first = first || rows[pr.row].body;
    a.page1_body = first;
  }
  if (report.stranded_signatures > 0)
    c.diag(core::Severity::kError, "LAYOUT-SIGNATURE", doc.date.text.location.file.empty() ? doc.location : doc.date.text.location,
           "发文机关署名和成文日期无法与正文排在同一页（前一行是不能拆分的整页表格或图表），不能单独成页（GB/T 9704-2012 "
           "7.3.5） / the signature block cannot share a page with the text before it");
  for (std::size_t k = 0; k < flow.size(); ++k)
    if (flow[k].tightened)
      c.diag(core::Severity::kInfo, "LAYOUT-TIGHTEN", doc.location,
             fmt::format("第{}页行距收紧，使发文机关署名和成文日期不单独成页（GB/T 9704-2012 7.3.5.5） / "
                         "line pitch of page {} tightened to keep the signature with the text",
                         k + 1, k + 1));

  // Pages of the flow.
  auto& pages = a.out.pages;
  for (std::size_t k = 0; k < flow.size(); ++k) {
    model::Page page{p.paper_width, p.paper_height, {}, 0};
    const TypeArea pa = type_area(p, static_cast<int>(k + 1));
    if (k == 0) page.items = header.items;
    const std::size_t first_item = page.items.size();
    const bool landscape = flow[k].landscape;
    for (const auto& pr : flow[k].rows) {
      const FlowRow& r = rows[pr.row];
      const Sp dy = placed_item_dy(r, pr);
      for (model::Item item : r.items) {
        translate_item(item, landscape ? Sp() : pa.left, dy);
        page.items.push_back(std::move(item));
      }
    }
    // gbt9704.md A7: a landscape page's flow is turned 90° counter-clockwise into the type
    // area (its top toward the binding-side left edge on odd and even pages alike); the
    // MediaBox stays A4 portrait and the page number is added later, unrotated.
    if (landscape && page.items.size() > first_item)
      page.transforms.push_back({first_item, page.items.size() - first_item, 1, pa.left, pa.bottom()});
    pages.push_back(std::move(page));
  }
  if (pages.empty()) {
    model::Page page{p.paper_width, p.paper_height, header.items, 0};
    pages.push_back(std::move(page));
    flow.push_back(FlowPage{{}, header.flow_top, header.flow_bottom, false});
  }

  // 7.4 / gbt9704.md A6: the 版记 at the bottom of an even page.
  std::vector<int> unnumbered;
  const ImprintBlock imprint = build_imprint(c);
  if (!imprint.empty()) {
    const int last = static_cast<int>(pages.size());
    const FlowPage& lf = flow.back();
    const bool fits = !lf.landscape && (lf.content_bottom() + p.line_pitch() + imprint.height <= lf.bottom ||
                                        (lf.rows.empty() && imprint.height <= lf.bottom - lf.top));
    const ImprintPlacement place = place_imprint(last, fits);
    while (static_cast<int>(pages.size()) < place.total_pages)
      pages.push_back(model::Page{p.paper_width, p.paper_height, {}, 0});
    const TypeArea ia = type_area(p, place.page);
    // The last rule lies on the type-area bottom (letters: above the bottom double rule).
    const Sp bottom = place.page == 1 ? header.flow_bottom : ia.bottom();
    for (model::Item item : imprint.items) {
      translate_item(item, ia.left, bottom - imprint.height);
      pages[place.page - 1].items.push_back(std::move(item));
    }
    unnumbered = place.unnumbered;
    if (imprint.height > ia.height)
      c.diag(core::Severity::kError, "LAYOUT-IMPRINT", doc.cc.location, "版记超过一页版心 / the 版记 is taller than a page");
  }

  // 7.5 page numbers; 10.1: no number on a letter's first page.
  for (std::size_t k = 0; k < pages.size(); ++k) {
    const int n = static_cast<int>(k + 1);
    const bool skip = std::find(unnumbered.begin(), unnumbered.end(), n) != unnumbered.end() ||
                      (doc.format == model::DocFormat::kLetter && n == 1);
    if (skip) continue;
    pages[k].number = n;
    add_page_number(c, pages[k], n);
  }
  if (doc.draft)
    for (auto& page : pages) add_draft_watermark(c, page);

  auto& info = a.out.info;
  info.title = doc.title.value;
  info.author = join(doc.issuers, "、");
  info.subject = doc.kind;
  if (doc.date.value) info.date = core::format_date(*doc.date.value);
  info.draft = doc.draft;
}

}  // namespace

model::PagedDocument layout_document(const model::Document& doc, const LayoutProfile& profile,
                                     core::DiagnosticSink& sink) {
  // Remedies for 7.3.3 in the order of gbt9704.md A8.1.
  struct Plan {
    bool recipients_in_imprint;
    Sp mark_size;
  };
  std::vector<Plan> plans{{false, profile.mark_size}};
  if (!doc.main_recipients.empty()) plans.push_back({true, profile.mark_size});
  plans.push_back({!doc.main_recipients.empty(), profile.mark_size * 2 / 3});
  std::unique_ptr<Attempt> best;
  std::size_t used = 0;
  for (std::size_t k = 0; k < plans.size(); ++k) {
    auto a = std::make_unique<Attempt>();
    run_attempt(doc, profile, *a, plans[k].recipients_in_imprint, plans[k].mark_size);
    const bool ok = a->page1_body;
    if (!best || ok) best = std::move(a), used = k;
    if (ok) break;
  }
  if (!best->page1_body) {
    best = std::make_unique<Attempt>();
    run_attempt(doc, profile, *best, false, profile.mark_size);
    core::Diagnostic d;
    d.severity = core::Severity::kWarning;
    d.rule = "LAYOUT-PAGE1";
    d.location = doc.title.location;
    d.record_id = doc.id;
    d.message = "首页未能显示正文（GB/T 9704-2012 7.3.3） / page 1 shows no body text";
    d.hints.push_back("缩短标题或主送机关 / shorten the title or the 主送 list");
    best->sink.push(std::move(d));
  } else if (used > 0) {
    core::Diagnostic d;
    d.severity = core::Severity::kInfo;
    d.rule = "LAYOUT-PAGE1";
    d.location = doc.main_recipients.empty() ? doc.location : doc.main_recipients.location;
    d.record_id = doc.id;
    d.message = plans[used].recipients_in_imprint && plans[used].mark_size == profile.mark_size
                    ? "为使首页显示正文，主送机关移至版记（GB/T 9704-2012 7.3.2） / 主送 moved to the 版记"
                    : "为使首页显示正文，缩小了发文机关标志 / red head reduced so that page 1 shows body text";
    best->sink.push(std::move(d));
  }
  sink.merge(std::move(best->sink));
  return std::move(best->out);
}

}  // namespace wenshu::layout
