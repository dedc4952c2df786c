// Records → 公文 document models: plans the documents a committee-year calls for (catalogue),
// writes the templates' input once per committee, runs each kind's template and reads its
// output back through the 公文 reader (so a template's output is checked exactly like a
// hand-written document). A document whose source records break an error rule is refused
// unless forced, in which case it is marked as a draft (草稿 watermark).
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "compose/catalogue.h"
#include "compose/xslt_runner.h"
#include "core/diagnostic.h"
#include "model/document.h"
#include "model/records.h"

namespace wenshu::compose {

/// Stage rule ids (besides the engine's, xslt_runner.h).
inline constexpr const char* kRuleRefused = "COMPOSE-REFUSED";  ///< sources break an error rule
inline constexpr const char* kRuleRef = "COMPOSE-REF";          ///< a record names an unknown person
inline constexpr const char* kRuleOutput = "COMPOSE-OUTPUT";    ///< template output is not a valid 公文

/// Options of a compose run.
struct ComposeOptions {
  std::filesystem::path template_dir;   ///< empty: core::data_path("templates")
  bool force = false;                   ///< render refused documents as drafts
  /// The validator's findings over the whole records (rules::check_records); they decide the
  /// refusals and feed the annual reports.
  std::vector<core::Diagnostic> findings;
  /// Only these kind ids (empty: all).
  std::vector<std::string> only_kinds;
};

/// One planned document and what became of it.
struct ComposedDocument {
  DocRequest request;
  std::optional<model::Document> document;  ///< nullopt when refused or failed
  bool refused = false;                     ///< refused for source errors (not forced)
  std::vector<std::string> source_errors;   ///< "JD-4.2 record-id" of the errors behind a refusal/draft
  std::string xml;                          ///< the template's output (document-model XML), when it ran
};

/// Whether a planned document is issued (composed, possibly as a forced draft) and its 成文日期.
struct PlannedDate {
  bool issued = false;
  std::optional<core::Date> date;
};

/// Gives the composed documents of `committee` that carry a 发文字号 (doc_number.h) their
/// number: counted over every issued document of `plan` (the committee's full plan, so --kind
/// does not change them; refused documents take none, so the issued ones have no gaps), per
/// 机关代字 × year in order of 成文日期 then document id (GB/T 9704-2012 7.2.5). `date_of`
/// tells about a planned document missing from `composed`. A number already in a document is kept.
void number_documents(const model::Records& records, const std::string& committee, const std::vector<DocRequest>& plan,
                      std::vector<ComposedDocument>& composed,
                      const std::function<PlannedDate(const DocRequest&)>& date_of);

/// Composes documents; holds the compiled templates, so reuse one Composer for a whole run.
class Composer {
 public:
  explicit Composer(std::filesystem::path template_dir = {});

  /// Every document the records of `committee` call for, in catalogue order. Problems go into
  /// `sink` naming the template (file:line) or the record; the other documents still compose.
  std::vector<ComposedDocument> compose_committee(const model::Records& records, const std::string& committee,
                                                  const ComposeOptions& options, core::DiagnosticSink& sink);

  /// Composes one planned document from an input already built (tests, benchmarks).
  ComposedDocument compose_one(const DocRequest& request, _xmlDoc* input, const ComposeOptions& options,
                               core::DiagnosticSink& sink);

  /// The template folder in use.
  const std::filesystem::path& template_dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  XsltRunner runner_;
};

}  // namespace wenshu::compose
