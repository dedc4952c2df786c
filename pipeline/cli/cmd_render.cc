// wenshu render [-o DIR] [--draft] [--as pdf|ofd|both] FILE...: 公文 document files → PDF and/or OFD
// (GB/T 9704-2012; OFD per GB/T 33190-2016).
#include <cstdio>

#include "cli/command.h"
#include "core/diagnostic.h"
#include "core/file_io.h"
#include "ingest/document_reader.h"
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
  bool json = false;
  std::string layout;  ///< --layout FILE (layout profile)
  std::string profile;  ///< --profile FILE: rule profile for records inputs (as build)
  std::string as = "pdf";  ///< --as pdf|ofd|both
  unsigned threads = 0;  ///< -j: documents rendered at once (0: all cores)
};

int run_render(const RenderArgs& a) {
  job::RenderOptions opt;
  opt.output_dir = a.output_dir;
  opt.draft = a.draft;
  opt.pdfa = !a.no_pdfa;
  opt.as = *job::parse_renditions(a.as);  // CLI11 checked the value
  opt.threads = a.threads;
  opt.digests = false;  // only build records them
  std::vector<std::filesystem::path> files(a.files.begin(), a.files.end());
  core::DiagnosticSink sink;
  // --layout: a layout profile file over the built-in defaults (gbt9704.md §F); unusable = 2.
  std::optional<layout::LayoutProfile> layout;
  if (!a.layout.empty() && !(layout = job::read_layout_profile(a.layout, sink))) {
    for (const auto& d : sink.items()) std::fprintf(stderr, "%s\n", (a.json ? core::format_json(d) : core::format_text(d)).c_str());
    return kExitCannotRun;
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
    const auto rr = job::render_records_files(
        record_files, a.profile.empty() ? std::nullopt : std::optional<std::filesystem::path>(a.profile), ro, sink);
    records_ok = rr.exit_code(sink) == 0;
    if (rr.could_not_run) {  // e.g. an unusable --profile: say why
      for (const auto& d : sink.items()) std::fprintf(stderr, "%s\n", (a.json ? core::format_json(d) : core::format_text(d)).c_str());
      return kExitCannotRun;
    }
    for (const auto& r : rr.documents)
      std::printf("%s -> %s\n", r.document_id.c_str(),
                  r.written ? r.output.string().c_str() : (r.refused ? "拒绝生成 / refused" : "未生成 / not rendered"));
  }
  const auto results = job::render_files(files, opt, sink);
  sink.sort();
  for (const auto& d : sink.items()) {
    const std::string line = a.json ? core::format_json(d) : core::format_text(d);
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  int written = 0, refused = 0, drafts = 0;
  for (const auto& r : results) {
    if (r.written) {
      ++written;
      drafts += r.draft ? 1 : 0;
      std::string paths;
      for (const auto& p : r.outputs) paths += (paths.empty() ? "" : ", ") + p.string();
      std::printf("%s -> %s (%d 页, %zu bytes%s)\n", r.source.c_str(), paths.c_str(), r.pages, r.bytes,
                  r.draft ? ", 草稿 / draft" : "");
    } else if (r.refused) {
      ++refused;
      std::printf("%s: 拒绝生成：有公文格式错误（见上；--draft 可生成草稿）/ refused: GW errors\n", r.source.c_str());
    } else {
      std::printf("%s: 未生成 / nothing written\n", r.source.c_str());
    }
  }
  std::printf("render: %d/%zu 文件 / documents（%d 草稿，%d 拒绝）, %zu 错误, %zu 警告\n", written, results.size(), drafts,
              refused, sink.count(core::Severity::kError), sink.count(core::Severity::kWarning));
  return sink.has_errors() || !records_ok || written != static_cast<int>(results.size()) ? kExitFindings : kExitOk;
}

const CommandRegistrar reg{"render", 30, [](CLI::App& app, int& rc) {
  auto args = std::make_shared<RenderArgs>();
  CLI::App* cmd = app.add_subcommand("render", "Typeset 公文 document files (gongwen.xsd) as PDF and/or OFD per GB/T 9704-2012");
  cmd->add_option("files", args->files, "Document XML files")->required()->check(CLI::ExistingFile);
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
  cmd->add_flag("--json", args->json, "Diagnostics as JSON lines");
  cmd->callback([args, &rc] { rc = run_render(*args); });
}};

}  // namespace
}  // namespace wenshu::cli
