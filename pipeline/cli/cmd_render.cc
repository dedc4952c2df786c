// wenshu render [-o DIR] [--draft] [--as pdf|ofd|both] FILE|DIR...: 公文 document files (or records, or
// folders holding them) → PDF and/or OFD (GB/T 9704-2012; OFD per GB/T 33190-2016).
#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "core/diagnostic.h"
#include "core/file_io.h"
#include "ingest/document_reader.h"
#include "ingest/records_reader.h"
#include "ingest/xml_sniff.h"
#include "job/render.h"
#include "job/layout_profile_file.h"
#include "job/render_records.h"

namespace wenshu::cli {
namespace {

struct RenderArgs {
  std::vector<std::string> files;
  std::string output_dir = "out";
  bool draft = false;
  bool no_pdfa = false;
  OutputArgs output;
  std::string layout;  ///< --layout FILE (layout profile)
  std::string profile;  ///< --profile FILE: rule profile for records inputs (as build)
  std::string as = "pdf";  ///< --as pdf|ofd|both
  unsigned threads = 0;  ///< -j: documents rendered at once (0: all cores)
};

/// The inputs with every folder replaced by the 公文 document and records files under it (sorted
/// by path, the same on every machine); other XML in a folder (profiles, sidecars) is left
/// alone, as validate and build do. A file named on the command line is taken as it is.
std::vector<std::filesystem::path> expand_folders(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::vector<fs::path> out;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (!fs::is_directory(in, ec)) {
      out.emplace_back(in);
      continue;
    }
    std::vector<fs::path> found;
    for (fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec) || it->path().extension() != ".xml") continue;
      const auto root = ingest::sniff_root_file(it->path());
      if (root && (root->namespace_uri == ingest::kRecordsNamespace ||
                   ingest::is_document_xml(core::read_head(it->path(), ingest::kSniffBytes))))
        found.push_back(it->path());
    }
    std::sort(found.begin(), found.end(), [](const fs::path& x, const fs::path& y) { return x.string() < y.string(); });
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

int run_render(const RenderArgs& a) {
  Printer out("render", a.output);
  job::RenderOptions opt;
  opt.output_dir = a.output_dir;
  opt.draft = a.draft;
  opt.pdfa = !a.no_pdfa;
  opt.as = *job::parse_renditions(a.as);  // CLI11 checked the value
  opt.threads = a.threads;
  opt.digests = false;  // only build records them
  opt.progress = out.progress_callback();
  std::vector<std::filesystem::path> files = expand_folders(a.files);
  core::DiagnosticSink sink;
  if (files.empty()) {
    sink.push(core::error("XML-IO", {a.files.front(), 0, 0}, "文件夹中没有公文或记录 XML 文件",
                          "no 公文 or records XML files in the folder"));
    out.diagnostics(sink);
    return out.could_not_run();
  }
  // --layout: a layout profile file over the built-in defaults (gbt9704.md §F); unusable = 2.
  std::optional<layout::LayoutProfile> layout;
  if (!a.layout.empty() && !(layout = job::read_layout_profile(a.layout, sink))) {
    out.diagnostics(sink);
    return out.could_not_run();
  }
  if (layout) opt.profile = &*layout;
  // Added by compose: inputs that are not 公文 document files are RECORDS; every document they
  // call for is rendered by job::render_records_files into DIR/<committee>/<year>/<kind>/
  // (--draft = force: documents whose records break an error rule become drafts).
  std::vector<std::filesystem::path> record_files;
  std::erase_if(files, [&](const std::filesystem::path& f) {
    std::string bytes;
    try {
      bytes = core::read_head(f, ingest::kSniffBytes);  // the root start tag tells the kind
    } catch (const std::exception&) {
      return false;  // render_files reports the unreadable file
    }
    if (ingest::is_document_xml(bytes)) return false;
    record_files.push_back(f);
    return true;
  });
  bool records_ok = true;
  if (!record_files.empty()) {
    job::RenderRecordsOptions ro;
    ro.output_dir = a.output_dir;
    ro.force = a.draft;
    ro.pdfa = !a.no_pdfa;
    ro.as = opt.as;
    ro.layout_profile = opt.profile;
    ro.threads = a.threads;
    ro.progress = opt.progress;
    const auto rr = job::render_records_files(
        record_files, a.profile.empty() ? std::nullopt : std::optional<std::filesystem::path>(a.profile), ro, sink);
    records_ok = rr.exit_code(sink) == 0;
    if (rr.could_not_run) {  // e.g. an unusable --profile: say why
      out.diagnostics(sink);
      return out.could_not_run();
    }
    for (const auto& r : rr.documents)
      out.detail(fmt::format("{} -> {}", r.document_id,
                             r.written ? r.output.string() : r.refused ? out.tr("拒绝生成", "refused") : out.tr("未生成", "not rendered")));
  }
  const auto results = job::render_files(files, opt, sink);
  sink.sort();
  out.diagnostics(sink);
  int written = 0, refused = 0, drafts = 0;
  nlohmann::json docs = nlohmann::json::array();
  for (const auto& r : results) {
    nlohmann::json outputs = nlohmann::json::array();
    for (const auto& p : r.outputs) outputs.push_back(json_text(p.string()));
    docs.push_back({{"source", json_text(r.source)}, {"outputs", outputs}, {"written", r.written}, {"refused", r.refused},
                    {"draft", r.draft}, {"pages", r.pages}, {"bytes", r.bytes}});
    if (r.written) {
      ++written;
      drafts += r.draft ? 1 : 0;
      std::string paths;
      for (const auto& p : r.outputs) paths += (paths.empty() ? "" : ", ") + p.string();
      out.result(fmt::format("{} -> {} ({} 页, {} {}{})", r.source, paths, r.pages, r.bytes, out.tr("字节", "bytes"),
                             r.draft ? out.tr("，草稿", ", draft") : ""));
    } else if (r.refused) {
      ++refused;
      out.result(fmt::format("{}: {}", r.source,
                             out.tr("拒绝生成：有公文格式错误（见上；--draft 可生成草稿）", "refused: GW errors (see above; --draft makes a draft)")));
    } else {
      out.result(fmt::format("{}: {}", r.source, out.tr("未生成", "nothing written")));
    }
  }
  out.data()["documents"] = std::move(docs);
  const int rc = sink.has_errors() || !records_ok || written != static_cast<int>(results.size()) ? kExitFindings : kExitOk;
  return out.finish(rc, fmt::format("render: {}/{} {}{}{}{}", written, results.size(),
                                    out.tr(fmt::format("份文书（{} 份草稿，{} 份拒绝）", drafts, refused),
                                           fmt::format("document(s) ({} draft(s), {} refused)", drafts, refused)),
                                    out.separator(),
                                    out.counts_text(sink.count(core::Severity::kError), sink.count(core::Severity::kWarning)),
                                    ""));
}

const CommandRegistrar reg{"render", 30, [](CLI::App& app, int& rc) {
  auto args = std::make_shared<RenderArgs>();
  CLI::App* cmd = app.add_subcommand("render", "Typeset 公文 document files (gongwen.xsd) as PDF and/or OFD per GB/T 9704-2012");
  cmd->add_option("files", args->files,
                  "公文 document XML files (gongwen.xsd), records files, or folders holding them (walked for *.xml)")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("-o,--output", args->output_dir, "Output folder (default: out); writes DIR/<stem>.pdf");
  cmd->add_flag("--draft", args->draft,
                "Also render documents with errors (GW format errors first), marked 草稿; without it they are refused");
  cmd->add_option("--layout", args->layout, "Layout profile (profiles/layout-default.xml form) over the built-in defaults")
      ->check(CLI::ExistingFile);
  cmd->add_option("--profile", args->profile, "Rule profile over the shipped zhangye-2009 values (records inputs)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--as", args->as,
                  "Renditions: pdf (default), ofd (GB/T 33190-2016), or both (X.pdf and X.ofd side by side, one layout)")
      ->check(CLI::IsMember({"pdf", "ofd", "both"}));
  cmd->add_flag("--no-pdfa", args->no_pdfa, "Leave out the PDF/A-2 structure (XMP, output intent)");
  cmd->add_option("-j,--threads", args->threads,
                  "Documents rendered at once (default: all cores); output bytes and order do not depend on it");
  add_output_options(cmd, args->output);
  cmd->callback([args, &rc] { rc = run_render(*args); });
}};

}  // namespace
}  // namespace wenshu::cli
