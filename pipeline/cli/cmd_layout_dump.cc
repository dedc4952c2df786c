// wenshu layout-dump [--gids] [-o OUT] FILE: the text layout dump of a 公文 document file (one
// line per line box: page, line, baseline y, glyphs with x and advance; rules and rectangles).
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "cli/output.h"
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
  OutputArgs print;
  std::string layout;  ///< --layout FILE (layout profile)
};

int run_layout_dump(const LayoutDumpArgs& a) {
  Printer out("layout-dump", a.print);
  job::LayoutDumpOptions opt;
  opt.glyph_ids = a.glyph_ids;
  opt.draft = a.draft;
  core::DiagnosticSink sink;
  // --layout: a layout profile file over the built-in defaults (gbt9704.md §F); unusable = 2.
  std::optional<layout::LayoutProfile> layout;
  if (!a.layout.empty() && !(layout = job::read_layout_profile(a.layout, sink))) {
    out.diagnostics(sink);
    return out.finish(kExitCannotRun, "");
  }
  if (layout) opt.profile = &*layout;
  const auto dump = job::layout_dump_file(a.file, opt, sink);
  sink.sort();
  out.diagnostics(sink);
  // An unreadable or invalid document is an error found in the input (1), as for render.
  if (!dump) return out.finish(sink.has_errors() ? kExitFindings : kExitCannotRun, "");
  if (!a.output.empty()) {
    core::write_file_atomic(a.output, *dump);
    out.data()["output"] = json_text(a.output);
  } else if (out.json()) {
    out.data()["dump"] = json_text(*dump);
  } else {
    std::fwrite(dump->data(), 1, dump->size(), stdout);
  }
  return out.finish(sink.has_errors() ? kExitFindings : kExitOk, "");
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
  add_output_options(cmd, args->print);
  cmd->callback([args, &rc] { rc = run_layout_dump(*args); });
}};

}  // namespace
}  // namespace wenshu::cli
