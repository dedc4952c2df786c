// Turning the elements of one records file into model records (internal to the records
// reader), field by field as model/record_kinds.h describes each kind. The schema has already checked the form; the extractor still never trusts it: a
// value it cannot convert becomes an XML-SCHEMA error at the attribute's element, and the
// field keeps its default.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>

#include "core/date.h"
#include "core/diagnostic.h"
#include "ingest/records_reader.h"
#include "model/records.h"

namespace wenshu::ingest {

/// Field access for the records of one file: locations, attributes with the file's defaults,
/// conversions to dates, numbers and enum terms with error reporting.
class Fields {
 public:
  Fields(std::string file, core::DiagnosticSink& sink, std::string default_committee, int default_year)
      : file_(std::move(file)), sink_(sink), committee_(std::move(default_committee)), year_(default_year) {}

  /// id, location and committee of any record (committee: its attribute, else the file's).
  template <class R>
  void base(const xmlNode* n, R& r) const {
    r.id = line(n, "id");
    r.location = loc(n);
    r.committee = line(n, "committee");
    if (r.committee.empty()) r.committee = committee_;
  }

  core::SourceLocation loc(const xmlNode* n) const;
  int default_year() const { return year_; }
  const std::string& default_committee() const { return committee_; }
  const std::string& file() const { return file_; }

  /// A one-line attribute, whitespace collapsed ("" when absent).
  std::string line(const xmlNode* n, const char* attr) const;
  /// The text of the first child element `child`, trimmed ("" when absent).
  std::string prose(const xmlNode* n, const char* child) const;
  /// The collapsed text of every child element `child`, in order.
  std::vector<std::string> lines(const xmlNode* n, const char* child) const;
  /// Every child element `child`, in order.
  std::vector<const xmlNode*> children(const xmlNode* n, const char* child) const;
  /// The first child element `child`, or nullptr.
  const xmlNode* child(const xmlNode* n, const char* child) const;
  /// A space-separated list attribute.
  std::vector<std::string> ids(const xmlNode* n, const char* attr) const;

  std::optional<core::Date> date(const xmlNode* n, const char* attr) const;
  std::optional<core::DateTime> datetime(const xmlNode* n, const char* attr) const;
  bool flag(const xmlNode* n, const char* attr, bool fallback) const;
  std::optional<bool> maybe_flag(const xmlNode* n, const char* attr) const;
  int integer(const xmlNode* n, const char* attr, int fallback) const;
  /// A list of integers (ZZ circumstances).
  std::vector<int> integers(const xmlNode* n, const char* attr) const;

  /// An enum attribute written as one of its Chinese terms; nullopt when absent or unknown
  /// (unknown is reported).
  template <class E>
  std::optional<E> term(const xmlNode* n, const char* attr) const {
    const std::string v = line(n, attr);
    if (v.empty()) return std::nullopt;
    if (auto e = model::parse_term<E>(v)) return e;
    bad_value(n, attr, v, allowed<E>());
    return std::nullopt;
  }
  template <class E>
  E term_or(const xmlNode* n, const char* attr, E fallback) const {
    return term<E>(n, attr).value_or(fallback);
  }
  /// A space-separated list of enum terms; unknown terms are reported and left out.
  template <class E>
  std::vector<E> terms(const xmlNode* n, const char* attr) const {
    std::vector<E> out;
    for (const auto& v : ids(n, attr)) {
      if (auto e = model::parse_term<E>(v)) out.push_back(*e);
      else bad_value(n, attr, v, allowed<E>());
    }
    return out;
  }

 private:
  template <class E>
  static std::string allowed() {
    std::string out;
    for (const auto& t : model::terms<E>()) out += (out.empty() ? "" : "、") + std::string(t.text);
    return out;
  }
  void bad_value(const xmlNode* n, const char* attr, const std::string& value, const std::string& expected) const;

  std::string file_;
  core::DiagnosticSink& sink_;
  std::string committee_;
  int year_;
};

/// Extracts the record element `n` (a child of <records>) into `out`, as its kind's descriptor
/// says (model/record_kinds.h). Returns false when the element is not a record kind.
bool extract_record(const Fields& f, const xmlNode* n, model::Records& out);

/// What can still be read of a record element that broke the schema: its kind, id, committee,
/// place, and the person and record ids it mentions (raw, unchecked).
DroppedRecord salvage(const Fields& f, const xmlNode* n);

}  // namespace wenshu::ingest
