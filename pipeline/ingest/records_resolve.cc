// Resolving ids over a whole set of records files: duplicates (XML-DUPLICATE) and references
// to records that do not exist (XML-REF). What a field may refer to comes from the kind's
// descriptor (model/record_kinds.h): a person reference must name the `person` of some member
// (of any committee: a city leader guides a county's 民主生活会), a meeting reference a
// meeting, and so on.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/date.h"
#include "ingest/records_reader.h"

namespace wenshu::ingest {

namespace {

using IdSet = std::unordered_set<std::string_view>;

std::string where(const core::SourceLocation& l) {
  if (l.line > 0) return fmt::format("{}:{}", l.file, l.line);
  return l.file;
}

core::Diagnostic finding(const char* rule, const core::SourceLocation& at, const std::string& record,
                         const std::string& committee, std::string message) {
  core::Diagnostic d;
  d.rule = rule;
  d.location = at;
  d.record_id = record;
  d.committee = committee;
  d.message = std::move(message);
  return d;
}

/// The ids of every kind that something refers to, built when first asked for.
class IdSets {
 public:
  explicit IdSets(const model::Records& r) : r_(r) {}
  template <class R>
  const IdSet& of() {
    auto& slot = std::get<Slot<R>>(sets_).set;
    if (!slot) {
      slot.emplace();
      slot->reserve(model::all_of<R>(r_).size());
      for (const auto& rec : model::all_of<R>(r_))
        if (!rec.id.empty()) slot->insert(rec.id);
    }
    return *slot;
  }
  const IdSet& persons() {
    if (!persons_) {
      persons_.emplace();
      for (const auto& m : r_.members) persons_->insert(m.person);
    }
    return *persons_;
  }

 private:
  template <class R>
  struct Slot {  // one per kind, so std::get can tell them apart
    std::optional<IdSet> set;
  };
  template <class... Kinds>
  static std::tuple<Slot<Kinds>...> slots_for(model::KindList<Kinds...>);

  const model::Records& r_;
  decltype(slots_for(model::RecordKinds{})) sets_;
  std::optional<IdSet> persons_;
};

/// Checks the references of one record, field by field as its descriptor names them. Fields
/// of parts are reported as "part/field" (participant/person, approval/approver …).
template <class Rec>
class RefVisitor : public model::SkipFields {
 public:
  RefVisitor(const Rec& rec, IdSets& ids, std::vector<IdSets>& others, core::DiagnosticSink& sink,
             const std::unordered_set<std::string>& tolerated, std::string prefix = {})
      : rec_(rec), ids_(ids), others_(others), sink_(sink), tolerated_(tolerated), prefix_(std::move(prefix)) {}

  void person(const char* name, const std::string& v, model::Out = {}) {
    if (v.empty() || ids_.persons().count(v) || tolerated_.count(v)) return;
    for (auto& other : others_)
      if (other.persons().count(v)) return;  // a person of another year read in the same run
    report(name, v, "人员", ids_.persons().empty());
  }
  void persons(const char* name, const std::vector<std::string>& v, model::Out = {}) {
    for (const auto& p : v) person(name, p);
  }
  template <class... Kinds>
  void ref(const char* name, const std::string& v, model::RefTo<Kinds...> to, model::Out = {}) {
    if (v.empty() || tolerated_.count(v) || (ids_.template of<Kinds>().count(v) || ...)) return;
    for (auto& other : others_)
      if ((other.template of<Kinds>().count(v) || ...)) return;  // a record of another year
    const bool none = (ids_.template of<Kinds>().empty() && ...);
    report(name, v, model::labels_of(to), none);
  }
  template <class... Kinds>
  void refs(const char* name, const std::vector<std::string>& v, model::RefTo<Kinds...> to, model::Out = {}) {
    for (const auto& id : v) ref(name, id, to);
  }
  template <class C>
  void children(const char* name, const std::vector<C>& v, model::Out = {}) {
    RefVisitor sub(rec_, ids_, others_, sink_, tolerated_, prefix_ + name + "/");
    for (const auto& part : v) model::describe(sub, part);
  }
  template <class C>
  void child(const char* name, const std::optional<C>& v, model::Out = {}) {
    if (!v) return;
    RefVisitor sub(rec_, ids_, others_, sink_, tolerated_, prefix_ + name + "/");
    model::describe(sub, *v);
  }
  // Fields that refer to nothing.

 private:
  void report(const char* name, const std::string& v, const std::string& what, bool none_loaded) {
    auto d = finding("XML-REF", rec_.location, rec_.id, rec_.committee,
                     fmt::format("引用的{} '{}' 不存在（属性 {}{}）/ dangling reference", what, v, prefix_, name));
    if (none_loaded) d.hints.push_back(fmt::format("读入的文件中没有任何{}记录：是否漏了某个文件或文件夹？", what));
    sink_.push(std::move(d));
  }

  const Rec& rec_;
  IdSets& ids_;
  std::vector<IdSets>& others_;
  core::DiagnosticSink& sink_;
  const std::unordered_set<std::string>& tolerated_;
  std::string prefix_;
};

/// Finds the pairs of dates a record states in an order that cannot be: an end before its start
/// (start/end, term-start/term-end), in the record and in each of its parts.
class DateOrder : public model::SkipFields {
 public:
  struct Pair {
    std::string field;
    core::Date start, end;
  };
  explicit DateOrder(std::vector<Pair>& out, std::string prefix = {}) : out_(out), prefix_(std::move(prefix)) {}
  template <class... Args>
  void date(const char* name, const std::optional<core::Date>& d, Args&&...) {
    const std::string_view n(name);
    if (!d) return;
    if (n == "start" || n == "term-start") start_[n == "start" ? "" : "term-"] = *d;
    if (n == "end" || n == "term-end") {
      const std::string key = n == "end" ? "" : "term-";
      if (auto it = start_.find(key); it != start_.end() && *d < it->second)
        out_.push_back({prefix_ + key + "start/" + key + "end", it->second, *d});
    }
  }
  template <class C, class... Args>
  void children(const char* name, const std::vector<C>& v, Args&&...) {
    for (const auto& part : v) {
      DateOrder sub(out_, prefix_ + name + "/");
      model::describe(sub, part);
    }
  }
  template <class C, class... Args>
  void child(const char* name, const std::optional<C>& v, Args&&...) {
    if (!v) return;
    DateOrder sub(out_, prefix_ + name + "/");
    model::describe(sub, *v);
  }

 private:
  std::vector<Pair>& out_;
  std::string prefix_;
  std::map<std::string, core::Date> start_;
};

class Resolver {
 public:
  Resolver(const model::Records& r, core::DiagnosticSink& sink, const std::unordered_set<std::string>& tolerated,
           const std::vector<const model::Records*>& other_years)
      : r_(r), sink_(sink), tolerated_(tolerated), ids_(r) {
    for (const auto* o : other_years) others_.emplace_back(*o);
  }

  void run() {
    model::for_each_kind([&]<class R>(std::type_identity<R>) { duplicates<R>(); });
    parents();
    members();
    model::for_each_kind([&]<class R>(std::type_identity<R>) {
      if constexpr (!std::is_same_v<R, model::Committee> && !std::is_same_v<R, model::Member>)
        for (const auto& rec : model::all_of<R>(r_)) references(rec);
    });
  }

 private:
  template <class R>
  void duplicates();
  void parents();
  void members();
  template <class R>
  void committee(const R& rec);
  template <class R>
  void references(const R& rec) {
    committee(rec);
    RefVisitor<R> v(rec, ids_, others_, sink_, tolerated_);
    model::describe(v, rec);
    dates(rec);
  }
  template <class R>
  void dates(const R& rec) {
    std::vector<DateOrder::Pair> wrong;
    DateOrder v(wrong);
    model::describe(v, rec);
    for (const auto& p : wrong)
      sink_.push(finding("XML-DATE", rec.location, rec.id, rec.committee,
                         fmt::format("{}记录 {} 的结束日期 {} 早于开始日期 {}（属性 {}）/ ends before it starts",
                                     model::Kind<R>::label, rec.id, core::format_date(p.end),
                                     core::format_date(p.start), p.field)));
  }
  void overlap(const model::Member& earlier, const model::Member& later);

  const model::Records& r_;
  core::DiagnosticSink& sink_;
  const std::unordered_set<std::string>& tolerated_;
  IdSets ids_;
  std::vector<IdSets> others_;
};

template <class R>
void Resolver::duplicates() {
  const auto& v = model::all_of<R>(r_);
  const std::string kind(model::Kind<R>::label);
  std::unordered_map<std::string_view, const R*> first;
  first.reserve(v.size());
  for (const auto& rec : v) {
    if (rec.id.empty()) continue;
    auto [it, fresh] = first.emplace(rec.id, &rec);
    if (fresh) continue;
    std::string message = fmt::format("{}编号 '{}' 重复 / duplicate {} id", kind, rec.id, kind);
    if constexpr (std::is_same_v<R, model::Committee>)
      if (rec.name != it->second->name)
        message = fmt::format("两个委员会使用同一编号 '{}'：“{}”与“{}” / two committees claim one id", rec.id,
                              it->second->name, rec.name);
    auto d = finding("XML-DUPLICATE", rec.location, rec.id, rec.committee, std::move(message));
    d.hints.push_back("首次出现于 " + where(it->second->location));
    sink_.push(std::move(d));
  }
}

void Resolver::parents() {
  const IdSet& committees = ids_.of<model::Committee>();
  for (const auto& c : r_.committees) {
    if (c.parent.empty() || committees.count(c.parent) || tolerated_.count(c.parent)) continue;
    auto d = finding("XML-REF", c.location, c.id, c.id,
                     fmt::format("上级委员会 '{}' 不在读入的记录中（属性 parent）/ parent committee not loaded", c.parent));
    d.severity = core::Severity::kWarning;
    d.hints.push_back("与上级有关的规则（请假审批、民主生活会指导等）需要同时读入上级委员会的记录");
    sink_.push(std::move(d));
  }
}

template <class R>
void Resolver::committee(const R& rec) {
  if (rec.committee.empty()) {
    auto d = finding("XML-REF", rec.location, rec.id, "", "记录未指明所属委员会 / record names no committee");
    d.hints.push_back("在 <records committee=\"…\"> 或记录自身的 committee 属性中写明委员会编号");
    sink_.push(std::move(d));
    return;
  }
  if (ids_.of<model::Committee>().count(rec.committee) || tolerated_.count(rec.committee)) return;
  const bool none = ids_.of<model::Committee>().empty();
  auto d = finding("XML-REF", rec.location, rec.id, rec.committee,
                   fmt::format("引用的委员会 '{}' 不存在（属性 committee）/ dangling reference", rec.committee));
  if (none) d.hints.push_back("读入的文件中没有任何委员会记录：是否漏了某个文件或文件夹？");
  sink_.push(std::move(d));
}

std::string term_text(const model::Member& m) {
  return fmt::format("{}至{}", m.term_start ? core::format_date(*m.term_start) : "年初",
                     m.term_end ? core::format_date(*m.term_end) : "年末");
}

/// Whether two terms share a day (an open end reaches to the start or end of the year).
bool overlaps(const model::Member& a, const model::Member& b) {
  const bool a_before_b = a.term_end && b.term_start && *a.term_end < *b.term_start;
  const bool b_before_a = b.term_end && a.term_start && *b.term_end < *a.term_start;
  return !a_before_b && !b_before_a;
}

void Resolver::overlap(const model::Member& earlier, const model::Member& later) {
  const bool terms = earlier.term_start || earlier.term_end || later.term_start || later.term_end;
  auto d = finding("XML-DUPLICATE", later.location, later.id, later.committee,
                   terms ? fmt::format("人员 '{}' 在委员会 '{}' 中的两条成员记录任期重叠（{}、{}）/ terms overlap",
                                       later.person, later.committee, term_text(earlier), term_text(later))
                         : fmt::format("人员 '{}' 在委员会 '{}' 中重复列出 / person listed twice in one committee",
                                       later.person, later.committee));
  d.hints.push_back("首次出现于 " + where(earlier.location));
  if (!terms) d.hints.push_back("职务在年内变动的，每个职务写一条成员记录，并用 term-start、term-end 写明任期");
  sink_.push(std::move(d));
}

void Resolver::members() {
  // One person may sit in several committees, and in one committee hold posts one after the
  // other (one member record per post), but never two at the same time.
  std::unordered_map<std::string, std::vector<const model::Member*>> seen;
  for (const auto& m : r_.members) {
    references(m);
    auto& earlier = seen[m.committee + '\n' + m.person];
    for (const auto* e : earlier)
      if (overlaps(*e, m)) {
        overlap(*e, m);
        break;
      }
    earlier.push_back(&m);
  }
}

}  // namespace

void resolve_references(const model::Records& records, core::DiagnosticSink& sink,
                        const std::unordered_set<std::string>& tolerated,
                        const std::vector<const model::Records*>& other_years) {
  Resolver(records, sink, tolerated, other_years).run();
}

}  // namespace wenshu::ingest
