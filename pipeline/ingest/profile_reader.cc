// Rule profile reading: the profile file reader (profile_file.h), then typed values.
#include "ingest/profile_reader.h"

#include <charconv>
#include <string>
#include <vector>

#include "core/data_dir.h"
#include "core/date.h"
#include "ingest/profile_file.h"

namespace wenshu::ingest {
namespace {

constexpr const char* kNamespace = "urn:wenshu:profile:1";

/// One <param> as written.
struct RawParam {
  std::string name, value, type, rules, unit, description;
  bool local = false;
  core::SourceLocation location;
};

/// A profile file as written.
struct RawProfile {
  std::string name, title;
  std::vector<RawParam> params;
};

void push_error(core::DiagnosticSink& sink, const char* rule, core::SourceLocation loc, std::string message) {
  core::Diagnostic d;
  d.severity = core::Severity::kError;
  d.rule = rule;
  d.location = std::move(loc);
  d.message = std::move(message);
  sink.push(std::move(d));
}

const ProfileKind& rule_profile_kind() {
  static const ProfileKind kind{"schemas/profile.xsd", kNamespace, "profile", "PROFILE-VALUE", "PROFILE-ROOT",
                                "规则", "rule profile"};
  return kind;
}

/// Reads a profile file (profile_file.h) into its title and params as written; nullopt (with
/// diagnostics) on failure.
std::optional<RawProfile> read_raw(const std::filesystem::path& path, core::DiagnosticSink& sink) {
  const auto file = read_profile_file(path, rule_profile_kind(), sink);
  if (!file) return std::nullopt;
  RawProfile raw;
  raw.name = file->root.attr_or("name");
  for (const auto& e : file->entries) {
    if (e.parent != "profile") continue;
    if (e.element == "title") {
      raw.title = e.text;
    } else if (e.element == "param") {
      RawParam p;
      p.name = e.attr_or("name");
      p.value = e.attr_or("value");
      p.type = e.attr_or("type");
      p.rules = e.attr_or("rules");
      p.unit = e.attr_or("unit");
      const std::string local = e.attr_or("local");
      p.local = local == "true" || local == "1";
      p.description = e.text;
      p.location = e.location;
      raw.params.push_back(std::move(p));
    }
  }
  return raw;
}

std::optional<model::ParamType> parse_type(const std::string& s) {
  if (s == "int") return model::ParamType::kInt;
  if (s == "month-day") return model::ParamType::kMonthDay;
  if (s == "bool") return model::ParamType::kBool;
  if (s == "text") return model::ParamType::kText;
  return std::nullopt;
}

const char* type_word(model::ParamType t) {
  switch (t) {
    case model::ParamType::kInt: return "整数 / integer";
    case model::ParamType::kMonthDay: return "月-日 MM-DD";
    case model::ParamType::kBool: return "true/false";
    case model::ParamType::kText: return "文本 / text";
  }
  return "";
}

}  // namespace

std::filesystem::path default_profile_path() { return core::data_path("profiles/zhangye-2009.xml"); }

bool parse_param_value(model::ParamType type, const std::string& text, model::ProfileParam& param) {
  switch (type) {
    case model::ParamType::kInt: {
      long long v = 0;
      const char* b = text.data();
      const char* e = b + text.size();
      const auto [ptr, ec] = std::from_chars(b, e, v);
      // Counts and days only: a negative value would turn a rule upside down.
      if (ec != std::errc() || ptr != e || text.empty() || v < 0 || v > 1'000'000) return false;
      param.int_value = v;
      return true;
    }
    case model::ParamType::kMonthDay: {
      if (text.size() != 5 || text[2] != '-') return false;
      int m = 0, d = 0;
      for (int i : {0, 1}) {
        if (text[i] < '0' || text[i] > '9') return false;
        m = m * 10 + (text[i] - '0');
      }
      for (int i : {3, 4}) {
        if (text[i] < '0' || text[i] > '9') return false;
        d = d * 10 + (text[i] - '0');
      }
      // Checked against a leap year so that 02-29 is accepted as a window edge.
      if (m < 1 || m > 12 || d < 1 || d > core::days_in_month(2008, m)) return false;
      param.month_day = {m, d};
      return true;
    }
    case model::ParamType::kBool:
      if (text == "true" || text == "1") {
        param.int_value = 1;
        return true;
      }
      if (text == "false" || text == "0") {
        param.int_value = 0;
        return true;
      }
      return false;
    case model::ParamType::kText:
      return true;
  }
  return false;
}

std::optional<model::Profile> read_profile(const std::filesystem::path& path, core::DiagnosticSink& sink) {
  auto raw = read_raw(path, sink);
  if (!raw) return std::nullopt;
  model::Profile profile;
  profile.name = raw->name;
  profile.title = raw->title;
  profile.sources.push_back(path.string());
  bool ok = true;
  for (auto& r : raw->params) {
    model::ProfileParam p;
    const auto type = parse_type(r.type);
    if (!type) {
      push_error(sink, "PROFILE-TYPE", r.location,
                 "参数 " + r.name + " 缺少类型（完整的规则配置须为每个参数给出 type） / parameter lacks a type");
      ok = false;
      continue;
    }
    p.type = *type;
    if (!parse_param_value(p.type, r.value, p)) {
      push_error(sink, "PROFILE-VALUE", r.location,
                 "参数 " + r.name + " 的值“" + r.value + "”不是" + type_word(p.type) + " / bad value");
      ok = false;
      continue;
    }
    p.name = std::move(r.name);
    p.text = std::move(r.value);
    p.rules = std::move(r.rules);
    p.unit = std::move(r.unit);
    p.description = std::move(r.description);
    p.local = r.local;
    p.location = r.location;
    profile.params.push_back(std::move(p));
  }
  if (!ok) return std::nullopt;
  return profile;
}

bool apply_profile(model::Profile& profile, const std::filesystem::path& path, core::DiagnosticSink& sink) {
  auto raw = read_raw(path, sink);
  if (!raw) return false;
  model::Profile updated = profile;
  bool ok = true;
  for (const auto& r : raw->params) {
    model::ProfileParam* target = nullptr;
    for (auto& p : updated.params)
      if (p.name == r.name) target = &p;
    if (target == nullptr) {
      core::Diagnostic d;
      d.rule = "PROFILE-PARAM";
      d.location = r.location;
      d.message = "未知的规则参数 " + r.name + " / unknown profile parameter";
      d.hints.push_back("`wenshu rules` 列出全部参数 / `wenshu rules` lists every parameter");
      sink.push(std::move(d));
      ok = false;
      continue;
    }
    if (!r.type.empty() && parse_type(r.type) != target->type) {
      push_error(sink, "PROFILE-TYPE", r.location,
                 "参数 " + r.name + " 的类型应为 " + type_word(target->type) + " / type differs from the shipped profile");
      ok = false;
      continue;
    }
    if (!parse_param_value(target->type, r.value, *target)) {
      push_error(sink, "PROFILE-VALUE", r.location,
                 "参数 " + r.name + " 的值“" + r.value + "”不是" + type_word(target->type) + " / bad value");
      ok = false;
      continue;
    }
    target->text = r.value;
    target->location = r.location;
  }
  if (!ok) return false;
  if (!raw->name.empty()) updated.name = raw->name;
  if (!raw->title.empty()) updated.title = raw->title;
  updated.sources.push_back(path.string());
  profile = std::move(updated);
  return true;
}

std::optional<model::Profile> load_profile(const std::optional<std::filesystem::path>& user,
                                           core::DiagnosticSink& sink) {
  auto profile = read_profile(default_profile_path(), sink);
  if (!profile) return std::nullopt;
  if (user && !apply_profile(*profile, *user, sink)) return std::nullopt;
  return profile;
}

}  // namespace wenshu::ingest
