#include "core/diagnostic.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace wenshu::core {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
    case Severity::kNote: return "note";
  }
  return "error";
}

Diagnostic diagnostic(Severity severity, std::string rule, SourceLocation where, std::string zh, std::string en) {
  Diagnostic d;
  d.severity = severity;
  d.rule = std::move(rule);
  d.location = std::move(where);
  d.message = std::move(zh);
  d.message_en = std::move(en);
  return d;
}

namespace {

/// Where a message written as "中文 / English" in one field splits: the first " / " (or "）/ ")
/// with Chinese (a non-ASCII byte) before it; npos when there is none.
std::pair<std::size_t, std::size_t> legacy_split(std::string_view m) {
  for (std::size_t at = m.find("/ "); at != std::string_view::npos; at = m.find("/ ", at + 1)) {
    if (at == 0) continue;
    const bool spaced = m[at - 1] == ' ';
    const bool after_bracket = at >= 3 && m.substr(at - 3, 3) == "）";
    if (!spaced && !after_bracket) continue;
    const std::size_t zh_end = spaced ? at - 1 : at;
    const std::string_view zh = m.substr(0, zh_end);
    bool chinese = false;
    for (unsigned char c : zh) chinese = chinese || c >= 0x80;
    if (chinese) return {zh_end, at + 2};
  }
  return {std::string_view::npos, std::string_view::npos};
}

}  // namespace

std::string_view message_zh(const Diagnostic& d) {
  if (!d.message_en.empty()) return d.message;
  const auto [zh_end, en_begin] = legacy_split(d.message);
  return zh_end == std::string_view::npos ? std::string_view(d.message) : std::string_view(d.message).substr(0, zh_end);
}

std::string_view message_en(const Diagnostic& d) {
  if (!d.message_en.empty()) return d.message_en;
  const auto [zh_end, en_begin] = legacy_split(d.message);
  return en_begin == std::string_view::npos ? std::string_view() : std::string_view(d.message).substr(en_begin);
}

std::string message_text(const Diagnostic& d, Lang lang) {
  const std::string_view zh = message_zh(d), en = message_en(d);
  switch (lang) {
    case Lang::kZh: return std::string(zh.empty() ? en : zh);
    case Lang::kEn: return std::string(en.empty() ? zh : en);
    case Lang::kBoth: break;
  }
  if (d.message_en.empty()) return d.message;  // as written (one language, or both in one field)
  if (zh.empty()) return std::string(en);
  return std::string(zh) + " / " + std::string(en);
}

void DiagnosticSink::push(Diagnostic d) {
  ++counts_[static_cast<int>(d.severity)];
  if (items_.size() >= cap_) {
    ++dropped_;
    return;
  }
  items_.push_back(std::move(d));
}

void DiagnosticSink::merge(DiagnosticSink&& other) {
  for (auto& d : other.items_) push(std::move(d));
  dropped_ += other.dropped_;
  other.items_.clear();
}

void DiagnosticSink::replace(std::vector<Diagnostic> items) {
  for (const auto& d : items_) --counts_[static_cast<int>(d.severity)];
  items_ = std::move(items);
  for (const auto& d : items_) ++counts_[static_cast<int>(d.severity)];
}

std::vector<Diagnostic> DiagnosticSink::take() {
  for (const auto& d : items_) --counts_[static_cast<int>(d.severity)];
  std::vector<Diagnostic> out = std::move(items_);
  items_.clear();
  return out;
}

void DiagnosticSink::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.file, a.location.line, a.location.column, a.rule, a.message) <
           std::tie(b.location.file, b.location.line, b.location.column, b.rule, b.message);
  });
}

std::string format_text(const Diagnostic& d, const TextStyle& style) {
  std::string out = d.location.file;
  if (d.location.line > 0) {
    out += fmt::format(":{}", d.location.line);
    if (d.location.column > 0) out += fmt::format(":{}", d.location.column);
  }
  if (!out.empty()) out += ": ";
  if (style.clause && !d.clause.empty())
    out += fmt::format("{}[{} {}]: {}", severity_name(d.severity), d.rule, d.clause, message_text(d, style.lang));
  else
    out += fmt::format("{}[{}]: {}", severity_name(d.severity), d.rule, message_text(d, style.lang));
  if (!d.record_id.empty()) out += fmt::format(" ({})", d.record_id);
  for (const auto& h : d.hints) out += "\n  = " + h;
  if (d.has_range && !d.fix.empty())
    out += fmt::format("\n  = fix: characters {}..{} -> {}", d.range.begin, d.range.end, d.fix);
  return out;
}

}  // namespace wenshu::core
