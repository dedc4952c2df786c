// The OFD parts' way of writing XML: the one XML writer (xml/writer.h) with elements in the
// "ofd:" namespace prefix, attributes in call order and one element per line without
// indentation, so the same page always gives the same bytes.
#pragma once
#include <string>
#include <string_view>

#include "xml/writer.h"

namespace wenshu::ofd {

class XmlOut {
 public:
  /// Starts a part with the XML declaration.
  XmlOut();
  /// Opens <ofd:name; attributes may follow until the next open/text/close. The first element
  /// of a part also declares the namespace.
  XmlOut& open(std::string_view name);
  /// Adds an attribute to the element just opened.
  XmlOut& attr(std::string_view name, std::string_view value);
  /// Writes escaped text into the element just opened and closes it.
  XmlOut& text_close(std::string_view text);
  /// Writes <ofd:name>text</ofd:name>.
  XmlOut& leaf(std::string_view name, std::string_view text);
  /// Closes the innermost open element.
  XmlOut& close();
  /// The finished part (every element closed).
  std::string take();

 private:
  xml::Writer w_;
  bool root_written_ = false;
};

}  // namespace wenshu::ofd
