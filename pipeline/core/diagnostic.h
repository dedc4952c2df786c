// Diagnostics are values: every stage reports bad input by pushing a Diagnostic into a sink
// and carrying on with the next record; exceptions are for I/O failures and bugs only.
//
// Make one with the helpers, Chinese first (the users are Chinese committee offices), English
// beside it in its own field:
//   sink.push(core::error("DA-1", {file, line}, "没有全宗号", "no 全宗号").in_committee(id).hint("…"));
// The printer (cli/printer.h) chooses the language (--lang zh|en|both) and the format.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
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

/// One finding. `rule` is a docs/rules.md id (JD-1b, GW-3, …) or a stage id (XML-…, LAYOUT-…,
/// PDF-…, ZIP-…, DA-…).
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string rule;        ///< rule or stage id
  std::string clause;      ///< the clause it comes from, short (e.g. 监督制度 第（一）条)
  SourceLocation location; ///< where in the user's input (a records file, a 公文 file, a dossier)
  /// Where in wenshu's own data the finding arose (a template line), when `location` is the
  /// user's input that went through it; an extra, for the program's maintainers.
  SourceLocation template_location;
  std::string record_id;   ///< the record (or document, or archive item) it is about
  std::string committee;   ///< committee id, for per-committee summaries (may be empty)
  /// One line, Chinese. Code written before the split may still put "中文 / English" here with
  /// message_en empty: message_zh()/message_en() below split such a message for the printer.
  std::string message;
  std::string message_en;  ///< the same in English (may be empty)
  std::vector<std::string> hints;  ///< fixes and explanations, one line each

  // Setters for building one in a single expression (see the helpers below).
  Diagnostic& about(std::string record) & { record_id = std::move(record); return *this; }
  Diagnostic&& about(std::string record) && { record_id = std::move(record); return std::move(*this); }
  Diagnostic& in_committee(std::string id) & { committee = std::move(id); return *this; }
  Diagnostic&& in_committee(std::string id) && { committee = std::move(id); return std::move(*this); }
  Diagnostic& hint(std::string line) & { hints.push_back(std::move(line)); return *this; }
  Diagnostic&& hint(std::string line) && { hints.push_back(std::move(line)); return std::move(*this); }
  Diagnostic& with_clause(std::string c) & { clause = std::move(c); return *this; }
  Diagnostic&& with_clause(std::string c) && { clause = std::move(c); return std::move(*this); }

  bool has_range = false;
  CharRange range;         ///< with has_range: the characters concerned
  std::string fix;         ///< with has_range: replacement text for the range, if known
  int year = 0;            ///< the year of the records it is about (0: not tied to one year)
  /// Cascade: "rule file:line" of the finding this one may follow from (a record left out for a
  /// schema error, a reference that does not resolve, a file that could not be read). Such a
  /// finding is a note, listed after its cause. Empty: it stands on its own.
  std::string caused_by;
  /// A matter not yet due at the date the records are judged as of (validate --as-of): its
  /// deadline, YYYY-MM-DD. Such a finding is a note ("pending"), not a violation.
  std::string due;
};

/// A finding of `severity` under `rule` at `where`, in Chinese (`zh`) and English (`en`).
Diagnostic diagnostic(Severity severity, std::string rule, SourceLocation where, std::string zh, std::string en = {});
inline Diagnostic error(std::string rule, SourceLocation where, std::string zh, std::string en = {}) {
  return diagnostic(Severity::kError, std::move(rule), std::move(where), std::move(zh), std::move(en));
}
inline Diagnostic warning(std::string rule, SourceLocation where, std::string zh, std::string en = {}) {
  return diagnostic(Severity::kWarning, std::move(rule), std::move(where), std::move(zh), std::move(en));
}
inline Diagnostic info(std::string rule, SourceLocation where, std::string zh, std::string en = {}) {
  return diagnostic(Severity::kInfo, std::move(rule), std::move(where), std::move(zh), std::move(en));
}

/// The Chinese and the English text of `d`: its two fields, or, for a message still written as
/// "中文 / English" in one field, the two halves (split at the first " / " after Chinese text).
std::string_view message_zh(const Diagnostic& d);
std::string_view message_en(const Diagnostic& d);

/// Which language(s) a printed message uses (--lang).
enum class Lang : std::uint8_t { kBoth, kZh, kEn };
/// The message in `lang`: "中文 / English" for kBoth (just one when the other is empty); kEn
/// falls back to Chinese when a message has no English.
std::string message_text(const Diagnostic& d, Lang lang = Lang::kBoth);

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
  /// Replaces the diagnostics kept (reordered or with severities changed), counting them anew;
  /// the count of those not kept stays.
  void replace(std::vector<Diagnostic> items);
  /// Hands the diagnostics kept to the caller and empties the sink (to reorder or change them
  /// without copying them all; give them back with replace()).
  std::vector<Diagnostic> take();
  /// Sorts by file, line, column, rule, message: output order independent of processing order.
  void sort();

 private:
  std::vector<Diagnostic> items_;
  std::size_t counts_[4] = {0, 0, 0, 0};
  std::size_t cap_;
  std::size_t dropped_ = 0;
};

/// How format_text writes a finding.
struct TextStyle {
  Lang lang = Lang::kBoth;
  bool clause = false;  ///< the clause's short name after the rule id: error[JD-1b 监督制度 第（一）条]
};

/// `file:line:col: error[JD-1b]: message` (+ `  = hint` lines). Fields that are unknown are left
/// out (`file: error[…]` when there is no line).
std::string format_text(const Diagnostic& d, const TextStyle& style = {});
// JSON: cli/output.h (nlohmann-json, docs/json.md).

}  // namespace wenshu::core
