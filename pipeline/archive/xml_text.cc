// XML text building for the dossier files (see xml_text.h).
#include "archive/xml_text.h"

#include <stdexcept>

namespace wenshu::archive {

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 §2.2: C0 controls other than TAB, LF, CR are not allowed at all.
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += ch;
    }
  }
  return out;
}

XmlBuilder::XmlBuilder() { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void XmlBuilder::indent() { out_.append(stack_.size() * 2, ' '); }

static void append_attrs(std::string& out, const std::vector<std::pair<std::string, std::string>>& attrs) {
  for (const auto& [k, v] : attrs) {
    out += ' ';
    out += k;
    out += "=\"";
    out += xml_escape(v);
    out += '"';
  }
}

void XmlBuilder::open(std::string_view name, const std::vector<std::pair<std::string, std::string>>& attrs) {
  indent();
  out_ += '<';
  out_ += name;
  append_attrs(out_, attrs);
  out_ += ">\n";
  stack_.emplace_back(name);
}

void XmlBuilder::close() {
  if (stack_.empty()) throw std::logic_error("XmlBuilder::close without open");
  const std::string name = std::move(stack_.back());
  stack_.pop_back();
  indent();
  out_ += "</" + name + ">\n";
}

void XmlBuilder::leaf(std::string_view name, std::string_view text,
                      const std::vector<std::pair<std::string, std::string>>& attrs) {
  indent();
  out_ += '<';
  out_ += name;
  append_attrs(out_, attrs);
  if (text.empty()) {
    out_ += "/>\n";
    return;
  }
  out_ += '>';
  out_ += xml_escape(text);
  out_ += "</";
  out_ += name;
  out_ += ">\n";
}

}  // namespace wenshu::archive
