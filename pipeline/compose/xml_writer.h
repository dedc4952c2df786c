// The compose input's way of writing XML: the one XML writer (xml/writer.h, one-space
// indentation), with the templates' convention that an empty value is the same as an absent
// one — empty attributes and empty text elements are not written.
#pragma once
#include <string>

#include "xml/writer.h"

namespace wenshu::compose {

class XmlWriter {
 public:
  XmlWriter() : w_(xml::Layout{" ", true}) {}
  /// Starts <name; attributes may follow until the next open/element/close.
  XmlWriter& open(const std::string& name) {
    w_.open(name);
    return *this;
  }
  /// Adds an attribute (skipped when `value` is empty).
  XmlWriter& attr(const std::string& name, const std::string& value) {
    if (!value.empty()) w_.attr(name, value);
    return *this;
  }
  XmlWriter& attr(const std::string& name, long long value) { return attr(name, std::to_string(value)); }
  XmlWriter& flag(const std::string& name, bool value) { return value ? attr(name, "true") : *this; }
  /// Writes <name>text</name> (nothing when text is empty).
  XmlWriter& element(const std::string& name, const std::string& text) {
    if (!text.empty()) w_.leaf(name, text);
    return *this;
  }
  /// Closes the innermost element.
  XmlWriter& close() {
    w_.close();
    return *this;
  }
  /// The finished document (after the last close()).
  std::string take() { return w_.take(); }

 private:
  xml::Writer w_;
};

}  // namespace wenshu::compose
