// The 公文 document model (GB/T 9704-2012 §7, §10): one official document, as read from a
// document-model XML file (schemas/gongwen.xsd) or produced from records by a template.
// The layouter renders it; the GW rules check it. Text fields keep the text AS WRITTEN plus
// where it came from, so a GW rule can point at exact characters and a layout shows exactly
// what the author wrote.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"

namespace wenshu::model {

/// A piece of text as written, with its location in the source file.
struct Text {
  std::string value;              ///< UTF-8, as written
  core::SourceLocation location;  ///< where `value` starts
  bool empty() const { return value.empty(); }

  /// A place where the source position does not simply move one column right per code point
  /// (a line break, an entity such as `&lt;`, a comment): from code point `offset` of `value`
  /// on, the text continues at `line`:`column` of the same file.
  struct Jump {
    std::size_t offset = 0;
    int line = 0;
    int column = 0;
  };
  std::vector<Jump> jumps;  ///< ascending offsets; empty when `value` was written on one line

  /// The source location of code point `offset` of `value` (columns count code points), so a
  /// diagnostic can point at the offending character itself. Unknown columns stay 0.
  core::SourceLocation location_at(std::size_t offset) const {
    core::SourceLocation at = location;
    std::size_t base = 0;
    for (const Jump& j : jumps) {
      if (j.offset > offset) break;
      at.line = j.line;
      at.column = j.column;
      base = j.offset;
    }
    if (at.column > 0) at.column += static_cast<int>(offset - base);
    return at;
  }
};

/// GB/T 9704 formats: 通用 (§7), 信函 (§10.1), 命令 (§10.2), 纪要 (§10.3).
enum class DocFormat { kStandard, kLetter, kOrder, kMinutes };

/// A body paragraph (自然段).
struct Paragraph {
  Text text;
};

/// A heading of level 1..4: number label (一、 / （一） / 1. / （1）) and text. Levels 3–4 may be
/// run-in: the heading and the start of its paragraph on one line (`run_in` holds that text).
struct Heading {
  int level = 1;
  Text number;  ///< the label as written, e.g. "（一）"
  Text text;    ///< the heading text without the label
  Text run_in;  ///< text that follows on the same line (levels 3–4), may be empty
};

/// A table cell; text may wrap inside the cell.
struct TableCell {
  Text text;
  int colspan = 1;
  int rowspan = 1;
  enum class Align { kStart, kCenter, kEnd } align = Align::kStart;
};

/// A table: `header_rows` leading rows repeat on every page the table spans.
struct Table {
  Text caption;                          ///< optional title above the table
  std::vector<int> column_weights;       ///< relative widths; empty = equal
  int header_rows = 1;
  bool landscape = false;                ///< set on its own landscape pages (§8)
  std::vector<std::vector<TableCell>> rows;
  core::SourceLocation location;
};

/// A vector chart (annual reports). Kinds: "grid" (rows × columns of status cells),
/// "calendar" (months × days with marks), "line" (series over x labels), "bar".
struct Chart {
  std::string kind;
  Text title;
  std::vector<std::string> row_labels;
  std::vector<std::string> column_labels;
  /// grid/calendar: one value per cell, row-major (0 none, 1 ok, 2 warning, 3 error);
  /// line/bar: one series per row, one value per column.
  std::vector<std::vector<double>> values;
  std::vector<std::string> legend;
  core::SourceLocation location;
};

using Block = std::variant<Paragraph, Heading, Table, Chart>;

/// An attachment (附件), set from a new page before the 版记 (§7.3.7).
struct Attachment {
  Text number;   ///< "1", "2" … (empty when there is only one)
  Text title;
  std::vector<Block> body;
  /// A document issued by this one (印发件 of a 印发/转发 notice): set like an attachment (new
  /// page, title centred on line 3) but without the 附件 label, and not listed in the 附件说明.
  bool issued = false;
};

/// The 出席 / 请假 / 列席 blocks of minutes (§10.3).
struct Attendance {
  std::vector<Text> present;   ///< 出席
  std::vector<Text> absent;    ///< 请假
  std::vector<Text> attending; ///< 列席
};

/// 成文日期 or 印发日期: the text as written and, when it parses, the date it means.
struct DocDate {
  Text text;                       ///< e.g. "2009年9月2日" or "二〇〇九年九月二日"
  std::optional<core::Date> value; ///< the date (from the XML's value attribute)
};

/// Seal handling (§7.3.5): none (no seal), a reserved blank area, or a seal image.
struct Seal {
  enum class Kind { kNone, kReserved, kImage } kind = Kind::kNone;
  std::string image_path;
  core::SourceLocation location;  ///< the <seal> element (diagnostics about the image)
};

/// One 公文.
struct Document {
  std::string id;                 ///< document id (file stem or record id)
  core::SourceLocation location;  ///< the root element
  DocFormat format = DocFormat::kStandard;
  std::string kind;               ///< document kind (调研报告, 请假条, 通知 …), for file names and archive

  // 版头 (§7.2)
  Text copy_number;               ///< 份号
  Text secrecy;                   ///< 密级和保密期限
  Text urgency;                   ///< 紧急程度
  std::vector<Text> issuers;      ///< 发文机关 names, lead first (joint issue: several)
  Text issuer_mark;               ///< 发文机关标志 text when given explicitly (else issuers + 文件)
  bool mark_with_wenjian = true;  ///< append 文件 to the mark
  Text doc_number;                ///< 发文字号
  std::vector<Text> signers;      ///< 签发人 (上行文); non-empty makes the document upward

  // 主体 (§7.3)
  Text title;                     ///< 标题
  Text main_recipients;           ///< 主送机关, as written incl. the trailing colon
  std::vector<Block> body;        ///< 正文
  std::vector<Text> attachment_notes;  ///< 附件说明 names, in order
  std::vector<Text> signatures;   ///< 发文机关署名 (joint: several)
  DocDate date;                   ///< 成文日期
  Seal seal;                      ///< the first (lead) seal
  std::vector<Seal> seals;        ///< every <seal> in order: joint issue, one per 署名 (7.3.5.1)
  Text note;                      ///< 附注 (without the enclosing （）)
  std::vector<Attachment> attachments;
  Attendance attendance;          ///< 纪要 only
  Text signer_title;              ///< 命令: the signer's title (e.g. 市委书记)
  Text signer_name;               ///< 命令: the signer

  // 版记 (§7.4)
  Text cc;                        ///< 抄送, as written incl. the trailing 。
  Text printer;                   ///< 印发机关
  DocDate print_date;             ///< 印发日期

  bool draft = false;             ///< rendered with --force: 草稿 watermark
  bool is_upward() const { return !signers.empty(); }
};

}  // namespace wenshu::model
