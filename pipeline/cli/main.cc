// wenshu: validate records and 公文, render 公文 to PDF, pack and verify archive dossiers.
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <exception>

#include "cli/command.h"
#include "core/data_dir.h"

namespace wenshu::cli {

std::vector<Command>& commands() {
  static std::vector<Command> all;
  return all;
}

CommandRegistrar::CommandRegistrar(std::string name, int order, std::function<void(CLI::App&, int&)> setup) {
  commands().push_back({std::move(name), order, std::move(setup)});
}

namespace {

/// CLI11's usage errors, Chinese first with CLI11's own English text beside (exit 2).
std::string usage_failure(const CLI::App* app, const CLI::Error& e) {
  static const std::pair<const char*, const char*> kinds[] = {
      {"RequiredError", "缺少必需的参数或选项"},     {"ExtrasError", "有多余的或不认识的参数"},
      {"ValidationError", "参数值不合要求"},         {"ConversionError", "参数值的类型不对"},
      {"ArgumentMismatch", "选项后面的值个数不对"},  {"RequiresError", "此选项需要与另一个选项同用"},
      {"ExcludesError", "这两个选项不能同用"},       {"HorribleError", "命令行无法解析"},
      {"FileError", "文件无法读取"},
  };
  const char* zh = "命令行用法错误";
  for (const auto& [name, text] : kinds)
    if (e.get_name() == name) zh = text;
  std::string name = app->get_name().empty() ? "wenshu" : app->get_name();
  return std::string("wenshu: ") + zh + " / usage error: " + e.what() + "\n运行 `wenshu " +
         (name == "wenshu" ? std::string() : name + " ") + "--help` 查看用法 / run with --help for the usage.\n";
}

}  // namespace

}  // namespace wenshu::cli

int main(int argc, char** argv) {
  using namespace wenshu;
  // Over a file-size limit (ulimit -f) the kernel would kill the process with SIGXFSZ and no
  // word; ignored, the write fails with EFBIG and the writer reports the file (exit 2).
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{
      "wenshu（文书）：按市委发〔2009〕32号的七项制度检查党委的工作记录，把记录要求的公文按\n"
      "GB/T 9704-2012 排版为 PDF，并把一年的文件按 DA/T 22-2015 整理为归档包。离线运行；同样的输入，同样的字节。\n"
      "wenshu — checks a party committee's records against the seven regulations of 市委发〔2009〕32号,\n"
      "typesets the 公文 they call for (GB/T 9704-2012) and packs a year's documents into archive\n"
      "dossiers (DA/T 22-2015). Offline; same input, same bytes.\n\n"
      "退出码 / exit codes: 0 没有错误 / no errors found, 1 输入中有错误 / errors found in the input,\n"
      "2 无法运行 / could not run (bad usage, missing or unreadable input).\n"
      "诊断在标准错误，结果和汇总行在标准输出；--format json 见 docs/json.md。\n"
      "Diagnostics on stderr, results and the summary line on stdout.\n"
      "每个命令的用法 / each command: `wenshu COMMAND --help`.",
      "wenshu"};
  app.require_subcommand(1);
  app.failure_message(cli::usage_failure);
  app.set_version_flag("--version", std::string("wenshu ") + core::version());
  std::string data_dir;
  app.add_option("--data", data_dir,
                 "wenshu 的数据目录（fonts/、templates/、schemas/、profiles/）/ wenshu's data folder "
                 "(default: $WENSHU_DATA, else <prefix>/share/wenshu beside an installed program, else the source tree "
                 "it was built from)")
      ->check(CLI::ExistingDirectory);
  app.parse_complete_callback([&] {
    if (!data_dir.empty()) core::set_data_dir(data_dir);
  });

  int exit_code = cli::kExitOk;
  auto cmds = cli::commands();
  std::sort(cmds.begin(), cmds.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
  for (const auto& c : cmds) c.setup(app, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : cli::kExitCannotRun;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "wenshu: %s\n", e.what());
    return cli::kExitCannotRun;
  }
  return exit_code;
}
