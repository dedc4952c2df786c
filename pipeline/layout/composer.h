// Internal to the page composer: the state shared by the element builders (版头, 主体 flow,
// signature, attachments, 版记, formats) and the helpers that turn set lines into flow rows.
#pragma once
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "layout/flow.h"
#include "layout/fonts.h"
#include "layout/geometry.h"
#include "layout/layout_profile.h"
#include "layout/paragraph.h"
#include "model/document.h"
#include "model/page.h"

namespace wenshu::layout {

/// Everything a builder needs: the document, the geometry, the fonts and the sink.
struct Composer {
  const model::Document& doc;
  const LayoutProfile& p;
  core::DiagnosticSink& sink;
  DocumentFonts& fonts;
  int next_group = 0;   ///< paragraph ids for widow control
  int next_table = 0;
  bool recipients_in_imprint = false;  ///< 7.3.2: 主送 moved to the 版记 (page 1 rule)
  Sp mark_size;                        ///< the red head's nominal size in this attempt
  bool headless = false;               ///< no 版头 (HeaderBlock::headless): no blank lines above the title
  bool landscape_flow = false;         ///< rows being built go on landscape pages (gbt9704.md A7)

  /// The width rows are set across: the type-area width, or its height on a landscape page.
  Sp flow_width() const { return landscape_flow ? p.type_height : p.type_width; }

  /// A paragraph style of `role` at `size` on the body grid (cell = profile cell for body
  /// sizes, solid em otherwise), no indent, justified.
  ParagraphStyle style(const std::string& role, Sp size) const;
  /// Pushes a LAYOUT-… diagnostic located at `where`.
  void diag(core::Severity severity, const std::string& rule, const core::SourceLocation& where,
            const std::string& message) const;
};

/// Glyph runs of one set line placed with its em box centred in a box of `pitch` whose top
/// is y = 0 and whose available width starts at `x` (relative to the type-area left).
std::vector<model::Item> line_items(const Composer& c, const LineBox& line, Sp x, Sp pitch,
                                    const model::Color& color = model::Color::black());

/// Appends the lines of a set paragraph as flow rows of `pitch` (one paragraph group).
void append_lines(Composer& c, std::vector<FlowRow>& rows, const std::vector<LineBox>& lines, Sp x, Sp pitch,
                  RowKind kind, bool body, const model::Color& color = model::Color::black());

/// A blank line of the body grid (空一行).
FlowRow blank_row(const Composer& c, bool discard_at_top = true);

/// Sets `text` as one unjustified line (it still wraps if wider than `available`).
std::vector<LineBox> set_single(Composer& c, const std::vector<TextSpan>& spans, const ParagraphStyle& style,
                                Sp available);

/// Lines of `label` followed by `content`, wrapped content lines aligned with the first content
/// character (7.3.4 附件说明, 7.4.2 抄送, 10.3 出席): the label is set alone at `x`, the content
/// as a paragraph in the remaining width, `gap` after the label. Items per line, x from the
/// type-area left, y from the line box top.
std::vector<std::vector<model::Item>> labelled_lines(Composer& c, const std::vector<TextSpan>& label,
                                                     const std::vector<TextSpan>& content, const ParagraphStyle& style,
                                                     Sp x, Sp available, Sp pitch, Sp gap = {});
/// The same as flow rows (one paragraph group).
void append_labelled(Composer& c, std::vector<FlowRow>& rows, const std::vector<TextSpan>& label,
                     const std::vector<TextSpan>& content, const ParagraphStyle& style, Sp x, Sp available,
                     bool body, Sp gap = {});

/// The 主体 flow: title, 主送, body, 附件说明, signature, 附注, attendance (纪要) — not the
/// attachments. Builders in body_flow.cc, signature_block.cc and formats.cc.
void build_main_flow(Composer& c, std::vector<FlowRow>& rows);
/// Appends the blocks of a body (paragraphs, headings, tables, charts) as rows.
void append_blocks(Composer& c, std::vector<FlowRow>& rows, const std::vector<model::Block>& blocks);
/// The 署名 / 成文日期 block (7.3.5) or, for 命令, signer title + name + date (7.3.5.3).
void append_signature(Composer& c, std::vector<FlowRow>& rows);
/// The 出席 / 请假 / 列席 blocks of 纪要 (10.3).
void append_attendance(Composer& c, std::vector<FlowRow>& rows);
/// Attachments (7.3.7): each from a new page.
void append_attachments(Composer& c, std::vector<FlowRow>& rows);
/// A table (§8) as rows; header rows flagged for repetition.
void append_table(Composer& c, std::vector<FlowRow>& rows, const model::Table& table);

/// The 版头 of page 1 (7.2, or 10.1–10.3 for the special formats).
struct HeaderBlock {
  std::vector<model::Item> items;   ///< page coordinates of page 1
  Sp flow_top;                      ///< where the 主体 flow starts on page 1
  Sp flow_bottom;                   ///< where it must end on page 1
  bool headless = false;            ///< a form without 版头: the title opens the type area
};
HeaderBlock build_header(Composer& c);

/// The red head (7.2.4) with its em-box top at `em_top`: `lines` stacked names (joint issue,
/// `suffix` such as 文件 on the right, vertically centred) or one line; red, condensed to
/// the profile's maximum width. Appends items in page coordinates; returns the bottom y.
Sp add_mark(Composer& c, const TypeArea& area, Sp em_top, const std::vector<model::Text>& lines,
            const std::string& suffix, std::vector<model::Item>& out);
/// 份号 / 密级 / 紧急程度 in that order, one per line box of `pitch` from `top`, flush left at
/// `x` (7.2.1–7.2.3). Returns the bottom of the last line box (= top when there is none).
Sp add_header_fields(Composer& c, Sp x, Sp top, std::vector<model::Item>& out);
/// Items of one line of `spans` set in `style`, placed with its left end at page x and its
/// em box centred in the box [top, top + pitch). `width` receives the set width.
std::vector<model::Item> placed_line(Composer& c, const std::vector<TextSpan>& spans, const ParagraphStyle& style,
                                     Sp x, Sp top, Sp pitch, const model::Color& color, Sp* width = nullptr);
/// Width of one line of `spans` in `style`.
Sp spans_width(Composer& c, const std::vector<TextSpan>& spans, const ParagraphStyle& style);
/// 版头 of the special formats (10.1 信函, 10.2 命令); 纪要 (10.3) uses build_header.
HeaderBlock build_letter_header(Composer& c);
HeaderBlock build_order_header(Composer& c);

/// The 版记 (7.4) as items relative to the top of its block (x from the type-area left), and
/// its height. Empty when the document has no 版记 elements.
struct ImprintBlock {
  std::vector<model::Item> items;
  Sp height;
  bool empty() const { return items.empty(); }
};
ImprintBlock build_imprint(Composer& c);

/// Draws `— N —` on `page` (7.5).
void add_page_number(Composer& c, model::Page& page, int page_number);
/// Draws the 草稿 watermark on `page` (light gray, rotated) under everything else.
void add_draft_watermark(Composer& c, model::Page& page);

}  // namespace wenshu::layout
