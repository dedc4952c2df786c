// XML builder for the OFD parts (see xml_out.h).
#include "ofd/xml_out.h"

#include <stdexcept>

namespace wenshu::ofd {

namespace {
constexpr const char* kNamespace = "http://www.ofdspec.org/2016";
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;  // not allowed in XML 1.0
        out.push_back(ch);
    }
  }
  return out;
}

XmlOut::XmlOut() { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void XmlOut::finish_start() {
  if (start_open_) {
    out_ += ">\n";
    start_open_ = false;
  }
}

XmlOut& XmlOut::open(std::string_view name) {
  finish_start();
  out_ += "<ofd:";
  out_ += name;
  if (!root_written_) {
    out_ += " xmlns:ofd=\"";
    out_ += kNamespace;
    out_ += "\"";
    root_written_ = true;
  }
  stack_.emplace_back(name);
  start_open_ = true;
  return *this;
}

XmlOut& XmlOut::attr(std::string_view name, std::string_view value) {
  if (!start_open_) throw std::logic_error("XmlOut::attr outside a start tag");
  out_ += " ";
  out_ += name;
  out_ += "=\"";
  out_ += xml_escape(value);
  out_ += "\"";
  return *this;
}

XmlOut& XmlOut::text_close(std::string_view text) {
  if (!start_open_) throw std::logic_error("XmlOut::text_close outside a start tag");
  out_ += ">";
  out_ += xml_escape(text);
  out_ += "</ofd:" + stack_.back() + ">\n";
  stack_.pop_back();
  start_open_ = false;
  return *this;
}

XmlOut& XmlOut::leaf(std::string_view name, std::string_view text) { return open(name).text_close(text); }

XmlOut& XmlOut::close() {
  if (stack_.empty()) throw std::logic_error("XmlOut::close without open");
  if (start_open_) {
    out_ += "/>\n";
    start_open_ = false;
  } else {
    out_ += "</ofd:" + stack_.back() + ">\n";
  }
  stack_.pop_back();
  return *this;
}

std::string XmlOut::take() {
  if (!stack_.empty() || start_open_) throw std::logic_error("XmlOut::take with open elements");
  return std::move(out_);
}

}  // namespace wenshu::ofd
