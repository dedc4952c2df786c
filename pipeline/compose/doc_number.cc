// 发文字号 for generated documents (see doc_number.h).
#include "compose/doc_number.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "compose/catalogue.h"

namespace wenshu::compose {

bool kind_takes_doc_number(const DocKind& kind) {
  // GB/T 9704-2012 7.2.5: the 发文字号 belongs to the 版头 of 通知/通报/决定/报告 and of 函
  // (10.1). The catalogue's forms (报送单, 通知单, tables) and the 纪要 (10.3) have none.
  static const char* const kNumbered[] = {"bg-topical", "bg-emergency", "bg-work-points", "jd-inquiry",
                                          "db-report",  "zz-decision",  "zz-criticism",   "annual-report"};
  return std::find_if(std::begin(kNumbered), std::end(kNumbered), [&](const char* id) { return kind.id == id; }) !=
         std::end(kNumbered);
}

std::string agency_code_for(const DocKind& kind, const std::string& committee_code) {
  if (committee_code.empty() || kind.format != KindFormat::kLetter) return committee_code;
  // Letters run in the organ's own 函 series (市委发 → 市委函), numbered apart from 发 documents.
  static const std::string kFa = "发";
  if (committee_code.size() > kFa.size() && committee_code.ends_with(kFa))
    return committee_code.substr(0, committee_code.size() - kFa.size()) + "函";
  return committee_code + "函";
}

void assign_doc_numbers(std::vector<NumberSlot>& slots) {
  std::vector<NumberSlot*> order;
  for (auto& s : slots) {
    s.number.clear();
    if (!s.code.empty() && s.year > 0) order.push_back(&s);
  }
  // Dated documents in date order, undated ones last; the key makes equal dates stable.
  std::stable_sort(order.begin(), order.end(), [](const NumberSlot* a, const NumberSlot* b) {
    const bool ad = a->date.has_value(), bd = b->date.has_value();
    if (ad != bd) return ad;
    if (ad && *a->date != *b->date) return *a->date < *b->date;
    return a->key < b->key;
  });
  std::map<std::pair<std::string, int>, int> next;
  for (auto* s : order) {
    const int n = ++next[{s->code, s->year}];
    s->number = s->code + "〔" + std::to_string(s->year) + "〕" + std::to_string(n) + "号";
  }
}

}  // namespace wenshu::compose
