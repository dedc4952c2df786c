// Field access, and reading one record element into its model record as the kind's descriptor
// says (schemas/records.xsd → model/records.h; model/record_kinds.h).
#include "ingest/records_extract.h"

#include <algorithm>
#include <charconv>
#include <string_view>
#include <type_traits>
#include <unordered_map>

#include <fmt/format.h>

#include "ingest/xml_node.h"

namespace wenshu::ingest {

namespace {

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// XML whitespace trimmed at both ends and collapsed to one space inside (xs:token).
std::string collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (is_xml_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_xml_space(s[b])) ++b;
  while (e > b && is_xml_space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

bool has_name(const xmlNode* n, const char* name) { return local_name(n) == name; }

}  // namespace

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

core::SourceLocation Fields::loc(const xmlNode* n) const { return node_location(n, file_); }

std::string Fields::line(const xmlNode* n, const char* attr) const {
  auto v = attribute(n, attr);
  return v ? collapse(*v) : std::string();
}

const xmlNode* Fields::child(const xmlNode* n, const char* name) const {
  for (const xmlNode* c = first_element(n); c; c = next_element(c))
    if (has_name(c, name)) return c;
  return nullptr;
}

std::vector<const xmlNode*> Fields::children(const xmlNode* n, const char* name) const {
  std::vector<const xmlNode*> out;
  for (const xmlNode* c = first_element(n); c; c = next_element(c))
    if (has_name(c, name)) out.push_back(c);
  return out;
}

std::string Fields::prose(const xmlNode* n, const char* name) const {
  const xmlNode* c = child(n, name);
  return c ? trim(text_content(c)) : std::string();
}

std::vector<std::string> Fields::lines(const xmlNode* n, const char* name) const {
  std::vector<std::string> out;
  for (const xmlNode* c : children(n, name)) out.push_back(collapse(text_content(c)));
  return out;
}

std::vector<std::string> Fields::ids(const xmlNode* n, const char* attr) const {
  std::vector<std::string> out;
  const std::string v = line(n, attr);
  std::size_t pos = 0;
  while (pos < v.size()) {
    std::size_t end = v.find(' ', pos);
    if (end == std::string::npos) end = v.size();
    if (end > pos) out.push_back(v.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

void Fields::bad_value(const xmlNode* n, const char* attr, const std::string& value, const std::string& expected) const {
  core::Diagnostic d;
  d.rule = "XML-SCHEMA";
  d.location = loc(n);
  d.record_id = line(n, "id");
  d.message = fmt::format("元素 {} 的属性 {}: 取值 '{}' 无效，应为 {} / invalid value", local_name(n), attr, value,
                          expected);
  sink_.push(std::move(d));
}

std::optional<core::Date> Fields::date(const xmlNode* n, const char* attr) const {
  const std::string v = line(n, attr);
  if (v.empty()) return std::nullopt;
  if (auto d = core::parse_date(v)) return d;
  bad_value(n, attr, v, "真实存在的日期 YYYY-MM-DD");
  return std::nullopt;
}

std::optional<core::DateTime> Fields::datetime(const xmlNode* n, const char* attr) const {
  const std::string v = line(n, attr);
  if (v.empty()) return std::nullopt;
  if (auto d = core::parse_datetime(v)) return d;
  bad_value(n, attr, v, "YYYY-MM-DDThh:mm");
  return std::nullopt;
}

std::optional<bool> Fields::maybe_flag(const xmlNode* n, const char* attr) const {
  const std::string v = line(n, attr);
  if (v.empty()) return std::nullopt;
  if (v == "true" || v == "1") return true;
  if (v == "false" || v == "0") return false;
  bad_value(n, attr, v, "true 或 false");
  return std::nullopt;
}

bool Fields::flag(const xmlNode* n, const char* attr, bool fallback) const {
  return maybe_flag(n, attr).value_or(fallback);
}

int Fields::integer(const xmlNode* n, const char* attr, int fallback) const {
  const std::string v = line(n, attr);
  if (v.empty()) return fallback;
  int out = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec == std::errc() && p == v.data() + v.size()) return out;
  bad_value(n, attr, v, "整数");
  return fallback;
}

std::vector<int> Fields::integers(const xmlNode* n, const char* attr) const {
  std::vector<int> out;
  for (const auto& v : ids(n, attr)) {
    int x = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
    if (ec == std::errc() && p == v.data() + v.size()) out.push_back(x);
    else bad_value(n, attr, v, "整数");
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading a record as its descriptor says
// ---------------------------------------------------------------------------------------------

namespace {

/// Fills the fields of a record or of one of its parts from element `n` (model/record_kinds.h
/// lists what each call means).
class ReadVisitor {
 public:
  ReadVisitor(const Fields& f, const xmlNode* n) : f_(f), n_(n) {}

  void line(const char* name, std::string& v, model::Out = {}) { v = f_.line(n_, name); }
  void key(const char* name, std::string& v, const std::string& fallback, model::Out = {}) {
    v = f_.line(n_, name);
    if (v.empty()) v = fallback;
  }
  void prose(const char* name, std::string& v, model::Out = {}) { v = f_.prose(n_, name); }
  void lines(const char* name, std::vector<std::string>& v, model::Out = {}) { v = f_.lines(n_, name); }
  void own_text(std::string& v, model::Out = {}) { v = trim(text_content(n_)); }
  void date(const char* name, std::optional<core::Date>& v, model::Out = {}) { v = f_.date(n_, name); }
  void datetime(const char* name, std::optional<core::DateTime>& v, model::Out = {}) { v = f_.datetime(n_, name); }
  void flag(const char* name, bool& v, bool fallback, model::Out = {}) { v = f_.flag(n_, name, fallback); }
  void maybe_flag(const char* name, std::optional<bool>& v, model::Out = {}) { v = f_.maybe_flag(n_, name); }
  void integer(const char* name, int& v, int fallback, model::Out = {}) { v = f_.integer(n_, name, fallback); }
  void integers(const char* name, std::vector<int>& v, model::Out = {}) { v = f_.integers(n_, name); }
  void year(const char* name, int& v, const std::optional<core::Date>* date, model::Out = {}) {
    v = f_.integer(n_, name, date != nullptr && *date ? (*date)->year : f_.default_year());
  }
  template <class E>
  void term(const char* name, E& v, E fallback, model::Out = {}) {
    v = f_.term_or(n_, name, fallback);
  }
  template <class E>
  void term(const char* name, std::optional<E>& v, model::Out = {}) {
    v = f_.term<E>(n_, name);
  }
  template <class E>
  void terms(const char* name, std::vector<E>& v, model::Out = {}) {
    v = f_.terms<E>(n_, name);
  }
  void person(const char* name, std::string& v, model::Out = {}) { v = f_.line(n_, name); }
  void persons(const char* name, std::vector<std::string>& v, model::Out = {}) { v = f_.ids(n_, name); }
  template <class... Kinds>
  void ref(const char* name, std::string& v, model::RefTo<Kinds...>, model::Out = {}) {
    v = f_.line(n_, name);
  }
  template <class... Kinds>
  void refs(const char* name, std::vector<std::string>& v, model::RefTo<Kinds...>, model::Out = {}) {
    v = f_.ids(n_, name);
  }
  template <class C>
  void children(const char* name, std::vector<C>& v, model::Out = {}) {
    for (const xmlNode* c : f_.children(n_, name)) {
      C part;
      ReadVisitor sub(f_, c);
      model::describe(sub, part);
      v.push_back(std::move(part));
    }
  }
  template <class C>
  void child(const char* name, std::optional<C>& v, model::Out = {}) {
    if (const xmlNode* c = f_.child(n_, name)) {
      C part;
      ReadVisitor sub(f_, c);
      model::describe(sub, part);
      v = std::move(part);
    }
  }
  void location(core::SourceLocation& l) { l = f_.loc(n_); }

 private:
  const Fields& f_;
  const xmlNode* n_;
};

template <class R>
void extract(const Fields& f, const xmlNode* n, model::Records& out) {
  R r;
  if constexpr (std::is_same_v<R, model::Committee>) {
    r.id = f.line(n, "id");
    r.location = f.loc(n);
    r.committee = r.id;  // a committee belongs to itself
  } else {
    f.base(n, r);
  }
  ReadVisitor v(f, n);
  model::describe(v, r);
  model::all_of<R>(out).push_back(std::move(r));
}

/// Collects the person and record ids a record element mentions, whatever their form.
class SalvageVisitor : public model::SkipFields {
 public:
  SalvageVisitor(const Fields& f, const xmlNode* n, std::vector<std::string>& out) : f_(f), n_(n), out_(out) {}
  template <class... Args>
  void person(const char* name, Args&&...) {
    add(f_.line(n_, name));
  }
  template <class... Args>
  void persons(const char* name, Args&&...) {
    for (auto& id : f_.ids(n_, name)) add(std::move(id));
  }
  template <class... Args>
  void ref(const char* name, Args&&...) {
    add(f_.line(n_, name));
  }
  template <class... Args>
  void refs(const char* name, Args&&...) {
    for (auto& id : f_.ids(n_, name)) add(std::move(id));
  }
  template <class C, class... Args>
  void children(const char* name, std::vector<C>&, Args&&...) {
    for (const xmlNode* c : f_.children(n_, name)) {
      C part;
      SalvageVisitor sub(f_, c, out_);
      model::describe(sub, part);
    }
  }
  template <class C, class... Args>
  void child(const char* name, std::optional<C>&, Args&&...) {
    if (const xmlNode* c = f_.child(n_, name)) {
      C part;
      SalvageVisitor sub(f_, c, out_);
      model::describe(sub, part);
    }
  }

 private:
  void add(std::string id) {
    if (!id.empty()) out_.push_back(std::move(id));
  }
  const Fields& f_;
  const xmlNode* n_;
  std::vector<std::string>& out_;
};

/// The last line of an element (of its last descendant).
int last_line_of(const xmlNode* n, int first) {
  int line = first;
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const auto l = node_location(c, "");
    line = std::max(line, last_line_of(c, l.line));
  }
  return line;
}

}  // namespace

DroppedRecord salvage(const Fields& f, const xmlNode* n) {
  DroppedRecord d;
  d.kind = std::string(local_name(n));
  d.id = f.line(n, "id");
  d.committee = f.line(n, "committee");
  if (d.committee.empty()) d.committee = d.kind == "committee" ? d.id : f.default_committee();
  d.location = f.loc(n);
  d.last_line = last_line_of(n, d.location.line);
  model::for_each_kind([&]<class R>(std::type_identity<R>) {
    if (model::Kind<R>::element != d.kind) return;
    R scratch;
    SalvageVisitor v(f, n, d.mentions);
    model::describe(v, scratch);
  });
  return d;
}

bool extract_record(const Fields& f, const xmlNode* n, model::Records& out) {
  using Fn = void (*)(const Fields&, const xmlNode*, model::Records&);
  static const std::unordered_map<std::string_view, Fn> kExtractors = [] {
    std::unordered_map<std::string_view, Fn> m;
    model::for_each_kind([&]<class R>(std::type_identity<R>) { m.emplace(model::Kind<R>::element, &extract<R>); });
    return m;
  }();
  auto it = kExtractors.find(local_name(n));
  if (it == kExtractors.end()) return false;
  it->second(f, n, out);
  return true;
}

}  // namespace wenshu::ingest
