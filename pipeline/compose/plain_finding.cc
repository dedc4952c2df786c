// Validator findings as 公文 sentences (see plain_finding.h). A hand-written scanner over code
// points (no regular expressions over input text): ASCII runs are the only place ids, ISO dates
// and hyphen ranges can be, and the records tell what an id names.
#include "compose/plain_finding.h"

#include <algorithm>
#include <optional>

#include "core/utf8.h"
#include "model/record_kinds.h"

namespace wenshu::compose {

namespace {

bool ascii_alnum(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool id_char(char32_t c) { return ascii_alnum(c) || c == U'-' || c == U'.' || c == U'_'; }
bool wide(char32_t c) { return c >= 0x2E80; }

std::string title_of(const auto& r) {
  if constexpr (requires { r.title; }) {
    if constexpr (std::is_convertible_v<decltype(r.title), std::string>) return r.title;
  }
  return {};
}

/// What tells a record without a title apart, for a reader of the report: a consultation's
/// subject, a field stay's unit and days, else its date.
std::string description_of(const auto& r, core::DateNumerals numerals) {
  using R = std::decay_t<decltype(r)>;
  if constexpr (std::is_same_v<R, model::Consultation>) {
    if (!r.subject.empty()) return "《" + r.subject + "》";
  } else if constexpr (std::is_same_v<R, model::FieldStay>) {
    std::string out = r.unit_name;
    if (r.start) out += (out.empty() ? "" : "，") + written_date(core::format_date(*r.start), numerals);
    if (r.end && r.start && *r.end != *r.start) out += "至" + written_date(core::format_date(*r.end), numerals);
    return out;
  }
  if constexpr (requires { r.date; }) {
    if constexpr (std::is_same_v<std::decay_t<decltype(r.date)>, std::optional<core::Date>>)
      if (r.date) return written_date(core::format_date(*r.date), numerals);
  }
  return {};
}

/// What an id names in a 公文: a person (their name), a body (its name) or a record (《title》,
/// or what kind of record it is with its date). nullopt for an id the records do not know.
struct Named {
  std::string text;
  bool person = false;
};
std::optional<Named> resolve_id(const model::Records& records, std::string_view id, core::DateNumerals numerals) {
  if (const auto* m = records.find_member(id)) return Named{m->name, true};
  if (const auto* c = records.find_committee(id)) return Named{c->short_name.empty() ? c->name : c->short_name, false};
  std::optional<Named> out;
  model::for_each_kind([&]<class R>(std::type_identity<R>) {
    if (out) return;
    const R* r = nullptr;
    if constexpr (std::is_same_v<R, model::Committee> || std::is_same_v<R, model::Member>) {
      return;
    } else if constexpr (model::Kind<R>::indexed) {
      r = records.find<R>(id);
    } else {
      for (const auto& x : model::all_of<R>(records))
        if (x.id == id) r = &x;
    }
    if (!r) return;
    // The message names the kind of record already (调研报告 X, 蹲点记录 X): the id becomes
    // the title, or what tells the record apart in brackets, or nothing.
    if (const std::string t = title_of(*r); !t.empty()) {
      out = Named{"《" + t + "》", false};
      return;
    }
    const std::string what = description_of(*r, numerals);
    out = Named{what.empty() ? std::string() : "（" + what + "）", false};
  });
  return out;
}

/// Rewrites one ASCII run; `before`/`after` are the code points around it.
std::string rewrite_run(std::u32string_view run, const model::Records& records, core::DateNumerals numerals,
                        bool& person) {
  person = false;
  const std::string text = core::utf8_encode(std::u32string(run));
  if (const std::string date = written_date(text, numerals); !date.empty()) return date;
  const bool letters = std::any_of(run.begin(), run.end(), [](char32_t c) { return !ascii_digit(c) && ascii_alnum(c); });
  if (letters) {
    if (auto named = resolve_id(records, text, numerals)) {
      person = named->person;
      return named->text;
    }
    return text;  // a word the records do not know (an abbreviation): as written
  }
  // Numbers: a hyphen between two numbers is a range (1-2 → 1至2); 16-31 → 16至31.
  std::string out;
  for (std::size_t i = 0; i < run.size(); ++i) {
    if (run[i] == U'-' && i > 0 && i + 1 < run.size() && ascii_digit(run[i - 1]) && ascii_digit(run[i + 1]))
      out += "至";
    else
      out += core::utf8_encode(std::u32string(1, run[i]));
  }
  return out;
}

std::string full_width(char32_t c) {
  switch (c) {
    case U'(': return "（";
    case U')': return "）";
    case U',': return "，";
    case U';': return "；";
    case U':': return "：";
    default: return core::utf8_encode(std::u32string(1, c));
  }
}

}  // namespace

std::string written_date(std::string_view iso, core::DateNumerals numerals) {
  if (iso.size() == 7 && iso[4] == '-') {  // YYYY-MM: a month
    const auto d = core::parse_date(std::string(iso) + "-01");
    if (!d) return {};
    const std::string full = numerals == core::DateNumerals::kChinese ? core::format_date_chinese_numerals(*d)
                                                                       : core::format_date_chinese(*d);
    return full.substr(0, full.find("月") + std::string("月").size());
  }
  const auto d = core::parse_date(iso);
  if (!d) return {};
  return numerals == core::DateNumerals::kChinese ? core::format_date_chinese_numerals(*d)
                                                  : core::format_date_chinese(*d);
}

std::string plain_finding_text(const core::Diagnostic& d, const model::Records& records,
                               core::DateNumerals numerals) {
  const auto slash = d.message.find(" / ");
  const std::u32string t = core::utf8_decode(slash == std::string::npos ? d.message : d.message.substr(0, slash));
  std::string out;
  for (std::size_t i = 0; i < t.size();) {
    const char32_t c = t[i];
    if (id_char(c) && ascii_alnum(c)) {
      std::size_t e = i;
      while (e < t.size() && id_char(t[e])) ++e;
      while (e > i && !ascii_alnum(t[e - 1])) --e;  // a trailing '.' or '-' is punctuation
      bool person = false;
      const std::string text = rewrite_run(std::u32string_view(t).substr(i, e - i), records, numerals, person);
      // 王长城（linze-12）: the name is already there; the id goes, 同志 follows the name.
      const bool bracketed = i > 0 && (t[i - 1] == U'（' || t[i - 1] == U'(') && e < t.size() &&
                             (t[e] == U'）' || t[e] == U')');
      if (bracketed && person) {
        out.erase(out.size() - std::string(t[i - 1] == U'（' ? "（" : "(").size());
        out += "同志";
        i = e + 1;
        continue;
      }
      out += text;
      if (person) out += "同志";
      i = e;
      continue;
    }
    if (c == U' ' || c == U'\t') {
      while (i < t.size() && (t[i] == U' ' || t[i] == U'\t')) ++i;
      out += " ";  // kept only between two Latin words, below
      continue;
    }
    const bool chinese_context = (i > 0 && wide(t[i - 1])) || (i + 1 < t.size() && wide(t[i + 1]));
    out += chinese_context ? full_width(c) : core::utf8_encode(std::u32string(1, c));
    ++i;
  }
  // A space stays only between two Latin words or numbers (Word 2019); around Chinese text and
  // around the names that replaced ids it goes.
  const std::u32string spaced = core::utf8_decode(out);
  std::u32string tight;
  for (std::size_t k = 0; k < spaced.size(); ++k) {
    if (spaced[k] == U' ' && !(k > 0 && k + 1 < spaced.size() && ascii_alnum(spaced[k - 1]) && ascii_alnum(spaced[k + 1])))
      continue;
    tight.push_back(spaced[k]);
  }
  while (!tight.empty() && (tight.back() == U'。' || tight.back() == U'；' || tight.back() == U'，')) tight.pop_back();
  return core::utf8_encode(tight);
}

}  // namespace wenshu::compose
