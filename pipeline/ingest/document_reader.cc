#include "ingest/document_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>
#include <libxml/tree.h>

#include "core/data_dir.h"
#include "core/date_text.h"
#include "core/file_io.h"
#include "core/utf8.h"
#include "ingest/document_source_map.h"
#include "ingest/xml_loader.h"
#include "ingest/xml_node.h"
#include "ingest/xml_sniff.h"

namespace wenshu::ingest {

namespace {

using model::Text;

// Builds the model from a validated tree; the schema guarantees element order and types, so
// this code only maps names to fields and checks what XSD cannot express.
class DocumentBuilder {
 public:
  DocumentBuilder(const DocumentSourceMap& map, const xmlNode* root, std::string file,
                  std::filesystem::path base_dir, core::DiagnosticSink& sink)
      : map_(map), file_(std::move(file)), base_dir_(std::move(base_dir)), sink_(sink) {
    std::size_t next = 0;
    index(root, next);
    // Every start tag must match the tree's element of the same rank, else positions would
    // point at the wrong place: fall back to the loader's element positions.
    map_ok_ = names_match_ && map_.ok() && next == map_.element_count();
  }

  model::Document build(const xmlNode* root);

 private:
  void index(const xmlNode* node, std::size_t& next);
  core::SourceLocation location(const xmlNode* e) const;
  Text make_text(const MappedText& raw, const xmlNode* e) const;
  Text text(const xmlNode* e) const;
  Text attribute_text(const xmlNode* e, const char* name) const;
  std::vector<Text> texts(const xmlNode* list) const;
  model::DocDate date(const xmlNode* e);
  std::vector<model::Block> body(const xmlNode* e);
  model::Table table(const xmlNode* e);
  model::Chart chart(const xmlNode* e);
  void header(const xmlNode* e, model::Document& doc);
  void error(const xmlNode* e, std::string message, core::Severity severity = core::Severity::kError);
  int int_attribute(const xmlNode* e, const char* name, int fallback, int max);

  const DocumentSourceMap& map_;
  bool map_ok_ = false;
  bool names_match_ = true;
  std::unordered_map<const xmlNode*, std::size_t> element_index_;
  std::string file_;
  std::filesystem::path base_dir_;
  core::DiagnosticSink& sink_;
  std::string id_;
};

void DocumentBuilder::index(const xmlNode* node, std::size_t& next) {
  const std::size_t mine = next++;
  element_index_[node] = mine;
  const std::string_view written = map_.element_name(mine);
  const auto colon = written.find(':');
  if (written.substr(colon == std::string_view::npos ? 0 : colon + 1) != local_name(node)) names_match_ = false;
  for (const xmlNode* c = first_element(node); c; c = next_element(c)) index(c, next);
}

core::SourceLocation DocumentBuilder::location(const xmlNode* e) const {
  if (map_ok_) {
    const auto it = element_index_.find(e);
    if (it != element_index_.end()) {
      const SourcePos p = map_.element_pos(it->second);
      return {file_, p.line, p.column};
    }
  }
  return node_location(e, file_);
}

Text DocumentBuilder::make_text(const MappedText& raw, const xmlNode* e) const {
  const MappedText norm = normalize_whitespace(raw);
  Text t;
  t.value = core::utf8_encode(norm.chars);
  t.location = location(e);
  if (norm.chars.empty() || norm.pos[0].line == 0) return t;
  t.location.line = norm.pos[0].line;
  t.location.column = norm.pos[0].column;
  for (std::size_t i = 1; i < norm.pos.size(); ++i) {
    const SourcePos& p = norm.pos[i];
    const SourcePos& q = norm.pos[i - 1];
    if (p.line != q.line || p.column != q.column + 1) t.jumps.push_back({i, p.line, p.column});
  }
  return t;
}

// Text positions come from the source map when its decoding agrees with libxml2's, else the
// text is taken from the tree and located at its element.
Text DocumentBuilder::text(const xmlNode* e) const {
  const std::string dom = text_content(e);
  if (map_ok_) {
    if (auto mapped = map_.element_text(element_index_.at(e))) {
      const std::string decoded = core::utf8_encode(mapped->chars);
      if (decoded == dom || (dom.empty() && normalize_whitespace(*mapped).chars.empty())) return make_text(*mapped, e);
    }
  }
  MappedText raw;
  raw.chars = core::utf8_decode(dom);
  raw.pos.assign(raw.chars.size(), SourcePos{});
  raw.line_break.assign(raw.chars.size(), false);
  return make_text(raw, e);
}

Text DocumentBuilder::attribute_text(const xmlNode* e, const char* name) const {
  const auto dom = attribute(e, name);
  if (!dom) return Text{{}, location(e)};
  if (map_ok_) {
    if (auto mapped = map_.attribute_text(element_index_.at(e), name)) {
      if (core::utf8_encode(mapped->chars) == *dom) return make_text(*mapped, e);
    }
  }
  MappedText raw;
  raw.chars = core::utf8_decode(*dom);
  raw.pos.assign(raw.chars.size(), SourcePos{});
  raw.line_break.assign(raw.chars.size(), false);
  return make_text(raw, e);
}

std::vector<Text> DocumentBuilder::texts(const xmlNode* list) const {
  std::vector<Text> out;
  for (const xmlNode* c = first_element(list); c; c = next_element(c)) out.push_back(text(c));
  return out;
}

void DocumentBuilder::error(const xmlNode* e, std::string message, core::Severity severity) {
  core::Diagnostic d;
  d.severity = severity;
  d.rule = "XML-VALUE";
  d.location = location(e);
  d.record_id = id_;
  d.message = std::move(message);
  sink_.push(std::move(d));
}

// An integer attribute already checked by the schema, capped at `max` so that a huge span
// cannot make the table grid exhaust memory.
int DocumentBuilder::int_attribute(const xmlNode* e, const char* name, int fallback, int max) {
  const auto value = attribute(e, name);
  if (!value) return fallback;
  long long v = 0;
  const auto [ptr, ec] = std::from_chars(value->data(), value->data() + value->size(), v);
  if (ec != std::errc() || v > max || v < 0) {
    error(e, fmt::format("属性 {}=\"{}\" 超出范围（0…{}） / {} out of range", name, *value, max, name));
    return std::clamp<long long>(ec == std::errc() ? v : fallback, 0, max);
  }
  return static_cast<int>(v);
}

model::DocDate DocumentBuilder::date(const xmlNode* e) {
  model::DocDate d;
  d.text = text(e);
  if (const auto value = attribute(e, "value")) {
    d.value = core::parse_date(*value);
    if (!d.value) error(e, fmt::format("日期 value=\"{}\" 不是有效的日历日期 / not a calendar date", *value));
  } else if (const auto written = core::parse_written_date(d.text.value)) {
    d.value = written->date;  // the text is well formed: it says which date it is
  }
  return d;
}

model::Table DocumentBuilder::table(const xmlNode* e) {
  model::Table t;
  t.location = location(e);
  t.header_rows = int_attribute(e, "header-rows", 1, 1000);
  t.landscape = attribute_or(e, "landscape", "false") == "true" || attribute_or(e, "landscape") == "1";
  if (const auto weights = attribute(e, "column-weights")) {
    std::string_view s = *weights;
    while (!s.empty()) {
      const auto start = s.find_first_not_of(" \t\r\n");
      if (start == std::string_view::npos) break;
      s.remove_prefix(start);
      int w = 0;
      const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), w);
      if (ec != std::errc() || w <= 0) {
        error(e, "column-weights 应为正整数列表 / column-weights must be positive integers");
        t.column_weights.clear();
        break;
      }
      t.column_weights.push_back(w);
      s.remove_prefix(static_cast<std::size_t>(ptr - s.data()));
    }
  }
  // Occupancy grid: a cell with rowspan > 1 takes slots in the rows below (HTML table model).
  std::vector<int> pending;  // per column: rows still covered by a rowspan from above
  std::size_t columns = 0;
  bool ragged = false;
  for (const xmlNode* c = first_element(e); c; c = next_element(c)) {
    if (local_name(c) == "caption") {
      t.caption = text(c);
      continue;
    }
    std::vector<model::TableCell> row;
    std::size_t col = 0;
    auto skip_covered = [&] {
      while (col < pending.size() && pending[col] > 0) --pending[col++];
    };
    for (const xmlNode* cell = first_element(c); cell; cell = next_element(cell)) {
      model::TableCell tc;
      tc.text = text(cell);
      tc.colspan = std::max(1, int_attribute(cell, "colspan", 1, 1000));
      tc.rowspan = std::max(1, int_attribute(cell, "rowspan", 1, 1000));
      const std::string align = attribute_or(cell, "align", "start");
      tc.align = align == "center" ? model::TableCell::Align::kCenter
                 : align == "end"  ? model::TableCell::Align::kEnd
                                   : model::TableCell::Align::kStart;
      skip_covered();
      if (pending.size() < col + static_cast<std::size_t>(tc.colspan)) pending.resize(col + tc.colspan, 0);
      for (int k = 0; k < tc.colspan; ++k) {
        if (pending[col] > 0) ragged = true;  // overlaps a rowspan from above
        pending[col++] = tc.rowspan - 1;
      }
      row.push_back(std::move(tc));
    }
    skip_covered();
    if (t.rows.empty()) columns = col;
    else if (col != columns && !ragged) {
      ragged = true;
      error(c, fmt::format("表格第 {} 行占 {} 列，第 1 行占 {} 列 / table rows differ in width",
                           t.rows.size() + 1, col, columns));
    }
    t.rows.push_back(std::move(row));
  }
  for (int left : pending)
    if (left > 0 && !ragged) {
      ragged = true;
      error(e, "表格单元格的 rowspan 超出了表格末行 / a rowspan runs past the last row");
    }
  if (!t.column_weights.empty() && t.column_weights.size() != columns)
    error(e, fmt::format("column-weights 给出 {} 列，表格有 {} 列 / column-weights does not match the columns",
                         t.column_weights.size(), columns));
  if (t.header_rows > static_cast<int>(t.rows.size()))
    error(e, fmt::format("header-rows={} 多于表格行数 {} / more header rows than rows", t.header_rows, t.rows.size()));
  return t;
}

model::Chart DocumentBuilder::chart(const xmlNode* e) {
  model::Chart ch;
  ch.location = location(e);
  ch.kind = attribute_or(e, "kind");
  for (const xmlNode* c = first_element(e); c; c = next_element(c)) {
    const auto name = local_name(c);
    if (name == "title") {
      ch.title = text(c);
    } else if (name == "columns") {
      for (const Text& t : texts(c)) ch.column_labels.push_back(t.value);
    } else if (name == "legend") {
      for (const Text& t : texts(c)) ch.legend.push_back(t.value);
    } else if (name == "row") {
      ch.row_labels.push_back(attribute_or(c, "label"));
      std::vector<double> values;
      const std::string list = text_content(c);
      std::string_view s = list;
      while (true) {
        const auto start = s.find_first_not_of(" \t\r\n");
        if (start == std::string_view::npos) break;
        s.remove_prefix(start);
        double v = 0;
        const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);  // classic format
        if (ec != std::errc() || !std::isfinite(v)) {
          error(c, "图表数据应为数字 / chart values must be numbers");
          break;
        }
        values.push_back(v);
        s.remove_prefix(static_cast<std::size_t>(ptr - s.data()));
      }
      if (values.size() != ch.column_labels.size())
        error(c, fmt::format("图表行「{}」有 {} 个数值，应有 {} 个（每列一个） / one value per column",
                             ch.row_labels.back(), values.size(), ch.column_labels.size()));
      if (ch.kind == "grid" || ch.kind == "calendar")
        for (double v : values)
          if (v != 0 && v != 1 && v != 2 && v != 3) {
            error(c, "grid/calendar 图表的数值只能是 0、1、2、3 / grid values are 0..3");
            break;
          }
      ch.values.push_back(std::move(values));
    }
  }
  return ch;
}

std::vector<model::Block> DocumentBuilder::body(const xmlNode* e) {
  std::vector<model::Block> blocks;
  for (const xmlNode* c = first_element(e); c; c = next_element(c)) {
    const auto name = local_name(c);
    if (name == "p") {
      blocks.emplace_back(model::Paragraph{text(c)});
    } else if (name == "heading" || name == "item") {
      model::Heading h;
      h.level = std::clamp(int_attribute(c, "level", 1, 4), 1, 4);
      h.number = attribute_text(c, "number");
      if (name == "heading") {
        h.text = text(c);
      } else {
        h.text = attribute_text(c, "heading");
        h.run_in = text(c);
      }
      blocks.emplace_back(std::move(h));
    } else if (name == "table") {
      blocks.emplace_back(table(c));
    } else if (name == "chart") {
      blocks.emplace_back(chart(c));
    }
  }
  return blocks;
}

void DocumentBuilder::header(const xmlNode* e, model::Document& doc) {
  for (const xmlNode* c = first_element(e); c; c = next_element(c)) {
    const auto name = local_name(c);
    if (name == "copy-number") doc.copy_number = text(c);
    else if (name == "secrecy") doc.secrecy = text(c);
    else if (name == "urgency") doc.urgency = text(c);
    else if (name == "issuer-mark") doc.issuer_mark = text(c);
    else if (name == "doc-number") doc.doc_number = text(c);
    else if (name == "signers") doc.signers = texts(c);
    else if (name == "issuers") {
      doc.issuers = texts(c);
      // GB/T 9704-2012 §10.1–10.3: letter, order and minutes marks carry no 文件.
      const auto wenjian = attribute(c, "wenjian");
      doc.mark_with_wenjian =
          wenjian ? (*wenjian == "true" || *wenjian == "1") : doc.format == model::DocFormat::kStandard;
    }
  }
}

model::Document DocumentBuilder::build(const xmlNode* root) {
  model::Document doc;
  doc.location = location(root);
  const std::string stem = std::filesystem::path(file_).stem().string();
  doc.id = attribute_or(root, "id", stem);
  id_ = doc.id;
  doc.kind = attribute_or(root, "kind");
  const std::string format = attribute_or(root, "format", "通用");
  doc.format = format == "信函"   ? model::DocFormat::kLetter
               : format == "纪要" ? model::DocFormat::kMinutes
               : format == "命令" ? model::DocFormat::kOrder
                                  : model::DocFormat::kStandard;
  const std::string draft = attribute_or(root, "draft", "false");
  doc.draft = draft == "true" || draft == "1";
  doc.mark_with_wenjian = doc.format == model::DocFormat::kStandard;

  for (const xmlNode* c = first_element(root); c; c = next_element(c)) {
    const auto name = local_name(c);
    if (name == "header") header(c, doc);
    else if (name == "title") doc.title = text(c);
    else if (name == "main-recipients") doc.main_recipients = text(c);
    else if (name == "body") doc.body = body(c);
    else if (name == "attachment-notes") doc.attachment_notes = texts(c);
    else if (name == "signatures") doc.signatures = texts(c);
    else if (name == "date") doc.date = date(c);
    else if (name == "note") doc.note = text(c);
    else if (name == "order-signer") {
      const xmlNode* title = first_element(c);
      doc.signer_title = text(title);
      doc.signer_name = text(next_element(title));
      if (doc.format != model::DocFormat::kOrder)
        error(c, "order-signer 只用于命令格式（format=\"命令\"） / order-signer belongs to orders",
              core::Severity::kWarning);
    } else if (name == "attendance") {
      for (const xmlNode* a = first_element(c); a; a = next_element(a)) {
        const auto kind = local_name(a);
        auto& list = kind == "present" ? doc.attendance.present
                     : kind == "absent" ? doc.attendance.absent
                                        : doc.attendance.attending;
        list = texts(a);
      }
      if (doc.format != model::DocFormat::kMinutes)
        error(c, "出席/请假/列席只用于纪要格式（format=\"纪要\"） / attendance belongs to minutes",
              core::Severity::kWarning);
    } else if (name == "seal") {
      // Joint issue (7.3.5.1): one <seal> per 署名, in issuing order; doc.seal is the first.
      model::Seal seal;
      seal.location = location(c);
      const std::string kind = attribute_or(c, "kind", "none");
      seal.kind = kind == "reserved" ? model::Seal::Kind::kReserved
                  : kind == "image"  ? model::Seal::Kind::kImage
                                     : model::Seal::Kind::kNone;
      if (const auto image = attribute(c, "image")) {
        std::filesystem::path p = *image;
        if (p.is_relative() && !base_dir_.empty()) p = base_dir_ / p;
        seal.image_path = p.string();
        if (seal.kind == model::Seal::Kind::kImage && !std::filesystem::is_regular_file(p))
          error(c, fmt::format("找不到印章图片 {} / seal image not found", p.string()));
      } else if (seal.kind == model::Seal::Kind::kImage) {
        error(c, "kind=\"image\" 的印章需要 image 属性 / a seal image needs the image attribute");
      }
      if (doc.seals.empty()) doc.seal = seal;
      doc.seals.push_back(std::move(seal));
    } else if (name == "attachments") {
      for (const xmlNode* a = first_element(c); a; a = next_element(a)) {
        model::Attachment att;
        att.number = attribute_text(a, "number");
        const std::string issued = attribute_or(a, "issued", "false");
        att.issued = issued == "true" || issued == "1";
        for (const xmlNode* part = first_element(a); part; part = next_element(part)) {
          if (local_name(part) == "title") att.title = text(part);
          else if (local_name(part) == "body") att.body = body(part);
        }
        doc.attachments.push_back(std::move(att));
      }
    } else if (name == "imprint") {
      for (const xmlNode* p = first_element(c); p; p = next_element(p)) {
        const auto part = local_name(p);
        if (part == "cc") doc.cc = text(p);
        else if (part == "printer") doc.printer = text(p);
        else if (part == "print-date") doc.print_date = date(p);
      }
    }
  }
  if (doc.format == model::DocFormat::kOrder && doc.signer_name.empty())
    error(root, "命令格式需要 order-signer（签发人职务和姓名） / an order needs its signer",
          core::Severity::kWarning);
  return doc;
}

}  // namespace

std::optional<model::Document> read_document_memory(std::string_view bytes, const std::string& name,
                                                    core::DiagnosticSink& sink,
                                                    const std::filesystem::path& base_dir) {
  XmlDocPtr xml = load_xml_memory(bytes, name, sink);
  if (!xml) return std::nullopt;
  if (!validate_xml(xml.get(), core::data_path("schemas/gongwen.xsd"), name, sink)) return std::nullopt;
  const xmlNode* root = xmlDocGetRootElement(xml.get());
  if (!root) return std::nullopt;
  const DocumentSourceMap map(bytes);
  DocumentBuilder builder(map, root, name, base_dir, sink);
  return builder.build(root);
}

std::optional<model::Document> read_document(const std::filesystem::path& path, core::DiagnosticSink& sink) {
  std::string bytes;
  try {
    bytes = core::read_file(path, XmlLimits{}.max_file_bytes);
  } catch (const std::exception& e) {
    core::Diagnostic d;
    d.rule = "XML-IO";
    d.location.file = path.string();
    d.message = fmt::format("无法读取文件 / cannot read the file: {}", e.what());
    sink.push(std::move(d));
    return std::nullopt;
  }
  return read_document_memory(bytes, path.string(), sink, path.parent_path());
}

bool is_document_xml(std::string_view bytes) {
  // Only the root start tag is read (ingest/xml_sniff.h): callers pass the head of a file.
  const auto root = sniff_root(bytes);
  return root && root->local_name == "document" && root->namespace_uri == kGongwenNamespace;
}

}  // namespace wenshu::ingest
