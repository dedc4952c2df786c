// 发文字号 for generated documents (GB/T 9704-2012 7.2.5): 机关代字〔年份〕序号号.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace wenshu::compose {

struct DocKind;

/// True when documents of `kind` carry a 发文字号: 报告 / 通报 / 决定 in 通用 format and 函 in
/// 信函 format (GB/T 9704-2012 7.2.5, 10.1). Forms, tables and 纪要 carry none.
bool kind_takes_doc_number(const DocKind& kind);

/// The 机关代字 a document of `kind` uses: the committee's code (市委发) for 通用 documents, its
/// 函 series (市委函, the trailing 发 replaced by 函) for letters. Empty when the committee has none.
std::string agency_code_for(const DocKind& kind, const std::string& committee_code);

/// One generated document to number.
struct NumberSlot {
  std::string code;                 ///< 机关代字 (agency_code_for)
  int year = 0;                     ///< the year of its 成文日期 (the committee-year without one)
  std::optional<core::Date> date;   ///< 成文日期; undated documents go after dated ones
  std::string key;                  ///< stable tie-breaker (DocRequest::document_id())
  std::string number;               ///< out: e.g. 市委发〔2009〕3号
};

/// Numbers `slots` per code × year from 1 without gaps, in order of 成文日期 then key; the
/// format has no leading zeros and no 第 (GB/T 9704-2012 7.2.5). Slots without a code stay empty.
void assign_doc_numbers(std::vector<NumberSlot>& slots);

}  // namespace wenshu::compose
