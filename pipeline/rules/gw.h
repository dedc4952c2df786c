// GW rules (rules.md, 公文格式): format checks of one 公文 before it is filed, against
// GB/T 9704-2012 and GB/T 15834-2011. Every finding is an error naming the exact characters
// (code-point range of the field, `has_range`), a replacement where one is certain (`fix`),
// and the field's file:line:col advanced to the first offending character.
//
// A fix replaces the characters of `range`; a deletion is written as a replacement of the
// deleted characters together with a neighbour (so an empty `fix` always means "no fix").
#pragma once
#include "core/diagnostic.h"
#include "model/document.h"

namespace wenshu::rules {

/// Runs GW-1 … GW-8 on `doc`.
void check_document(const model::Document& doc, core::DiagnosticSink& sink);

/// GW-1: 发文字号 = 机关代字 + 〔full year〕 + number without leading zeros + 号, no spaces.
void check_gw1_doc_number(const model::Document& doc, core::DiagnosticSink& sink);
/// GW-2: 成文日期 is a real date, Arabic from 2012-07-01 and Chinese numerals with 〇 before,
/// no spaces, agreeing with its value attribute.
void check_gw2_date(const model::Document& doc, core::DiagnosticSink& sink);
/// GW-3: lost or look-alike characters in running text (? or U+FFFD between 汉字, Latin O or
/// digit 0 among Chinese numerals, half-width punctuation in Chinese text).
void check_gw3_characters(const model::Document& doc, core::DiagnosticSink& sink);
/// GW-4: the title has no punctuation but 书名号, 、 and （）.
void check_gw4_title(const model::Document& doc, core::DiagnosticSink& sink);
/// GW-5: heading numbers 一、→（一）→1.→（1）, in order without gaps or repeats per parent.
void check_gw5_headings(const model::Document& doc, core::DiagnosticSink& sink);
/// GW-6: 主送机关 ends with a full-width colon.
void check_gw6_recipients(const model::Document& doc, core::DiagnosticSink& sink);
/// GW-7: 《》 〈〉 “” ‘’ （） 〔〕 【】 are balanced in each text.
void check_gw7_brackets(const model::Document& doc, core::DiagnosticSink& sink);
/// GW-8: 附件说明 and attachments match both ways (names, order, numbers).
void check_gw8_attachments(const model::Document& doc, core::DiagnosticSink& sink);

}  // namespace wenshu::rules
