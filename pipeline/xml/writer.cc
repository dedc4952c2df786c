// The XML writer on libxml2's xmlTextWriter (see writer.h).
#include "xml/writer.h"

#include <libxml/xmlwriter.h>

#include <stdexcept>

namespace wenshu::xml {
namespace {

void check(int rc, const char* what) {
  if (rc < 0) throw std::runtime_error(std::string("XML writer: libxml2 ") + what + " failed");
}

// libxml2 takes NUL-terminated xmlChar strings.
struct XStr {
  explicit XStr(std::string_view s) : s(allowed_chars(s)) {}
  const xmlChar* get() const { return reinterpret_cast<const xmlChar*>(s.c_str()); }
  std::string s;
};

}  // namespace

struct Writer::Impl {
  xmlBufferPtr buffer = nullptr;
  xmlTextWriterPtr w = nullptr;
  std::size_t depth = 0;
  bool ended = false;
  std::string out;
  ~Impl() {
    if (w) xmlFreeTextWriter(w);
    if (buffer) xmlBufferFree(buffer);
  }
  // Copies what libxml2 has written so far into `out`.
  void sync() {
    check(xmlTextWriterFlush(w), "flush");
    out.assign(reinterpret_cast<const char*>(xmlBufferContent(buffer)), static_cast<std::size_t>(xmlBufferLength(buffer)));
  }
};

std::string allowed_chars(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;  // XML 1.0 §2.2
    out.push_back(ch);
  }
  return out;
}

Writer::Writer(Layout layout) : impl_(std::make_unique<Impl>()) {
  impl_->buffer = xmlBufferCreate();
  if (!impl_->buffer) throw std::runtime_error("XML writer: out of memory");
  impl_->w = xmlNewTextWriterMemory(impl_->buffer, 0);
  if (!impl_->w) throw std::runtime_error("XML writer: out of memory");
  check(xmlTextWriterSetIndent(impl_->w, 1), "indent");
  check(xmlTextWriterSetIndentString(impl_->w, XStr(layout.indent).get()), "indent");
  // The declaration also tells libxml2 the output is UTF-8, so non-ASCII text in attributes is
  // written as it is, not as character references.
  if (layout.declaration) check(xmlTextWriterStartDocument(impl_->w, "1.0", "UTF-8", nullptr), "declaration");
}

Writer::~Writer() = default;

Writer& Writer::open(std::string_view name, const Attributes& attrs) {
  check(xmlTextWriterStartElement(impl_->w, XStr(name).get()), "start element");
  ++impl_->depth;
  for (const auto& [k, v] : attrs) attr(k, v);
  return *this;
}

Writer& Writer::attr(std::string_view name, std::string_view value) {
  if (impl_->depth == 0) throw std::logic_error("XML writer: attribute outside an element");
  check(xmlTextWriterWriteAttribute(impl_->w, XStr(name).get(), XStr(value).get()), "attribute");
  return *this;
}

Writer& Writer::text(std::string_view text) {
  if (impl_->depth == 0) throw std::logic_error("XML writer: text outside an element");
  check(xmlTextWriterWriteString(impl_->w, XStr(text).get()), "text");
  return *this;
}

Writer& Writer::leaf(std::string_view name, std::string_view text, const Attributes& attrs) {
  open(name, attrs);
  if (!text.empty()) this->text(text);
  return close();
}

Writer& Writer::close() {
  if (impl_->depth == 0) throw std::logic_error("XML writer: close without open");
  check(xmlTextWriterEndElement(impl_->w), "end element");
  --impl_->depth;
  return *this;
}

Writer& Writer::pi(std::string_view target, std::string_view content) {
  check(xmlTextWriterWritePI(impl_->w, XStr(target).get(), XStr(content).get()), "processing instruction");
  return *this;
}

std::size_t Writer::depth() const { return impl_->depth; }

const std::string& Writer::str() {
  if (impl_->depth == 0 && !impl_->ended) {
    check(xmlTextWriterEndDocument(impl_->w), "end document");
    impl_->ended = true;
  }
  impl_->sync();
  return impl_->out;
}

std::string Writer::take() {
  if (impl_->depth != 0) throw std::logic_error("XML writer: take with open elements");
  str();
  return std::move(impl_->out);
}

}  // namespace wenshu::xml
