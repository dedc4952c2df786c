// The kind catalogue: which records call for which document (rules.md, the seven regulations),
// the template that makes it, the GB/T 9704 format it uses, and the clerk-readable output path
// out/<committee>/<year>/<kind>/<date> <title>.pdf.
#pragma once
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/document.h"
#include "model/records.h"

namespace wenshu::compose {

/// How a document kind looks on paper.
enum class KindFormat {
  kStandard,  ///< 通用 (GB/T 9704-2012 §7), with 版头
  kLetter,    ///< 信函 (§10.1)
  kMinutes,   ///< 纪要 (§10.3)
  kForm,      ///< form / table: 通用 without 版头 (title, table, signature)
};

/// One document kind of the catalogue.
struct DocKind {
  std::string id;            ///< short ASCII id, e.g. "dy-report" (also the template stem)
  std::string name;          ///< 文种 as the clerk knows it; the output folder name
  std::string regulation;    ///< DY ZX BG TG JD DB ZZ (archive 问题 class)
  std::vector<std::string> rules;  ///< the rules.md ids the document serves
  KindFormat format = KindFormat::kStandard;
  /// Made from one record (refused when that record breaks an error rule) or an aggregate
  /// over many (refused only for errors of its own rules, e.g. JD-4.3 for the summary).
  bool aggregate = false;
  /// The template file, relative to the templates folder.
  std::string template_file() const { return id + ".xsl"; }
};

/// Every kind, in the regulations' order.
const std::vector<DocKind>& doc_kinds();
/// The kind with `id`, or nullptr.
const DocKind* find_kind(const std::string& id);

/// The GB/T 9704 format a kind's template must produce.
model::DocFormat expected_format(KindFormat f);
/// 通用 / 信函 / 纪要 / 表单.
const char* format_name(KindFormat f);

/// One document the records call for.
struct DocRequest {
  const DocKind* kind = nullptr;
  std::string committee;                  ///< committee id
  int year = 0;
  std::string record_id;                  ///< the record (empty for aggregates)
  std::string period;                     ///< aggregates: "2009-05" (month), "2009-H1", "2009"
  bool city_wide = false;                 ///< the city-wide annual report
  std::vector<std::string> sources;       ///< ids of the records it is made from
  core::SourceLocation location;          ///< of the record (or the committee)
  std::string document_id() const;        ///< stable id: committee/year/kind/record-or-period
};

/// Every document the records of `committee` call for, in catalogue order then record order.
std::vector<DocRequest> plan_documents(const model::Records& records, const std::string& committee);

/// A file-name part safe on Windows, macOS and Linux file systems, still readable Chinese:
/// / \ : * ? " < > | and control characters become full-width or are dropped, leading and
/// trailing dots/spaces are removed, and the result is cut to at most `max_bytes` UTF-8 bytes
/// on a character boundary.
std::string sanitize_file_name(const std::string& name, std::size_t max_bytes = 160);

/// out/<committee>/<year>/<kind name>/<YYYY-MM-DD> <title>.pdf; when that name is in `taken`,
/// the record id (or period) is appended so two documents never overwrite each other. The
/// chosen relative path is inserted into `taken`.
std::filesystem::path output_path(const DocRequest& request, const model::Document& doc,
                                  std::set<std::string>& taken);

}  // namespace wenshu::compose
