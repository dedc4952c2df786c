// wenshu layout-dump [--gids] [-o OUT] FILE: the text layout dump of a 公文 document file (one
// line per line box: page, line, baseline y, glyphs with x and advance; rules and rectangles).
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "core/diagnostic.h"
#include "core/file_io.h"
#include "job/layout_dump.h"
#include "job/layout_profile_file.h"

namespace wenshu::cli {
namespace {

struct LayoutDumpArgs {
  std::string file;
  std::string output;
  bool glyph_ids = false;
  bool draft = false;
  bool json = false;
  std::string layout;  ///< --layout FILE (layout profile)
};

int run_layout_dump(const LayoutDumpArgs& a) {
  job::LayoutDumpOptions opt;
  opt.glyph_ids = a.glyph_ids;
  opt.draft = a.draft;
  core::DiagnosticSink sink;
  // --layout: a layout profile file over the built-in defaults (gbt9704.md §F); unusable = 2.
  std::optional<layout::LayoutProfile> layout;
  if (!a.layout.empty() && !(layout = job::read_layout_profile(a.layout, sink))) {
    for (const auto& d : sink.items()) std::fprintf(stderr, "%s\n", (a.json ? core::format_json(d) : core::format_text(d)).c_str());
    return kExitCannotRun;
  }
  if (layout) opt.profile = &*layout;
  const auto dump = job::layout_dump_file(a.file, opt, sink);
  sink.sort();
  for (const auto& d : sink.items()) {
    const std::string line = a.json ? core::format_json(d) : core::format_text(d);
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  // An unreadable or invalid document is an error found in the input (1), as for render.
  if (!dump) return sink.has_errors() ? kExitFindings : kExitCannotRun;
  if (a.output.empty()) {
    std::fwrite(dump->data(), 1, dump->size(), stdout);
  } else {
    core::write_file_atomic(a.output, *dump);
  }
  return sink.has_errors() ? kExitFindings : kExitOk;
}

const CommandRegistrar reg{"layout-dump", 40, [](CLI::App& app, int& rc) {
  auto args = std::make_shared<LayoutDumpArgs>();
  CLI::App* cmd = app.add_subcommand("layout-dump", "Print the page layout of a 公文 document file as text (for review and diff)");
  cmd->add_option("file", args->file, "Document XML file (gongwen.xsd)")->required()->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", args->output, "Write the dump to this file instead of standard output");
  cmd->add_option("--layout", args->layout, "Layout profile (profiles/layout-default.xml form) over the built-in defaults")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--gids", args->glyph_ids, "Also print glyph ids");
  cmd->add_flag("--draft", args->draft, "Lay out as a draft (草稿 watermark)");
  cmd->add_flag("--json", args->json, "Diagnostics as JSON lines");
  cmd->callback([args, &rc] { rc = run_layout_dump(*args); });
}};

}  // namespace
}  // namespace wenshu::cli
