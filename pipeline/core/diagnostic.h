// Diagnostics are values: every stage reports bad input by pushing a Diagnostic into a sink
// and carrying on with the next record; exceptions are for I/O failures and bugs only.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace wenshu::core {

/// How serious a finding is. Order matters: lower value = more serious.
enum class Severity : std::uint8_t { kError, kWarning, kInfo, kNote };

/// "error", "warning", "info", "note".
const char* severity_name(Severity s);

/// A place in an input file. line and column are 1-based; 0 means unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

/// A half-open range of characters (Unicode code points, 0-based) inside one text field,
/// used by the GW rules to point at the exact offending characters.
struct CharRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// One finding. `rule` is a rules.md id (JD-1b, GW-3, …) or a stage id (XML-…, LAYOUT-…,
/// PDF-…, ZIP-…, DA-…).
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string rule;        ///< rule or stage id
  std::string clause;      ///< the clause it comes from, short (e.g. 监督制度 第（一）条)
  SourceLocation location; ///< where in the input
  std::string record_id;   ///< the record (or document, or archive item) it is about
  std::string committee;   ///< committee id, for per-committee summaries (may be empty)
  std::string message;     ///< one line, Chinese (English optional after " / ")
  std::vector<std::string> hints;  ///< fixes and explanations, one line each
  bool has_range = false;
  CharRange range;         ///< with has_range: the characters concerned
  std::string fix;         ///< with has_range: replacement text for the range, if known
};

/// Collects diagnostics. Keeps at most `cap` of them (the count goes on), so a pathological
/// input cannot exhaust memory with findings.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(std::size_t cap = 1'000'000) : cap_(cap) {}
  void push(Diagnostic d);
  const std::vector<Diagnostic>& items() const { return items_; }
  std::size_t count(Severity s) const { return counts_[static_cast<int>(s)]; }
  bool has_errors() const { return count(Severity::kError) > 0; }
  std::size_t dropped() const { return dropped_; }
  /// Moves every diagnostic of `other` into this sink.
  void merge(DiagnosticSink&& other);
  /// Sorts by file, line, column, rule, message: output order independent of processing order.
  void sort();

 private:
  std::vector<Diagnostic> items_;
  std::size_t counts_[4] = {0, 0, 0, 0};
  std::size_t cap_;
  std::size_t dropped_ = 0;
};

/// `file:line:col: error[JD-1b]: message` (+ `  = hint` lines). Fields that are unknown are left
/// out (`file: error[…]` when there is no line).
std::string format_text(const Diagnostic& d);
/// One JSON object (no trailing newline), keys in a fixed order.
std::string format_json(const Diagnostic& d);
/// JSON string literal with escapes (used by every stage that writes JSON).
std::string json_quote(const std::string& s);

}  // namespace wenshu::core
