// The records writer on libxml2's xmlTextWriter (see records_writer.h): one pass for the
// attributes of an element, one for its child elements, as schemas/records.xsd orders them.
#include "ingest/records_writer.h"

#include <stdexcept>
#include <type_traits>

#include <libxml/xmlwriter.h>

#include "core/date.h"
#include "ingest/records_reader.h"

namespace wenshu::ingest {

namespace {

const xmlChar* u(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* u(const std::string& s) { return u(s.c_str()); }

void check(int rc) {
  if (rc < 0) throw std::runtime_error("records writer: libxml2 xmlTextWriter failed");
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

class AttributePass {
 public:
  explicit AttributePass(xmlTextWriterPtr w) : w_(w) {}
  void attr(const char* name, const std::string& v) {
    if (!v.empty()) check(xmlTextWriterWriteAttribute(w_, u(name), u(v)));
  }
  void line(const char* name, const std::string& v, model::Out = {}) { attr(name, v); }
  void key(const char* name, const std::string& v, const std::string& fallback, model::Out = {}) {
    if (v != fallback) attr(name, v);
  }
  void date(const char* name, const std::optional<core::Date>& v, model::Out = {}) {
    if (v) attr(name, core::format_date(*v));
  }
  void datetime(const char* name, const std::optional<core::DateTime>& v, model::Out = {}) {
    if (v) attr(name, core::format_datetime(*v));
  }
  void flag(const char* name, bool v, bool fallback, model::Out = {}) {
    if (v != fallback) attr(name, v ? "true" : "false");
  }
  void maybe_flag(const char* name, const std::optional<bool>& v, model::Out = {}) {
    if (v) attr(name, *v ? "true" : "false");
  }
  void integer(const char* name, int v, int fallback, model::Out = {}) {
    if (v != fallback) attr(name, std::to_string(v));
  }
  void integers(const char* name, const std::vector<int>& v, model::Out = {}) {
    std::string s;
    for (int i : v) s += (s.empty() ? "" : " ") + std::to_string(i);
    attr(name, s);
  }
  void year(const char* name, int v, const std::optional<core::Date>*, model::Out = {}) { integer(name, v, 0); }
  template <class E>
  void term(const char* name, E v, E, model::Out = {}) {
    attr(name, model::term(v));
  }
  template <class E>
  void term(const char* name, const std::optional<E>& v, model::Out = {}) {
    if (v) attr(name, model::term(*v));
  }
  template <class E>
  void terms(const char* name, const std::vector<E>& v, model::Out = {}) {
    std::string s;
    for (auto e : v) s += (s.empty() ? "" : " ") + std::string(model::term(e));
    attr(name, s);
  }
  void person(const char* name, const std::string& v, model::Out = {}) { attr(name, v); }
  void persons(const char* name, const std::vector<std::string>& v, model::Out = {}) { attr(name, joined(v)); }
  template <class... Kinds>
  void ref(const char* name, const std::string& v, model::RefTo<Kinds...>, model::Out = {}) {
    attr(name, v);
  }
  template <class... Kinds>
  void refs(const char* name, const std::vector<std::string>& v, model::RefTo<Kinds...>, model::Out = {}) {
    attr(name, joined(v));
  }
  // Child elements (ChildPass).
  template <class... Args>
  void prose(Args&&...) {}
  template <class... Args>
  void lines(Args&&...) {}
  template <class... Args>
  void own_text(Args&&...) {}
  template <class... Args>
  void children(Args&&...) {}
  template <class... Args>
  void child(Args&&...) {}
  template <class... Args>
  void location(Args&&...) {}

 private:
  xmlTextWriterPtr w_;
};

template <class Part>
void write_part(xmlTextWriterPtr w, const char* tag, const Part& part);

class ChildPass {
 public:
  explicit ChildPass(xmlTextWriterPtr w) : w_(w) {}
  void prose(const char* name, const std::string& v, model::Out = {}) {
    if (!v.empty()) check(xmlTextWriterWriteElement(w_, u(name), u(v)));
  }
  void lines(const char* name, const std::vector<std::string>& v, model::Out = {}) {
    for (const auto& s : v) check(xmlTextWriterWriteElement(w_, u(name), u(s)));
  }
  void own_text(const std::string& v, model::Out = {}) { check(xmlTextWriterWriteString(w_, u(v))); }
  template <class C>
  void children(const char* name, const std::vector<C>& v, model::Out = {}) {
    for (const auto& part : v) write_part(w_, name, part);
  }
  template <class C>
  void child(const char* name, const std::optional<C>& v, model::Out = {}) {
    if (v) write_part(w_, name, *v);
  }
  // Attributes (AttributePass).
  template <class... Args>
  void line(Args&&...) {}
  template <class... Args>
  void key(Args&&...) {}
  template <class... Args>
  void date(Args&&...) {}
  template <class... Args>
  void datetime(Args&&...) {}
  template <class... Args>
  void flag(Args&&...) {}
  template <class... Args>
  void maybe_flag(Args&&...) {}
  template <class... Args>
  void integer(Args&&...) {}
  template <class... Args>
  void integers(Args&&...) {}
  template <class... Args>
  void year(Args&&...) {}
  template <class... Args>
  void term(Args&&...) {}
  template <class... Args>
  void terms(Args&&...) {}
  template <class... Args>
  void person(Args&&...) {}
  template <class... Args>
  void persons(Args&&...) {}
  template <class... Args>
  void ref(Args&&...) {}
  template <class... Args>
  void refs(Args&&...) {}
  template <class... Args>
  void location(Args&&...) {}

 private:
  xmlTextWriterPtr w_;
};

template <class Part>
void write_fields(xmlTextWriterPtr w, const Part& part) {
  AttributePass attributes(w);
  model::describe(attributes, part);
  ChildPass children(w);
  model::describe(children, part);
}

template <class Part>
void write_part(xmlTextWriterPtr w, const char* tag, const Part& part) {
  check(xmlTextWriterStartElement(w, u(tag)));
  write_fields(w, part);
  check(xmlTextWriterEndElement(w));
}

/// One file being written: xmlTextWriter over a memory buffer.
class FileWriter {
 public:
  FileWriter(const std::string& committee, int year) : committee_(committee) {
    buffer_ = xmlBufferCreate();
    if (buffer_) w_ = xmlNewTextWriterMemory(buffer_, 0);
    if (!w_) {
      if (buffer_) xmlBufferFree(buffer_);
      throw std::runtime_error("records writer: out of memory");
    }
    check(xmlTextWriterSetIndent(w_, 1));
    check(xmlTextWriterSetIndentString(w_, u("  ")));
    check(xmlTextWriterStartDocument(w_, "1.0", "UTF-8", nullptr));
    check(xmlTextWriterStartElementNS(w_, nullptr, u("records"), u(kRecordsNamespace)));
    check(xmlTextWriterWriteAttribute(w_, u("version"), u("1")));
    if (!committee.empty()) check(xmlTextWriterWriteAttribute(w_, u("committee"), u(committee)));
    if (year != 0) check(xmlTextWriterWriteAttribute(w_, u("year"), u(std::to_string(year))));
  }
  ~FileWriter() {
    xmlFreeTextWriter(w_);
    xmlBufferFree(buffer_);
  }
  FileWriter(const FileWriter&) = delete;
  FileWriter& operator=(const FileWriter&) = delete;

  template <class R>
  void add(const R& record) {
    check(xmlTextWriterStartElement(w_, u(std::string(model::Kind<R>::element))));
    check(xmlTextWriterWriteAttribute(w_, u("id"), u(record.id)));
    // A committee belongs to itself; other records name theirs when it is not the file's.
    if constexpr (!std::is_same_v<R, model::Committee>)
      if (!record.committee.empty() && record.committee != committee_)
        check(xmlTextWriterWriteAttribute(w_, u("committee"), u(record.committee)));
    write_fields(w_, record);
    check(xmlTextWriterEndElement(w_));
  }

  std::string finish() {
    check(xmlTextWriterEndDocument(w_));  // closes <records>
    check(xmlTextWriterFlush(w_));
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)),
                       static_cast<std::size_t>(xmlBufferLength(buffer_)));
  }

 private:
  std::string committee_;
  xmlBufferPtr buffer_ = nullptr;
  xmlTextWriterPtr w_ = nullptr;
};

}  // namespace

std::string write_records_file(const model::Records& records, const std::string& committee, int year) {
  FileWriter w(committee, year);
  model::for_each_kind([&]<class R>(std::type_identity<R>) {
    for (const auto& rec : model::all_of<R>(records)) w.add(rec);
  });
  return w.finish();
}

}  // namespace wenshu::ingest
