// Typed access to profile parameters.
#include "model/profile.h"

#include <stdexcept>

namespace wenshu::model {
namespace {

const ProfileParam& need(const Profile& p, std::string_view name, ParamType type) {
  const ProfileParam* param = p.find(name);
  if (param == nullptr)
    throw std::logic_error("profile " + p.name + " lacks parameter " + std::string(name));
  if (param->type != type)
    throw std::logic_error("profile parameter " + std::string(name) + " has another type");
  return *param;
}

}  // namespace

long long Profile::get_int(std::string_view name) const { return need(*this, name, ParamType::kInt).int_value; }

MonthDay Profile::get_month_day(std::string_view name) const {
  return need(*this, name, ParamType::kMonthDay).month_day;
}

bool Profile::get_bool(std::string_view name) const { return need(*this, name, ParamType::kBool).int_value != 0; }

std::vector<const ProfileParam*> Profile::for_rule(std::string_view rule_id) const {
  std::vector<const ProfileParam*> out;
  for (const auto& p : params) {
    // `rules` is a space-separated list of ids: match whole words only (DY-1a ≠ DY-1).
    std::string_view rest = p.rules;
    while (!rest.empty()) {
      const auto sp = rest.find(' ');
      const std::string_view word = rest.substr(0, sp);
      if (word == rule_id) {
        out.push_back(&p);
        break;
      }
      if (sp == std::string_view::npos) break;
      rest.remove_prefix(sp + 1);
    }
  }
  return out;
}

}  // namespace wenshu::model
