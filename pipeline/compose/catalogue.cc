// The kind catalogue (see catalogue.h): which records call for which document.
#include "compose/catalogue.h"

#include <algorithm>
#include <map>

#include "core/date.h"
#include "core/utf8.h"

namespace wenshu::compose {
namespace {

using F = KindFormat;

template <class T, class Pred>
void per_record(std::vector<DocRequest>& out, const DocKind* kind, const std::vector<T>& v, const std::string& committee,
                int year, Pred pred) {
  for (const auto& r : v) {
    if (r.committee != committee || !pred(r)) continue;
    DocRequest q;
    q.kind = kind;
    q.committee = committee;
    q.year = year;
    q.record_id = r.id;
    q.sources = {r.id};
    q.location = r.location;
    out.push_back(std::move(q));
  }
}

constexpr auto kAll = [](const auto&) { return true; };

}  // namespace

const std::vector<DocKind>& doc_kinds() {
  static const std::vector<DocKind> all = {
      {"dy-report", "调研报告", "DY", {"DY-1b"}, F::kStandard, false},
      {"zx-report", "咨询论证报告", "ZX", {"ZX-2.2"}, F::kStandard, false},
      {"bg-topical", "专题报告", "BG", {"BG-1"}, F::kStandard, false},
      {"bg-emergency", "突发事件报告", "BG", {"BG-2"}, F::kStandard, false},
      {"bg-party-group", "党组工作报告报送单", "BG", {"BG-5"}, F::kForm, false},
      {"bg-work-points", "工作要点落实情况报告", "BG", {"BG-6"}, F::kStandard, false},
      {"tg-minutes", "常委会例会纪要", "TG", {"TG-2"}, F::kMinutes, false},
      {"tg-key-work", "重点工作和重大活动安排表", "TG", {"TG-4"}, F::kForm, true},
      {"jd-evaluation", "民主测评结果", "JD", {"JD-1a", "JD-1b"}, F::kForm, false},
      {"jd-admonition", "诫勉谈话记录", "JD", {"JD-2"}, F::kForm, false},
      {"jd-inquiry", "函询函", "JD", {"JD-3"}, F::kLetter, false},
      {"jd-trip-form", "外出报告单", "JD", {"JD-4.2", "JD-4.3"}, F::kForm, false},
      {"jd-leave-form", "请假条", "JD", {"JD-4.2", "JD-4.3"}, F::kForm, false},
      {"jd-travel-summary", "外出请假情况汇总", "JD", {"JD-4.3"}, F::kStandard, true},
      {"db-notice", "督办通知单", "DB", {"DB-2"}, F::kForm, false},
      {"db-report", "督查情况通报", "DB", {"DB-6"}, F::kStandard, false},
      {"zz-decision", "责任追究决定", "ZZ", {"ZZ-2", "ZZ-3", "ZZ-4", "ZZ-5"}, F::kStandard, false},
      {"zz-criticism", "通报批评", "ZZ", {"ZZ-4", "ZZ-5"}, F::kStandard, false},
      {"annual-report", "制度执行情况报告", "ZH", {}, F::kStandard, true},
  };
  return all;
}

const DocKind* find_kind(const std::string& id) {
  for (const auto& k : doc_kinds())
    if (k.id == id) return &k;
  return nullptr;
}

model::DocFormat expected_format(KindFormat f) {
  switch (f) {
    case KindFormat::kLetter: return model::DocFormat::kLetter;
    case KindFormat::kMinutes: return model::DocFormat::kMinutes;
    default: return model::DocFormat::kStandard;
  }
}

const char* format_name(KindFormat f) {
  switch (f) {
    case KindFormat::kStandard: return "通用";
    case KindFormat::kLetter: return "信函";
    case KindFormat::kMinutes: return "纪要";
    case KindFormat::kForm: return "表单";
  }
  return "";
}

std::string DocRequest::document_id() const {
  // The year is part of the id: record ids of one committee repeat from year to year.
  return committee + "/" + std::to_string(year) + "/" + (kind ? kind->id : "?") + "/" +
         (record_id.empty() ? period : record_id);
}

std::vector<DocRequest> plan_documents(const model::Records& records, const std::string& committee) {
  std::vector<DocRequest> out;
  const model::Committee* c = records.find_committee(committee);
  const int year = c != nullptr && c->year != 0 ? c->year : records.effective_year();
  for (const auto& kind : doc_kinds()) {
    const DocKind* k = &kind;
    const std::string& id = kind.id;
    if (id == "dy-report") per_record(out, k, records.research_reports, committee, year, kAll);
    // ZX-2.2: a 咨询论证报告 exists once the consultation has a report date or a conclusion.
    if (id == "zx-report")
      per_record(out, k, records.consultations, committee, year,
                 [](const model::Consultation& r) { return r.report_date.has_value() || r.conclusion.has_value(); });
    if (id == "bg-topical") per_record(out, k, records.topical_reports, committee, year, kAll);
    if (id == "bg-emergency")
      per_record(out, k, records.emergencies, committee, year,
                 [](const model::Emergency& e) { return e.reported.has_value(); });
    if (id == "bg-party-group") per_record(out, k, records.party_group_reports, committee, year, kAll);
    if (id == "bg-work-points") per_record(out, k, records.work_point_reports, committee, year, kAll);
    if (id == "tg-minutes")
      per_record(out, k, records.meetings, committee, year,
                 [](const model::Meeting& m) { return m.kind == model::MeetingKind::kRegular; });
    if (id == "tg-key-work") {
      // TG-4: one table per month that has key work or major activities starting in it.
      std::map<int, DocRequest> by_month;
      for (const auto& w : records.key_work_items) {
        if (w.committee != committee || !w.start || w.start->year != year) continue;
        auto& q = by_month[w.start->month];
        if (q.kind == nullptr) {
          q.kind = k;
          q.committee = committee;
          q.year = year;
          char buf[16];
          std::snprintf(buf, sizeof buf, "%04d-%02d", year, w.start->month);
          q.period = buf;
          q.location = w.location;
        }
        q.sources.push_back(w.id);
      }
      for (auto& [m, q] : by_month) out.push_back(std::move(q));
    }
    if (id == "jd-evaluation") per_record(out, k, records.evaluations, committee, year, kAll);
    if (id == "jd-admonition") per_record(out, k, records.admonitions, committee, year, kAll);
    if (id == "jd-inquiry") per_record(out, k, records.inquiries, committee, year, kAll);
    if (id == "jd-trip-form")
      per_record(out, k, records.travel_leaves, committee, year,
                 [](const model::TravelLeave& t) { return t.kind == model::TravelKind::kOfficialTrip; });
    if (id == "jd-leave-form")
      per_record(out, k, records.travel_leaves, committee, year,
                 [](const model::TravelLeave& t) { return t.kind == model::TravelKind::kPrivateLeave; });
    if (id == "jd-travel-summary" && c != nullptr && c->level == model::CommitteeLevel::kCounty) {
      // JD-4.3: the county committee reports its members' trips and leave every half-year.
      for (int half = 1; half <= 2; ++half) {
        DocRequest q;
        q.kind = k;
        q.committee = committee;
        q.year = year;
        q.period = std::to_string(year) + "-H" + std::to_string(half);
        q.location = c->location;
        for (const auto& t : records.travel_leaves)
          if (t.committee == committee && t.start && t.start->year == year && core::half_of(*t.start) == half)
            q.sources.push_back(t.id);
        for (const auto& s : records.travel_summaries)
          if (s.committee == committee && s.half == half && (s.year == 0 || s.year == year)) q.sources.push_back(s.id);
        if (!q.sources.empty()) out.push_back(std::move(q));
      }
    }
    if (id == "db-notice") per_record(out, k, records.supervision_items, committee, year, kAll);
    if (id == "db-report")
      per_record(out, k, records.supervision_items, committee, year,
                 [](const model::SupervisionItem& s) { return s.feedback.has_value(); });
    if (id == "zz-decision") per_record(out, k, records.accountability_cases, committee, year, kAll);
    if (id == "zz-criticism")
      per_record(out, k, records.accountability_cases, committee, year, [](const model::AccountabilityCase& a) {
        return std::find(a.measures.begin(), a.measures.end(), "通报批评") != a.measures.end();
      });
    if (id == "annual-report" && c != nullptr) {
      DocRequest q;
      q.kind = k;
      q.committee = committee;
      q.year = year;
      q.period = std::to_string(year);
      q.location = c->location;
      out.push_back(q);
      // The city committee also reports for the city as a whole (all committees).
      if (c->level == model::CommitteeLevel::kCity && records.committees.size() > 1) {
        q.city_wide = true;
        q.period = std::to_string(year) + "-全市";
        out.push_back(std::move(q));
      }
    }
  }
  return out;
}

std::string sanitize_file_name(const std::string& name, std::size_t max_bytes) {
  std::u32string in = core::utf8_decode(name);
  std::u32string out;
  for (char32_t cp : in) {
    switch (cp) {
      case U'/': out += U'／'; break;
      case U'\\': out += U'＼'; break;
      case U':': out += U'：'; break;
      case U'*': out += U'＊'; break;
      case U'?': out += U'？'; break;
      case U'"': out += U'＂'; break;
      case U'<': out += U'＜'; break;
      case U'>': out += U'＞'; break;
      case U'|': out += U'｜'; break;
      case U'\n': case U'\r': case U'\t': out += U' '; break;
      default:
        if (cp < 0x20 || cp == 0x7f || cp == 0xFFFD) break;
        out += cp;
    }
  }
  auto trim = [](std::u32string& s) {
    while (!s.empty() && (s.back() == U' ' || s.back() == U'.' || s.back() == U'\u3000')) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && (s[i] == U' ' || s[i] == U'.' || s[i] == U'\u3000')) ++i;
    s.erase(0, i);
  };
  trim(out);
  std::string result;
  for (char32_t cp : out) {
    std::string one;
    core::utf8_append(one, cp);
    if (result.size() + one.size() > max_bytes) break;
    result += one;
  }
  std::u32string again = core::utf8_decode(result);
  trim(again);
  result = core::utf8_encode(again);
  return result.empty() ? "untitled" : result;
}

std::filesystem::path output_path(const DocRequest& request, const model::Document& doc, std::set<std::string>& taken) {
  // 纪要 carry no 成文日期 (GB/T 9704-2012 10.3): their 印发日期 dates the file name instead.
  std::string date = doc.date.value         ? core::format_date(*doc.date.value)
                     : doc.print_date.value ? core::format_date(*doc.print_date.value)
                                            : request.period;
  std::string title = doc.title.value;
  // Titles may be set on several lines in the XML; a file name is one line.
  std::string flat;
  for (char ch : title)
    if (ch != '\n' && ch != '\r') flat += ch;
  if (flat.empty()) flat = request.kind->name;
  const std::filesystem::path dir = std::filesystem::path(sanitize_file_name(request.committee, 64)) /
                                    std::to_string(request.year) / request.kind->name;
  std::string stem = sanitize_file_name(date + " " + flat);
  std::filesystem::path rel = dir / (stem + ".pdf");
  if (taken.count(rel.generic_string())) {
    const std::string extra = request.record_id.empty() ? request.period : request.record_id;
    stem = sanitize_file_name(date + " " + flat, 140) + "（" + sanitize_file_name(extra, 40) + "）";
    rel = dir / (stem + ".pdf");
    for (int n = 2; taken.count(rel.generic_string()); ++n) rel = dir / (stem + "-" + std::to_string(n) + ".pdf");
  }
  taken.insert(rel.generic_string());
  return rel;
}

}  // namespace wenshu::compose
