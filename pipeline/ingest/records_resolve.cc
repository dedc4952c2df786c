// Resolving ids over a whole set of records files: duplicates (XML-DUPLICATE) and references
// to records that do not exist (XML-REF). What a field may refer to comes from the kind's
// descriptor (model/record_kinds.h): a person reference must name the `person` of some member
// (of any committee: a city leader guides a county's 民主生活会), a meeting reference a
// meeting, and so on.
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

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
class RefVisitor {
 public:
  RefVisitor(const Rec& rec, IdSets& ids, core::DiagnosticSink& sink, const std::unordered_set<std::string>& tolerated,
             std::string prefix = {})
      : rec_(rec), ids_(ids), sink_(sink), tolerated_(tolerated), prefix_(std::move(prefix)) {}

  void person(const char* name, const std::string& v, model::Out = {}) { check(name, v, ids_.persons(), "人员"); }
  void persons(const char* name, const std::vector<std::string>& v, model::Out = {}) {
    for (const auto& p : v) person(name, p);
  }
  template <class... Kinds>
  void ref(const char* name, const std::string& v, model::RefTo<Kinds...> to, model::Out = {}) {
    if (v.empty() || tolerated_.count(v) || (ids_.template of<Kinds>().count(v) || ...)) return;
    const bool none = (ids_.template of<Kinds>().empty() && ...);
    report(name, v, model::labels_of(to), none);
  }
  template <class... Kinds>
  void refs(const char* name, const std::vector<std::string>& v, model::RefTo<Kinds...> to, model::Out = {}) {
    for (const auto& id : v) ref(name, id, to);
  }
  template <class C>
  void children(const char* name, const std::vector<C>& v, model::Out = {}) {
    RefVisitor sub(rec_, ids_, sink_, tolerated_, prefix_ + name + "/");
    for (const auto& part : v) model::describe(sub, part);
  }
  template <class C>
  void child(const char* name, const std::optional<C>& v, model::Out = {}) {
    if (!v) return;
    RefVisitor sub(rec_, ids_, sink_, tolerated_, prefix_ + name + "/");
    model::describe(sub, *v);
  }
  // Fields that refer to nothing.
  template <class... Args>
  void line(Args&&...) {}
  template <class... Args>
  void key(Args&&...) {}
  template <class... Args>
  void prose(Args&&...) {}
  template <class... Args>
  void lines(Args&&...) {}
  template <class... Args>
  void own_text(Args&&...) {}
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
  void location(Args&&...) {}

 private:
  void check(const char* name, const std::string& v, const IdSet& set, const char* what) {
    if (v.empty() || set.count(v) || tolerated_.count(v)) return;
    report(name, v, what, set.empty());
  }
  void report(const char* name, const std::string& v, const std::string& what, bool none_loaded) {
    auto d = finding("XML-REF", rec_.location, rec_.id, rec_.committee,
                     fmt::format("引用的{} '{}' 不存在（属性 {}{}）/ dangling reference", what, v, prefix_, name));
    if (none_loaded) d.hints.push_back(fmt::format("读入的文件中没有任何{}记录：是否漏了某个文件或文件夹？", what));
    sink_.push(std::move(d));
  }

  const Rec& rec_;
  IdSets& ids_;
  core::DiagnosticSink& sink_;
  const std::unordered_set<std::string>& tolerated_;
  std::string prefix_;
};

class Resolver {
 public:
  Resolver(const model::Records& r, core::DiagnosticSink& sink, const std::unordered_set<std::string>& tolerated)
      : r_(r), sink_(sink), tolerated_(tolerated), ids_(r) {}

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
    RefVisitor<R> v(rec, ids_, sink_, tolerated_);
    model::describe(v, rec);
  }

  const model::Records& r_;
  core::DiagnosticSink& sink_;
  const std::unordered_set<std::string>& tolerated_;
  IdSets ids_;
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
    auto d = finding("XML-DUPLICATE", rec.location, rec.id, rec.committee,
                     fmt::format("{}编号 '{}' 重复 / duplicate {} id", kind, rec.id, kind));
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

void Resolver::members() {
  // One person may sit in several committees, but only once in each.
  std::unordered_map<std::string, const model::Member*> seen;
  for (const auto& m : r_.members) {
    references(m);
    auto [it, fresh] = seen.emplace(m.committee + '\n' + m.person, &m);
    if (fresh) continue;
    auto d = finding("XML-DUPLICATE", m.location, m.id, m.committee,
                     fmt::format("人员 '{}' 在委员会 '{}' 中重复列出 / person listed twice in one committee", m.person,
                                 m.committee));
    d.hints.push_back("首次出现于 " + where(it->second->location));
    sink_.push(std::move(d));
  }
}

}  // namespace

void resolve_references(const model::Records& records, core::DiagnosticSink& sink,
                        const std::unordered_set<std::string>& tolerated) {
  Resolver(records, sink, tolerated).run();
}

}  // namespace wenshu::ingest
