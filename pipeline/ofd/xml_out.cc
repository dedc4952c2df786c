// OFD parts through the one XML writer (see xml_out.h).
#include "ofd/xml_out.h"

namespace wenshu::ofd {

namespace {
constexpr const char* kNamespace = "http://www.ofdspec.org/2016";
}

XmlOut::XmlOut() : w_(xml::Layout{"", true}) {}

XmlOut& XmlOut::open(std::string_view name) {
  w_.open("ofd:" + std::string(name));
  if (!root_written_) {
    w_.attr("xmlns:ofd", kNamespace);
    root_written_ = true;
  }
  return *this;
}

XmlOut& XmlOut::attr(std::string_view name, std::string_view value) {
  w_.attr(name, value);
  return *this;
}

XmlOut& XmlOut::text_close(std::string_view text) {
  w_.text(text).close();
  return *this;
}

XmlOut& XmlOut::leaf(std::string_view name, std::string_view text) { return open(name).text_close(text); }

XmlOut& XmlOut::close() {
  w_.close();
  return *this;
}

std::string XmlOut::take() { return w_.take(); }

}  // namespace wenshu::ofd
