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

void DiagnosticSink::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.file, a.location.line, a.location.column, a.rule, a.message) <
           std::tie(b.location.file, b.location.line, b.location.column, b.rule, b.message);
  });
}

std::string format_text(const Diagnostic& d) {
  std::string out = d.location.file;
  if (d.location.line > 0) {
    out += fmt::format(":{}", d.location.line);
    if (d.location.column > 0) out += fmt::format(":{}", d.location.column);
  }
  if (!out.empty()) out += ": ";
  out += fmt::format("{}[{}]: {}", severity_name(d.severity), d.rule, d.message);
  if (!d.record_id.empty()) out += fmt::format(" ({})", d.record_id);
  for (const auto& h : d.hints) out += "\n  = " + h;
  if (d.has_range && !d.fix.empty())
    out += fmt::format("\n  = fix: characters {}..{} -> {}", d.range.begin, d.range.end, d.fix);
  return out;
}

std::string json_quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) out += fmt::format("\\u{:04x}", c);
        else out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string format_json(const Diagnostic& d) {
  std::string hints = "[";
  for (std::size_t i = 0; i < d.hints.size(); ++i) hints += (i ? "," : "") + json_quote(d.hints[i]);
  hints += "]";
  std::string out = fmt::format(
      "{{\"severity\":\"{}\",\"rule\":{},\"clause\":{},\"file\":{},\"line\":{},\"column\":{},"
      "\"record\":{},\"committee\":{},\"message\":{},\"hints\":{}",
      severity_name(d.severity), json_quote(d.rule), json_quote(d.clause), json_quote(d.location.file),
      d.location.line, d.location.column, json_quote(d.record_id), json_quote(d.committee),
      json_quote(d.message), hints);
  if (d.has_range)
    out += fmt::format(",\"range\":[{},{}],\"fix\":{}", d.range.begin, d.range.end, json_quote(d.fix));
  return out + "}";
}

}  // namespace wenshu::core
