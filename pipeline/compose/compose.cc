// Records → 公文 document models (see compose.h).
#include "compose/compose.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "compose/doc_number.h"
#include "compose/records_xml.h"
#include "core/data_dir.h"
#include "ingest/document_reader.h"

namespace wenshu::compose {
namespace fs = std::filesystem;

namespace {

fs::path default_dir(fs::path dir) { return dir.empty() ? core::data_path("templates") : dir; }

/// Errors of the validator that block `request`: errors on one of its source records (for an
/// aggregate only errors of the kind's own rules, e.g. JD-4.3 for the half-year summary).
std::vector<const core::Diagnostic*> blocking_errors(const DocRequest& request,
                                                     const std::vector<core::Diagnostic>& findings) {
  std::vector<const core::Diagnostic*> out;
  if (request.kind->id == "annual-report") return out;  // it reports the findings
  const std::set<std::string> sources(request.sources.begin(), request.sources.end());
  for (const auto& d : findings) {
    if (d.severity != core::Severity::kError || d.record_id.empty() || !sources.count(d.record_id)) continue;
    if (!d.committee.empty() && d.committee != request.committee) continue;
    if (request.kind->aggregate &&
        std::find(request.kind->rules.begin(), request.kind->rules.end(), d.rule) == request.kind->rules.end())
      continue;
    out.push_back(&d);
  }
  return out;
}

}  // namespace

Composer::Composer(fs::path template_dir) : dir_(default_dir(std::move(template_dir))), runner_(dir_) {}

ComposedDocument Composer::compose_one(const DocRequest& request, _xmlDoc* input, const ComposeOptions& options,
                                       core::DiagnosticSink& sink) {
  ComposedDocument result;
  result.request = request;
  const fs::path xsl = dir_ / request.kind->template_file();

  // Refusal first: a document made from records that break an error rule is not issued
  // (the clerk must fix the records, or ask for a draft with --draft).
  const auto blocking = blocking_errors(request, options.findings);
  for (const auto* d : blocking) result.source_errors.push_back(d->rule + " " + d->record_id);
  if (!blocking.empty() && !options.force) {
    core::Diagnostic d;
    d.rule = kRuleRefused;
    d.location = request.location;
    d.record_id = request.record_id.empty() ? request.period : request.record_id;
    d.committee = request.committee;
    d.message = "未生成" + request.kind->name + "：来源记录违反规定（" + std::to_string(blocking.size()) +
                " 项错误）/ not rendered: its source records break an error rule";
    for (const auto* b : blocking)
      d.hints.push_back(b->rule + " " + b->record_id + "：" + b->message);
    d.hints.push_back("改正记录后重新生成，或用 --draft 生成带“草稿”水印的文稿");
    sink.push(std::move(d));
    result.refused = true;
    return result;
  }

  XsltParams params = {
      {"record", request.record_id},
      {"period", request.period},
      {"kind", request.kind->id},
      {"city-wide", request.city_wide ? "true" : ""},
  };
  const std::string what = request.record_id.empty() ? request.document_id() : request.record_id;
  auto bytes = runner_.transform(xsl, input, params, what, sink);
  if (!bytes) return result;
  result.xml = *bytes;

  // The output goes through the 公文 reader exactly like a hand-written file; its problems are
  // charged to the template, since the template wrote that XML.
  core::DiagnosticSink local;
  const std::string name = xsl.filename().string() + "#" + what;
  auto doc = ingest::read_document_memory(*bytes, name, local, dir_);
  for (auto d : local.items()) {
    if (d.severity == core::Severity::kError || d.severity == core::Severity::kWarning) {
      d.hints.push_back("模板输出第 " + std::to_string(d.location.line) + " 行 / line of the template's output");
      d.rule = d.severity == core::Severity::kError ? kRuleOutput : d.rule;
      d.message = "模板生成的公文不合格式 / template produced an invalid document: " + d.message;
      d.location = {xsl.string(), 0, 0};
      d.record_id = what;
      d.committee = request.committee;
    }
    sink.push(std::move(d));
  }
  if (!doc || local.has_errors()) return result;

  if (doc->format != expected_format(request.kind->format)) {
    core::Diagnostic d;
    d.rule = kRuleOutput;
    d.location = {xsl.string(), 0, 0};
    d.record_id = what;
    d.committee = request.committee;
    d.message = std::string("模板应生成“") + format_name(request.kind->format) + "”格式的公文 / template produced the wrong format";
    sink.push(std::move(d));
    return result;
  }
  doc->id = request.document_id();
  if (doc->kind.empty()) doc->kind = request.kind->name;
  if (!blocking.empty()) doc->draft = true;  // forced: 草稿 watermark
  result.document = std::move(doc);
  return result;
}

std::vector<ComposedDocument> Composer::compose_committee(const model::Records& records, const std::string& committee,
                                                          const ComposeOptions& options, core::DiagnosticSink& sink) {
  std::vector<ComposedDocument> out;
  auto plan = plan_documents(records, committee);
  const auto full_plan = plan;  // 发文字号 are counted over every document, whatever --kind asks for
  if (!options.only_kinds.empty())
    std::erase_if(plan, [&](const DocRequest& q) {
      return std::find(options.only_kinds.begin(), options.only_kinds.end(), q.kind->id) == options.only_kinds.end();
    });
  if (plan.empty()) return out;

  ComposeInputOptions in_opts;
  in_opts.findings = options.findings;
  ComposeInput input = build_compose_input(records, committee, in_opts);
  XmlDoc doc = parse_xml(input.xml, "compose-input:" + committee, sink);
  XmlDoc city_doc;
  // Composes one request (missing people reported into `into`); nullopt document on failure.
  auto compose_request = [&](const DocRequest& q, const ComposeOptions& opts, core::DiagnosticSink& into) {
    // A record that names an unknown person cannot be rendered faithfully (an empty name on an
    // official form); the reader reports the dangling reference too, this names the document.
    bool missing = false;
    for (const auto& src : q.sources) {
      auto it = input.missing_people.find(src);
      if (it == input.missing_people.end()) continue;
      missing = true;
      for (const auto& person : it->second) {
        core::Diagnostic d;
        d.rule = kRuleRef;
        d.location = q.location;
        d.record_id = src;
        d.committee = committee;
        d.message = q.kind->aggregate
                        ? "记录引用的人员 " + person + " 不存在，" + q.kind->name + "中缺少其姓名 / record names unknown person " + person
                        : "记录引用的人员 " + person + " 不存在，未生成" + q.kind->name + " / record names unknown person " + person;
        if (q.kind->aggregate) d.severity = core::Severity::kWarning;
        into.push(std::move(d));
      }
    }
    ComposedDocument failed;
    failed.request = q;
    if (missing && !q.kind->aggregate) return failed;
    _xmlDoc* in = doc.get();
    if (q.city_wide) {
      if (!city_doc) {
        ComposeInputOptions city_opts = in_opts;
        city_opts.city_wide = true;
        city_doc = parse_xml(build_compose_input(records, committee, city_opts).xml, "compose-input:city", into);
      }
      in = city_doc.get();
    }
    if (in == nullptr) return failed;
    return compose_one(q, in, opts, into);
  };
  for (const auto& q : plan) out.push_back(compose_request(q, options, sink));
  number_documents(records, committee, full_plan, out, [&](const DocRequest& q) {
    // A document of another kind than --kind asked for: composed only to learn whether it is
    // issued and its 成文日期, so the numbers do not depend on the selection.
    core::DiagnosticSink scratch;
    auto c = compose_request(q, options, scratch);
    return c.document ? PlannedDate{true, c.document->date.value} : PlannedDate{};
  });
  return out;
}

void number_documents(const model::Records& records, const std::string& committee, const std::vector<DocRequest>& plan,
                      std::vector<ComposedDocument>& composed,
                      const std::function<PlannedDate(const DocRequest&)>& date_of) {
  const model::Committee* c = records.find_committee(committee);
  if (c == nullptr || c->agency_code.empty()) return;  // no 机关代字 in the records: nothing to number with
  std::map<std::string, ComposedDocument*> by_id;
  for (auto& d : composed) by_id[d.request.document_id()] = &d;
  std::vector<NumberSlot> slots;
  for (const auto& q : plan) {
    if (!kind_takes_doc_number(*q.kind)) continue;
    NumberSlot s;
    s.code = agency_code_for(*q.kind, c->agency_code);
    s.key = q.document_id();
    auto it = by_id.find(s.key);
    if (it != by_id.end()) {
      if (!it->second->document) continue;  // refused or failed: not issued, takes no number
      s.date = it->second->document->date.value;
    } else {
      const PlannedDate p = date_of(q);
      if (!p.issued) continue;
      s.date = p.date;
    }
    // GB/T 9704-2012 7.2.5: the year in the number is the year the document is issued.
    s.year = s.date ? s.date->year : q.year;
    slots.push_back(std::move(s));
  }
  assign_doc_numbers(slots);
  for (const auto& s : slots) {
    auto it = by_id.find(s.key);
    if (it == by_id.end() || !it->second->document || s.number.empty()) continue;
    model::Document& doc = *it->second->document;
    if (!doc.doc_number.empty()) continue;  // a number written by the template/records is kept
    doc.doc_number.value = s.number;
    doc.doc_number.location = it->second->request.location;
  }
}

}  // namespace wenshu::compose
