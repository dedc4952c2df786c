// The archive profile: every choice archive.md §15 leaves to the receiving 档案馆 (档号 style,
// classification scheme, 问题 codes, 保管期限 per 文种, split limits) as data. The default is
// profiles/archive-default.xml (schema schemas/archive-profile.xsd); built-in values are used
// only when that file is absent, and they are the same values.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace wenshu::archive {

/// 档号 separator style (archive.md §1.6).
enum class CodeStyle {
  kDaT22,  ///< DA/T 22-2015: Z109-WS·2024-Y-DCY-0001
  kDaT13,  ///< DA/T 13-2022: Z109-WS·2024·Y·DCY-0001
};

/// Classification scheme (DA/T 22-2015 §5.2); decides the folder order under 电子档案/.
enum class Scheme {
  kYearRetentionClass,  ///< 年度-保管期限-问题 (default, §15)
  kYearClassRetention,  ///< 年度-问题-保管期限
  kYearRetention,       ///< 年度-保管期限 (no 问题 level; 档号 without class code)
};

/// One 问题 class: the regulation code of the records, its 3-letter 档号 code and its name.
struct ProblemClass {
  std::string regulation;  ///< DY ZX BG TG JD DB ZZ ZH
  std::string code;        ///< 3 ASCII capitals or digits (DA/T 22 §5.4), e.g. DCY
  std::string name;        ///< 调查研究 …
};

/// All settings of the archive profile.
struct ArchiveProfile {
  std::string name = "archive-default";
  std::string category = "WS";  ///< 档案门类代码 (DA/T 13-2022)
  CodeStyle code_style = CodeStyle::kDaT22;
  Scheme scheme = Scheme::kYearRetentionClass;
  std::vector<ProblemClass> classes;                   ///< in the order of the 分类方案
  std::map<std::string, std::string> retention_by_kind; ///< 文种 → Y / D30 / D10
  std::string default_retention = "D30";               ///< for a 文种 missing from the table
  std::uint64_t split_bytes = std::uint64_t(2) << 30;  ///< split by 保管期限 above this (§15)
  std::uint64_t split_entries = 60000;
  bool always_split = false;

  /// The class for a regulation code, or nullptr.
  const ProblemClass* class_for(const std::string& regulation) const;
  /// 保管期限 for a 文种 (the table, else default_retention).
  std::string retention_for(const std::string& kind) const;
};

/// The allowed 保管期限 codes, longest period first (DA/T 22 §5.4; 国家档案局令第8号).
const std::vector<std::string>& retention_codes();
/// Chinese name of a 保管期限 code: 永久, 定期30年, 定期10年 ("" when unknown).
std::string retention_name(const std::string& code);

/// The built-in defaults (the same as profiles/archive-default.xml).
ArchiveProfile builtin_profile();
/// Loads a profile file (validated against schemas/archive-profile.xsd). nullopt + diagnostics
/// on bad input.
std::optional<ArchiveProfile> load_profile(const std::filesystem::path& path, core::DiagnosticSink& sink);
/// profiles/archive-default.xml if present, else builtin_profile().
std::optional<ArchiveProfile> default_profile(core::DiagnosticSink& sink);

}  // namespace wenshu::archive
