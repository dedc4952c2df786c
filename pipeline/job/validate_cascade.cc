// Finding the cause of a follow-on finding (see validate_cascade.h). A rule finding follows from
//   - a record left out for a schema error, when the rule reads that kind of record
//     (rules::rule_reads) in the same committee and year, and the finding is about the committee
//     as a whole, about a record or person the left-out record mentions, or about a record that
//     mentions it;
//   - a file that could not be read, of the same committee and year (or of unknown ones);
//   - a dangling reference (XML-REF) of the record the finding is about.
// A dangling person reference follows from a parent committee not given, in a county whose
// parent is missing (the people it names are likely the parent's).
#include "job/validate_cascade.h"

#include <map>
#include <optional>
#include <string>
#include <tuple>

#include <fmt/format.h>

#include "rules/catalogue.h"

namespace wenshu::job {
namespace {

using Key = std::tuple<std::string, int, std::string>;  // committee, year, record or person id

std::string where(const core::Diagnostic& d) {
  return d.location.line > 0 ? fmt::format("{}:{}", d.location.file, d.location.line) : d.location.file;
}

bool is_stage(const std::string& rule) { return rule.rfind("XML-", 0) == 0 || rule == "MEMBER-TERM"; }

bool reads(const std::string& rule, const std::string& kind) {
  const std::string_view kinds = rules::rule_reads(rule);
  for (std::size_t pos = 0; pos < kinds.size();) {
    std::size_t end = kinds.find(' ', pos);
    if (end == std::string_view::npos) end = kinds.size();
    if (kinds.substr(pos, end - pos) == kind) return true;
    pos = end + 1;
  }
  return false;
}

/// The person and record ids a record mentions (its descriptor's person and ref fields).
class Mentions : public model::SkipFields {
 public:
  explicit Mentions(std::vector<std::string>& out) : out_(out) {}
  template <class... Args>
  void person(const char*, const std::string& v, Args&&...) {
    add(v);
  }
  template <class... Args>
  void persons(const char*, const std::vector<std::string>& v, Args&&...) {
    for (const auto& s : v) add(s);
  }
  template <class... Args>
  void ref(const char*, const std::string& v, Args&&...) {
    add(v);
  }
  template <class... Args>
  void refs(const char*, const std::vector<std::string>& v, Args&&...) {
    for (const auto& s : v) add(s);
  }
  template <class C, class... Args>
  void children(const char*, const std::vector<C>& v, Args&&...) {
    for (const auto& part : v) model::describe(*this, part);
  }
  template <class C, class... Args>
  void child(const char*, const std::optional<C>& v, Args&&...) {
    if (v) model::describe(*this, *v);
  }
  template <class... Args>
  void key(const char*, const std::string& v, Args&&...) {
    add(v);  // a member's person: findings about the member record name its person too
  }

 private:
  void add(const std::string& v) {
    if (!v.empty()) out_.push_back(v);
  }
  std::vector<std::string>& out_;
};

/// What every record of the committees with left-out records mentions, by record id.
std::map<Key, std::vector<std::string>> mentions_of_records(const ingest::RecordsRead& read) {
  std::map<std::pair<std::string, int>, bool> wanted;
  for (const auto& d : read.dropped) wanted[{d.committee, d.year}] = true;
  std::map<Key, std::vector<std::string>> out;
  if (wanted.empty()) return out;
  for (const auto& year : read.years)
    model::for_each_kind([&]<class R>(std::type_identity<R>) {
      for (const auto& r : model::all_of<R>(year)) {
        if (!wanted.count({r.committee, year.year})) continue;
        auto& list = out[{r.committee, year.year, r.id}];
        Mentions m(list);
        model::describe(m, r);
      }
    });
  return out;
}

class Linker {
 public:
  Linker(const ingest::RecordsRead& read, const std::vector<core::Diagnostic>& items)
      : read_(read), items_(items), mentions_(mentions_of_records(read)) {
    find_causes();
  }
  /// The index of the cause of items[i] and the words naming it, or nullopt.
  std::optional<std::pair<std::size_t, std::string>> cause_of(std::size_t i) const;
  /// An unread file of the finding's committee and year, as its cause.
  std::optional<std::pair<std::size_t, std::string>> unread_cause(const core::Diagnostic& f) const;

 private:
  void find_causes();
  std::optional<std::size_t> first_in(const std::string& file, int from, int to) const;
  bool related(const ingest::DroppedRecord& x, const core::Diagnostic& f) const;

  const ingest::RecordsRead& read_;
  const std::vector<core::Diagnostic>& items_;
  std::map<Key, std::vector<std::string>> mentions_;
  std::vector<std::optional<std::size_t>> dropped_cause_, unread_cause_;
  std::map<Key, std::size_t> dangling_;                             // XML-REF errors by record
  std::map<std::pair<std::string, int>, std::size_t> no_parent_;  // parent-missing warnings
};

std::optional<std::size_t> Linker::first_in(const std::string& file, int from, int to) const {
  for (std::size_t i = 0; i < items_.size(); ++i) {
    const auto& d = items_[i];
    if (d.location.file == file && d.location.line >= from && d.location.line <= to && is_stage(d.rule) &&
        d.severity == core::Severity::kError)
      return i;
  }
  return std::nullopt;
}

void Linker::find_causes() {
  for (const auto& x : read_.dropped)
    dropped_cause_.push_back(first_in(x.location.file, x.location.line, std::max(x.last_line, x.location.line)));
  for (const auto& u : read_.unread) unread_cause_.push_back(first_in(u.path.string(), 0, 1 << 30));
  for (std::size_t i = 0; i < items_.size(); ++i) {
    const auto& d = items_[i];
    if (d.rule != "XML-REF" || d.record_id.empty()) continue;
    if (d.severity == core::Severity::kError) dangling_.try_emplace({d.committee, d.year, d.record_id}, i);
    if (d.severity == core::Severity::kWarning && d.record_id == d.committee)
      no_parent_.try_emplace({d.committee, d.year}, i);  // 上级委员会不在读入的记录中
  }
}

bool Linker::related(const ingest::DroppedRecord& x, const core::Diagnostic& f) const {
  if (x.committee != f.committee || x.year != f.year || !reads(f.rule, x.kind)) return false;
  if (f.record_id == f.committee) return true;  // about the committee as a whole (counts per period)
  for (const auto& m : x.mentions)
    if (m == f.record_id) return true;
  if (auto it = mentions_.find({f.committee, f.year, f.record_id}); it != mentions_.end()) {
    for (const auto& m : it->second)
      if (m == x.id) return true;
    // A finding about a member: the left-out record may name the member's person.
    for (const auto& m : it->second)
      for (const auto& xm : x.mentions)
        if (m == xm && reads(f.rule, "member")) return true;
  }
  return false;
}

std::optional<std::pair<std::size_t, std::string>> Linker::cause_of(std::size_t i) const {
  const auto& f = items_[i];
  if (f.severity == core::Severity::kNote || !f.due.empty()) return std::nullopt;
  if (f.rule == "XML-REF" && f.severity == core::Severity::kError &&
      f.message.find("引用的人员") != std::string::npos)
    if (auto it = no_parent_.find({f.committee, f.year}); it != no_parent_.end())
      return std::pair{it->second, std::string("可能因未读入上级委员会的记录所致（所引人员或属上级委员会）")};
  if (f.rule == "XML-REF" && f.severity == core::Severity::kError)
    if (auto u = unread_cause(f)) return u;  // the record referred to may be in the unread file
  if (is_stage(f.rule) || f.severity == core::Severity::kInfo) return std::nullopt;
  if (auto it = dangling_.find({f.committee, f.year, f.record_id}); it != dangling_.end())
    return std::pair{it->second, fmt::format("可能因本记录的引用无效所致（见 {}）", where(items_[it->second]))};
  for (std::size_t k = 0; k < read_.dropped.size(); ++k) {
    const auto& x = read_.dropped[k];
    if (!dropped_cause_[k] || !related(x, f)) continue;
    return std::pair{*dropped_cause_[k],
                     fmt::format("可能因{}记录 {}（{}:{}）格式错误未读入所致", model::kind_label(x.kind), x.id,
                                 x.location.file, x.location.line)};
  }
  return unread_cause(f);
}

std::optional<std::pair<std::size_t, std::string>> Linker::unread_cause(const core::Diagnostic& f) const {
  for (std::size_t k = 0; k < read_.unread.size(); ++k) {
    const auto& u = read_.unread[k];
    if (!unread_cause_[k] || (!u.committee.empty() && u.committee != f.committee) || (u.year != 0 && u.year != f.year))
      continue;
    return std::pair{*unread_cause_[k], fmt::format("可能因文件 {} 无法读取所致", u.path.string())};
  }
  return std::nullopt;
}

}  // namespace

void link_follow_ons(const ingest::RecordsRead& read, core::DiagnosticSink& diagnostics) {
  if (diagnostics.items().empty()) return;
  // Every cause is found on the findings as they came, before any is changed; then the
  // findings are taken out of the sink (no copy: a 1M-record run has tens of thousands).
  std::vector<std::optional<std::pair<std::size_t, std::string>>> causes(diagnostics.items().size());
  {
    const Linker linker(read, diagnostics.items());
    for (std::size_t i = 0; i < causes.size(); ++i) causes[i] = linker.cause_of(i);
  }
  std::vector<core::Diagnostic> items = diagnostics.take();
  std::vector<std::vector<std::size_t>> follow_ons(items.size());
  std::vector<bool> is_follow_on(items.size(), false);
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto& cause = causes[i];
    if (!cause || cause->first == i) continue;
    auto& f = items[i];
    const auto& c = items[cause->first];
    f.severity = core::Severity::kNote;
    f.caused_by = c.rule + " " + where(c);
    f.hints.insert(f.hints.begin(), std::move(cause->second));
    follow_ons[cause->first].push_back(i);
    is_follow_on[i] = true;
  }
  // Each cause, then what follows from it (a follow-on may itself be the cause of others).
  std::vector<core::Diagnostic> ordered;
  ordered.reserve(items.size());
  auto emit = [&](auto& self, std::size_t i) -> void {
    ordered.push_back(std::move(items[i]));
    for (std::size_t k : follow_ons[i]) self(self, k);
  };
  for (std::size_t i = 0; i < items.size(); ++i)
    if (!is_follow_on[i]) emit(emit, i);
  diagnostics.replace(std::move(ordered));
}

}  // namespace wenshu::job
