// A rule profile (rules.md "Parameters are data"): every number a rule uses, by name, typed.
// The shipped profile profiles/zhangye-2009.xml holds the values of 市委发〔2009〕32号 and the
// *local* defaults; a user profile overrides any subset (ingest/profile_reader.h).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace wenshu::model {

/// Type of a profile parameter's value.
enum class ParamType {
  kInt,       ///< integer (counts, days, minutes)
  kMonthDay,  ///< MM-DD (window edges)
  kBool,      ///< true / false
  kText,      ///< free text
};

/// A month and day without a year (window edges such as 06-01).
struct MonthDay {
  int month = 1, day = 1;
  auto operator<=>(const MonthDay&) const = default;
};

/// One named parameter with its value in force and where that value came from.
struct ProfileParam {
  std::string name;               ///< e.g. bg.emergency.deadline-minutes
  ParamType type = ParamType::kInt;
  std::string text;               ///< the value as written
  long long int_value = 0;        ///< kInt (and kBool: 0/1)
  MonthDay month_day;             ///< kMonthDay
  std::string rules;              ///< ids of the rules that use it, space separated
  std::string unit;               ///< 天 / 分钟 / 次 … (for listings)
  std::string description;        ///< Chinese, one line
  bool local = false;             ///< *local*: not in the seed, a default the user may change
  core::SourceLocation location;  ///< where the value in force was set
};

/// A rule profile: its name and parameters (in the order of the shipped profile).
struct Profile {
  std::string name;               ///< zhangye-2009
  std::string title;
  std::vector<std::string> sources;  ///< files loaded, base first
  std::vector<ProfileParam> params;

  /// The parameter `name`, or nullptr.
  const ProfileParam* find(std::string_view name) const {
    for (const auto& p : params)
      if (p.name == name) return &p;
    return nullptr;
  }
  /// Integer value of `name`; throws std::logic_error if missing or not an int (a bug: the
  /// shipped profile defines every parameter a rule asks for).
  long long get_int(std::string_view name) const;
  /// MM-DD value of `name`; throws std::logic_error if missing or of another type.
  MonthDay get_month_day(std::string_view name) const;
  /// Boolean value of `name`; throws std::logic_error if missing or of another type.
  bool get_bool(std::string_view name) const;
  /// Parameters whose `rules` list contains `rule_id`.
  std::vector<const ProfileParam*> for_rule(std::string_view rule_id) const;
};

}  // namespace wenshu::model
