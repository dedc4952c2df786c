// wenshu verify DOSSIER...: the 四性 checks of archive dossiers (job/verify.h does the work).
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "core/file_io.h"
#include "job/verify.h"

namespace wenshu::cli {
namespace {

struct VerifyArgs {
  std::vector<std::string> paths;
  std::string expect;
  std::string build_record;
  std::string shard;
  std::vector<std::string> trust;  ///< --trust CERT.pem …
  OutputArgs output;
};

/// One line per dossier (its figures and the build it came from), the verdict as the summary.
int report_verify(const job::VerifyRunResult& r, Printer& out) {
  out.diagnostics(r.sink);
  if (r.could_not_run) return out.could_not_run(r.reason);
  nlohmann::json dossiers = nlohmann::json::array();
  for (std::size_t i = 0; i < r.checked.size(); ++i) {
    const auto& [p, st] = r.checked[i];
    const std::string build = i < r.builds.size() ? r.builds[i] : std::string();
    out.result(out.tr(fmt::format("{}：{} 个条目，{} 件，{} 个 PDF，{} 个数据文件，{} 字节", p.string(), st.entries, st.items,
                                  st.pdfs, st.payload_files, st.payload_bytes),
                      fmt::format("{}: {} entries, {} 件, {} PDF, {} payload files, {} bytes", p.string(), st.entries,
                                  st.items, st.pdfs, st.payload_files, st.payload_bytes)));
    if (!build.empty()) out.result("  " + build);
    dossiers.push_back({{"path", json_text(p.string())}, {"entries", st.entries}, {"items", st.items},
                        {"pdfs", st.pdfs}, {"payload_files", st.payload_files}, {"payload_bytes", st.payload_bytes},
                        {"build", json_text(build)}});
  }
  out.data()["dossiers"] = std::move(dossiers);
  const int rc = r.exit_code();
  out.data()["passed"] = rc == 0;
  return out.finish(rc, fmt::format("verify: {} — {}", rc == 0 ? out.tr("通过", "PASS") : out.tr("未通过", "FAIL"),
                                    out.counts_text(r.sink.count(core::Severity::kError),
                                                    r.sink.count(core::Severity::kWarning))));
}

const CommandRegistrar reg{"verify", 45, [](CLI::App& app, int& rc) {
  auto args = std::make_shared<VerifyArgs>();
  CLI::App* cmd = app.add_subcommand(
      "verify",
      "Verify archive dossiers (a .zip, read in place, or an unpacked folder): every SHA-256 and SM3\n"
      "digest, Payload-Oxum, missing or extra files, 档号 form and uniqueness, 件号 continuity,\n"
      "mandatory metadata, page counts against the PDFs, XML against the schemas, fonts embedded,\n"
      "no encryption or actions in the PDFs, safe entry names, zip-bomb limits, truncation; DA/T 48\n"
      "EEP packages and OFD-A renditions; the SM2 signature (who signed, when) when there is one.\n"
      "One line per finding with the 档号 or path and a rule id (DA-1…DA-6, BAG-…, ZIP-…).\n"
      "Names the build a dossier came from when a build record tells (OUT/build-record.xml of the\n"
      "folder it lies in, or --build-record); a dossier its folder's record does not list as made\n"
      "is an error (BUILD-RECORD).\n"
      "Exit codes: 0 all checks passed, 1 a check failed, 2 could not run.");
  cmd->add_option("dossiers", args->paths, "Dossier ZIPs or folders")->required();
  cmd->add_option("--expect", args->expect,
                  "A digest published when the dossier was packed (pack prints them): SHA-256 of the\n"
                  "ZIP, or SM3 or SHA-256 of tagmanifest-sm3.txt; optionally prefixed sha256: or sm3:.\n"
                  "Without it a dossier rewritten consistently (data and every manifest) cannot be told\n"
                  "from the original; with it, any change is a BAG-ANCHOR error.")
      ->check([](const std::string& v) {
        std::string hex = v;
        for (const char* p : {"sha256:", "sm3:", "SHA256:", "SM3:"})
          if (hex.rfind(p, 0) == 0) hex.erase(0, std::char_traits<char>::length(p));
        const bool ok = hex.size() == 64 && hex.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
        return ok ? std::string() : std::string("expected 64 hexadecimal digits (SHA-256 or SM3)");
      });
  cmd->add_option("--trust", args->trust, "A signer certificate (PEM) to accept; repeatable (default: report any signer)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--build-record", args->build_record, "The build record to name the builds from")
      ->check(CLI::ExistingFile);
  cmd->add_option("--shard", args->shard, "Verify part I of N (0 <= I < N) of the dossiers given (deploy/README.md)");
  add_output_options(cmd, args->output);
  cmd->callback([args, &rc] {
    Printer out("verify", args->output);
    job::VerifyOptions o;
    o.progress = out.progress_callback();
    o.expect = args->expect;
    for (const auto& t : args->trust) {
      try {
        o.trusted.push_back(core::read_file(t, 1 << 20));
      } catch (const std::exception& e) {
        rc = out.could_not_run(e.what());
        return;
      }
    }
    if (!args->build_record.empty()) o.build_record = args->build_record;
    if (!args->shard.empty()) {
      std::string why;
      const auto shard = job::parse_shard(args->shard, why);
      if (!shard) {
        rc = out.could_not_run(fmt::format("--shard {}: {}", args->shard, why));
        return;
      }
      o.shard = *shard;
    }
    const job::VerifyRunResult r = job::verify({args->paths.begin(), args->paths.end()}, o);
    rc = report_verify(r, out);
  });
}};

}  // namespace
}  // namespace wenshu::cli
