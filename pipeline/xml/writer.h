// The one XML writer of wenshu: every XML file the program writes (the compose input, dossier
// metadata and catalogues, sidecars, build records, OFD parts, the XMP packet of every PDF) is
// serialised here, by libxml2's xmlTextWriter. Escaping, indentation and the declaration are
// libxml2's; this class adds only what XML 1.0 requires of the text we hand it (characters XML
// forbids are dropped, so any input string yields well-formed XML). No libxml2 type crosses
// this header, so a stage that writes XML need not see libxml2.
//
// Determinism: attributes are written in call order, elements in call order, UTF-8 without BOM,
// LF line ends, a fixed indentation: the same calls always give the same bytes.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wenshu::xml {

/// How a document is laid out.
struct Layout {
  /// Indentation per level. Every element starts a line; "" gives one element per line with
  /// no indentation.
  std::string indent = "  ";
  /// Starts with <?xml version="1.0" encoding="UTF-8"?> (off for an XMP packet).
  bool declaration = true;
};

/// Attributes of an element, written in this order.
using Attributes = std::vector<std::pair<std::string, std::string>>;

/// Builds one XML document in memory. Elements are opened and closed explicitly; an element
/// closed without content is written <name/>. Misuse (close() with nothing open, attributes
/// after content) throws std::logic_error; a libxml2 failure throws std::runtime_error.
class Writer {
 public:
  explicit Writer(Layout layout = {});
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  /// Opens <name attrs…>; more attributes may follow with attr() until content is written.
  Writer& open(std::string_view name, const Attributes& attrs = {});
  /// Adds an attribute to the element just opened (written even when `value` is empty).
  Writer& attr(std::string_view name, std::string_view value);
  /// Writes escaped text into the current element.
  Writer& text(std::string_view text);
  /// <name attrs…>text</name>, or <name attrs…/> when `text` is empty.
  Writer& leaf(std::string_view name, std::string_view text, const Attributes& attrs = {});
  /// Closes the innermost open element.
  Writer& close();
  /// A processing instruction <?target content?> at the current place.
  Writer& pi(std::string_view target, std::string_view content);
  /// How many elements are open.
  std::size_t depth() const;
  /// The document written so far. Once every element is closed it is the finished document.
  const std::string& str();
  /// The finished document, moved out (every element must be closed).
  std::string take();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// `s` without the characters XML 1.0 §2.2 forbids (C0 controls other than TAB, LF and CR).
std::string allowed_chars(std::string_view s);

}  // namespace wenshu::xml
