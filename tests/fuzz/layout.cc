// Layout of a document model (layout/layout.h) built from the bytes: format, 版头, title, body
// blocks (paragraphs, headings, tables with spans, charts), attachments and 版记, their texts
// drawn from an alphabet that mixes CJK, the punctuation the line breaker treats specially
// (避头尾, 标点挤压), Latin, digits, spaces and characters the Fandol faces lack. Shapes the reader
// reports but still hands on (misaligned rows, wrong chart value counts) are built too.
#include <array>

#include "fuzz_target.h"
#include "layout/layout.h"
#include "layout/layout_profile.h"

namespace {

using wenshu::fuzz::ByteReader;
namespace model = wenshu::model;

constexpr const char* kAlphabet[] = {
    "中", "国", "共", "产", "党", "委", "员", "会", "年", "月", "日", "〇", "一", "二", "十", "关",
    "。", "，", "、", "：", "；", "！", "？", "“", "”", "《", "》", "（", "）", "—", "…", "·",
    "A", "z", "7", "0", " ", "\u3000", "-", ".", "\t", "\n", "\u0301", "\u200d", "\U00020000", "\U0001F600"};

std::string fuzz_text(ByteReader& in) {
  std::string out;
  const unsigned n = in.byte();
  const bool run = n >= 250;  // a long run of one character: line and page breaking at scale
  if (run) {
    const char* c = kAlphabet[in.below(std::size(kAlphabet))];
    for (unsigned i = 0; i < 400u * (n - 249); ++i) out += c;
    return out;
  }
  for (unsigned i = 0; i < n && !in.empty(); ++i) out += kAlphabet[in.below(std::size(kAlphabet))];
  return out;
}

model::Text text(ByteReader& in) { return model::Text{fuzz_text(in), {}, {}}; }

model::Table table(ByteReader& in) {
  model::Table t;
  t.caption = text(in);
  t.header_rows = static_cast<int>(in.below(3));
  t.landscape = in.below(4) == 0;
  const unsigned rows = in.below(6), columns = 1 + in.below(5);
  for (unsigned c = 0; c < columns && in.below(2); ++c) t.column_weights.push_back(static_cast<int>(in.below(5)));
  for (unsigned r = 0; r < rows; ++r) {
    std::vector<model::TableCell> row;
    const unsigned cells = in.below(2) ? columns : 1 + in.below(columns + 1);  // misaligned now and then
    for (unsigned c = 0; c < cells; ++c) {
      model::TableCell cell;
      cell.text = text(in);
      cell.colspan = 1 + static_cast<int>(in.below(3));
      cell.rowspan = 1 + static_cast<int>(in.below(3));
      cell.align = static_cast<model::TableCell::Align>(in.below(3));
      row.push_back(std::move(cell));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

model::Chart chart(ByteReader& in) {
  static constexpr std::array<const char*, 5> kinds = {"grid", "calendar", "line", "bar", "pie"};
  model::Chart ch;
  ch.kind = kinds[in.below(kinds.size())];
  ch.title = text(in);
  const unsigned rows = in.below(8), columns = in.below(14);
  for (unsigned c = 0; c < columns; ++c) ch.column_labels.push_back(fuzz_text(in));
  for (unsigned r = 0; r < rows; ++r) {
    ch.row_labels.push_back(fuzz_text(in));
    std::vector<double> values;
    const unsigned count = in.below(4) == 0 ? in.below(16) : columns;
    for (unsigned c = 0; c < count; ++c) values.push_back(in.below(2) ? in.below(4) : in.byte() * 1e3 - 5e4);
    ch.values.push_back(std::move(values));
  }
  for (unsigned i = in.below(4); i > 0; --i) ch.legend.push_back(fuzz_text(in));
  return ch;
}

std::vector<model::Block> body(ByteReader& in, unsigned max_blocks) {
  std::vector<model::Block> blocks;
  for (unsigned n = in.below(max_blocks + 1); n > 0 && !in.empty(); --n) {
    switch (in.below(6)) {
      case 0: blocks.emplace_back(model::Heading{1 + static_cast<int>(in.below(4)), text(in), text(in), text(in)}); break;
      case 1: blocks.emplace_back(table(in)); break;
      case 2: blocks.emplace_back(chart(in)); break;
      default: blocks.emplace_back(model::Paragraph{text(in)}); break;
    }
  }
  return blocks;
}

std::vector<model::Text> texts(ByteReader& in, unsigned max) {
  std::vector<model::Text> out;
  for (unsigned n = in.below(max + 1); n > 0; --n) out.push_back(text(in));
  return out;
}

model::DocDate date(ByteReader& in) {
  model::DocDate d{text(in), {}};
  if (in.below(2)) d.value = wenshu::core::Date{1990 + static_cast<int>(in.below(60)), 1 + static_cast<int>(in.below(12)),
                                                1 + static_cast<int>(in.below(28))};
  return d;
}

model::Document document(ByteReader& in) {
  model::Document doc;
  doc.id = "fuzz";
  doc.format = static_cast<model::DocFormat>(in.below(4));
  doc.copy_number = text(in);
  doc.secrecy = text(in);
  doc.urgency = text(in);
  doc.issuers = texts(in, 3);
  if (in.below(4) == 0) doc.issuer_mark = text(in);
  doc.mark_with_wenjian = in.below(2);
  doc.doc_number = text(in);
  doc.signers = texts(in, 3);
  doc.title = text(in);
  doc.main_recipients = text(in);
  doc.body = body(in, 8);
  doc.attachment_notes = texts(in, 3);
  doc.signatures = texts(in, 3);
  doc.date = date(in);
  doc.seal.kind = static_cast<model::Seal::Kind>(in.below(2));  // none or reserved (no image file)
  for (std::size_t i = 0; i < doc.signatures.size(); ++i) doc.seals.push_back(doc.seal);
  doc.note = text(in);
  for (unsigned n = in.below(3); n > 0; --n) {
    model::Attachment a{text(in), text(in), body(in, 3), in.below(2) == 1};
    doc.attachments.push_back(std::move(a));
  }
  doc.attendance = {texts(in, 3), texts(in, 2), texts(in, 2)};
  doc.signer_title = text(in);
  doc.signer_name = text(in);
  doc.cc = text(in);
  doc.printer = text(in);
  doc.print_date = date(in);
  doc.draft = in.below(2);
  return doc;
}

}  // namespace

WENSHU_FUZZ_TARGET(layout) {
  ByteReader in(bytes);
  const auto doc = document(in);
  wenshu::core::DiagnosticSink sink;
  (void)wenshu::layout::layout_document(doc, wenshu::layout::default_profile(), sink);
}
