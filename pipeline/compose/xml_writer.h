// A tiny streaming XML writer for the compose input: fixed attribute order, LF line ends and
// escaping, so the same records always give the same bytes (determinism).
#pragma once
#include <string>
#include <vector>

namespace wenshu::compose {

std::string xml_escape(const std::string& s);

/// Writes elements, attributes and text in call order. Empty attribute values are skipped
/// (absent and empty mean the same to the templates).
class XmlWriter {
 public:
  XmlWriter() { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }
  /// Starts `<name`; attributes may follow until the next open/text/close.
  XmlWriter& open(const std::string& name) {
    finish_tag();
    indent();
    out_ += "<" + name;
    stack_.push_back(name);
    tag_open_ = true;
    has_children_.push_back(false);
    return *this;
  }
  /// Adds an attribute (skipped when `value` is empty).
  XmlWriter& attr(const std::string& name, const std::string& value) {
    if (!value.empty()) out_ += " " + name + "=\"" + xml_escape(value) + "\"";
    return *this;
  }
  XmlWriter& attr(const std::string& name, long long value) { return attr(name, std::to_string(value)); }
  XmlWriter& flag(const std::string& name, bool value) { return value ? attr(name, "true") : *this; }
  /// Writes `<name>text</name>` (nothing when text is empty).
  XmlWriter& element(const std::string& name, const std::string& text) {
    if (text.empty()) return *this;
    finish_tag();
    indent();
    out_ += "<" + name + ">" + xml_escape(text) + "</" + name + ">";
    if (!has_children_.empty()) has_children_.back() = true;
    return *this;
  }
  /// Closes the innermost element.
  XmlWriter& close() {
    const std::string name = stack_.back();
    const bool children = has_children_.back();
    stack_.pop_back();
    has_children_.pop_back();
    if (tag_open_) {
      out_ += "/>";
      tag_open_ = false;
    } else {
      if (children) {
        out_ += "\n";
        out_.append(stack_.size() * 1, ' ');
      }
      out_ += "</" + name + ">";
    }
    if (!has_children_.empty()) has_children_.back() = true;
    return *this;
  }
  /// The document so far (call after the last close()).
  std::string take() {
    out_ += "\n";
    return std::move(out_);
  }

 private:
  void finish_tag() {
    if (tag_open_) {
      out_ += ">";
      tag_open_ = false;
    }
  }
  void indent() {
    if (!stack_.empty()) {
      has_children_.back() = true;
      out_ += "\n";
      out_.append(stack_.size(), ' ');
    }
  }
  std::string out_;
  std::vector<std::string> stack_;
  std::vector<bool> has_children_;
  bool tag_open_ = false;
};

}  // namespace wenshu::compose
