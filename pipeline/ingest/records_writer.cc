// The records writer on the one XML writer (xml/writer.h, see records_writer.h): one pass for
// the attributes of an element, one for its child elements, as schemas/records.xsd orders them.
#include "ingest/records_writer.h"

#include <type_traits>

#include "core/date.h"
#include "ingest/records_reader.h"
#include "xml/writer.h"

namespace wenshu::ingest {

namespace {

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

class AttributePass : public model::SkipFields {
 public:
  explicit AttributePass(xml::Writer& w) : w_(w) {}
  void attr(const char* name, const std::string& v) {
    if (!v.empty()) w_.attr(name, v);
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

 private:
  xml::Writer& w_;
};

template <class Part>
void write_part(xml::Writer& w, const char* tag, const Part& part);

class ChildPass : public model::SkipFields {
 public:
  explicit ChildPass(xml::Writer& w) : w_(w) {}
  void prose(const char* name, const std::string& v, model::Out = {}) {
    if (!v.empty()) w_.leaf(name, v);
  }
  void lines(const char* name, const std::vector<std::string>& v, model::Out = {}) {
    for (const auto& s : v) w_.open(name).text(s).close();  // an empty line stays <name></name>
  }
  void own_text(const std::string& v, model::Out = {}) { w_.text(v); }
  template <class C>
  void children(const char* name, const std::vector<C>& v, model::Out = {}) {
    for (const auto& part : v) write_part(w_, name, part);
  }
  template <class C>
  void child(const char* name, const std::optional<C>& v, model::Out = {}) {
    if (v) write_part(w_, name, *v);
  }
  // Attributes (AttributePass).

 private:
  xml::Writer& w_;
};

template <class Part>
void write_fields(xml::Writer& w, const Part& part) {
  AttributePass attributes(w);
  model::describe(attributes, part);
  ChildPass children(w);
  model::describe(children, part);
}

template <class Part>
void write_part(xml::Writer& w, const char* tag, const Part& part) {
  w.open(tag);
  write_fields(w, part);
  w.close();
}

/// One file being written.
class FileWriter {
 public:
  FileWriter(const std::string& committee, int year) : committee_(committee) {
    w_.open("records").attr("version", "1");
    if (!committee.empty()) w_.attr("committee", committee);
    if (year != 0) w_.attr("year", std::to_string(year));
    w_.attr("xmlns", kRecordsNamespace);
  }

  template <class R>
  void add(const R& record) {
    w_.open(std::string(model::Kind<R>::element)).attr("id", record.id);
    // A committee belongs to itself; other records name theirs when it is not the file's.
    if constexpr (!std::is_same_v<R, model::Committee>)
      if (!record.committee.empty() && record.committee != committee_) w_.attr("committee", record.committee);
    write_fields(w_, record);
    w_.close();
  }

  std::string finish() {
    w_.close();  // </records>
    return w_.take();
  }

 private:
  std::string committee_;
  xml::Writer w_;
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
