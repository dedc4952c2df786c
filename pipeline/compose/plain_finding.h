// A validator finding as a sentence of a 公文. The validator speaks to the clerk who keeps the
// records: its messages name records and people by id (`调研报告 linze-bg06 由 王长城（linze-12）
// 代拟`), dates in ISO form and ranges with a hyphen. A report to the committee names them as a
// 公文 does: records by their title, people by name as 同志, bodies by name, dates in the
// document's date style (GB/T 9704-2012 7.3.5.4; Chinese numerals before 2012-07-01), ranges
// with 至, Chinese punctuation. The ids are resolved against the records, never guessed.
#pragma once
#include <string>

#include "core/date_text.h"
#include "core/diagnostic.h"
#include "model/records.h"

namespace wenshu::compose {

/// The Chinese part of `d`'s message (before " / ") rewritten for a 公文: ids replaced by what
/// they name in `records`, dates written with `numerals`, ranges with 至, no ASCII spaces or
/// half-width punctuation between Chinese characters, no final full stop.
std::string plain_finding_text(const core::Diagnostic& d, const model::Records& records,
                               core::DateNumerals numerals);

/// An ISO date (YYYY-MM-DD) or month (YYYY-MM) as a 公文 writes it; empty when `iso` is neither.
std::string written_date(std::string_view iso, core::DateNumerals numerals);

}  // namespace wenshu::compose
