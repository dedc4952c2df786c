// Exact source positions for the text of a 公文 XML file. libxml2 keeps only a line number per
// node, but a GW diagnostic must point at the offending character (file:line:col), so the
// document reader re-scans the raw bytes: every start tag in document order matches one
// element of the parsed tree in pre-order (a DOCTYPE is refused, so no entity can add
// elements), and each character of a text or attribute value is traced to its line and column
// through entities, CDATA sections, comments and line breaks. Internal to ingest.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wenshu::ingest {

/// A 1-based line and column (columns count Unicode code points).
struct SourcePos {
  int line = 0;
  int column = 0;
};

/// Decoded text with the source position of every code point.
struct MappedText {
  std::u32string chars;
  std::vector<SourcePos> pos;      ///< same size as chars
  std::vector<bool> line_break;    ///< same size: written as a line break or tab in the source
};

/// The start tags, attributes and text contents of one XML file, by element index (document
/// order, the root is 0).
class DocumentSourceMap {
 public:
  /// Scans `bytes` (UTF-8). A malformed file gives a map with ok() == false.
  explicit DocumentSourceMap(std::string_view bytes);

  bool ok() const { return ok_; }
  std::size_t element_count() const { return elements_.size(); }
  /// The qualified name of element `i` as written (e.g. "g:title").
  std::string_view element_name(std::size_t i) const;
  /// Where element `i` starts ('<').
  SourcePos element_pos(std::size_t i) const;
  /// The text of element `i` when it has no child elements (entities decoded, comments
  /// skipped, line ends normalised to LF); nullopt when it has child elements.
  std::optional<MappedText> element_text(std::size_t i) const;
  /// The value of attribute `name` of element `i` (entities decoded; literal line breaks
  /// and tabs become spaces, flagged in `line_break`), nullopt when absent.
  std::optional<MappedText> attribute_text(std::size_t i, std::string_view name) const;

 private:
  struct Attribute {
    std::string name;
    std::size_t begin = 0, end = 0;  // the value, without quotes
  };
  struct Element {
    std::string name;
    std::size_t tag_begin = 0;
    std::size_t content_begin = 0, content_end = 0;  // equal for <empty/>
    std::vector<Attribute> attributes;
  };

  void scan();
  bool scan_start_tag(std::size_t& i, std::vector<std::size_t>& open);
  SourcePos position(std::size_t byte) const;
  MappedText decode(std::size_t begin, std::size_t end, bool attribute) const;

  std::string_view bytes_;
  std::vector<std::size_t> line_starts_;
  std::vector<Element> elements_;
  bool ok_ = true;
  mutable std::size_t cache_line_ = static_cast<std::size_t>(-1), cache_byte_ = 0;
  mutable int cache_column_ = 1;
};

/// Drops leading and trailing XML whitespace; a whitespace run holding a line break is removed
/// between two non-ASCII characters (Chinese text has no spaces at line ends) and becomes one
/// space otherwise (CSS Text 3 §4.1.2, segment break transformation). Other spaces are kept
/// exactly as written.
MappedText normalize_whitespace(const MappedText& text);

}  // namespace wenshu::ingest
