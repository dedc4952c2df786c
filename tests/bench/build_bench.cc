// Benchmark of the batch engine (docs/batch.md) on a synthetic year ten times the sample year:
// a full build into an empty folder, a rebuild with nothing changed, and a rebuild after one
// record changed (the title of one county's research report), each timed on the wall clock
// and in CPU time (all threads; the fair figure on a shared machine); prints the one-record
// rebuild as a share of the full build (target: under 10 %) and what the build record says was
// rendered and reused; then the full build again on one thread (-j 1) against all cores, the
// scaling of -j. Never part of ctest (`cmake --build build --target bench-build`).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

#include "core/diagnostic.h"
#include "core/file_io.h"
#include "ingest/records_reader.h"
#include "ingest/synthetic_year.h"
#include "job/build.h"
#include "job/build_record.h"

namespace fs = std::filesystem;
using namespace wenshu;

namespace {

/// CPU time of this process and of its ended children (the PDF inspection worker of verify).
double cpu_seconds() {
  double s = 0;
  for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
    rusage u{};
    getrusage(who, &u);
    s += static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  }
  return s;
}

struct Run {
  double seconds = 0;
  double cpu = 0;
  std::size_t rendered = 0, reused = 0, repacked = 0, dossiers = 0;
  int exit_code = 0;
};

Run timed_build(const fs::path& records, const fs::path& out, unsigned threads = 0) {
  job::BuildOptions o;
  o.inputs = {records};
  o.render.threads = threads;
  o.render.output_dir = out;
  o.filing_date = core::Date{2010, 3, 31};
  core::DiagnosticSink sink;
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = cpu_seconds();
  const job::BuildResult r = job::build(o, sink);
  Run run;
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  run.cpu = cpu_seconds() - c0;
  run.exit_code = r.exit_code(sink);
  core::DiagnosticSink scratch;
  if (const auto rec = job::read_build_record(out / job::kBuildRecordName, scratch)) {
    for (const auto& d : rec->documents) {
      run.rendered += d.state == job::OutputState::kRendered;
      run.reused += d.state == job::OutputState::kReused;
    }
    for (const auto& d : rec->dossiers) run.repacked += d.state == job::OutputState::kRendered;
    run.dossiers = rec->dossiers.size();
  }
  return run;
}

void print(const char* what, const Run& r) {
  std::printf("build_bench: %-28s %7.2f s wall %7.2f s CPU  (exit %d; documents rendered %zu, reused %zu; dossiers "
              "repacked %zu of %zu)\n",
              what, r.seconds, r.cpu, r.exit_code, r.rendered, r.reused, r.repacked, r.dossiers);
}

/// Changes the first county research report's title in the generated records; false if none.
bool change_one_record(const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("zhangye", 0) == 0) continue;  // a county, not the city: one committee's edit
    std::string text = core::read_file(e.path());
    const std::string from = "情况的调研报告\"", to = "情况和对策的调研报告\"";
    const auto at = text.find(from);
    if (at == std::string::npos) continue;
    text.replace(at, from.size(), to);
    core::write_file_atomic(e.path(), text);
    std::printf("build_bench: changed one research report title in %s\n", name.c_str());
    return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  // An argument names the folder to work in and keeps it afterwards (records and outputs, to
  // profile a rebuild with the command line); without one a temporary folder is removed.
  const bool keep = argc > 1;
  const fs::path root = keep ? fs::path(argv[1]) : fs::temp_directory_path() / "wenshu-bench-build";
  fs::remove_all(root);
  std::size_t sample_records = 0;
  if (const fs::path samples = fs::path(WENSHU_SOURCE_DIR) / "samples" / "records"; fs::exists(samples)) {
    core::DiagnosticSink sink;
    ingest::RecordsReadStats stats;
    ingest::read_records({samples}, sink, {}, &stats);
    sample_records = stats.records;
  }
  ingest::SyntheticOptions so;
  so.records = sample_records > 0 ? sample_records * 10 : 10'000;
  const auto year = ingest::write_synthetic_year(root / "records", so);
  std::printf("build_bench: synthetic year of %zu records in %zu files (10 × the sample year's %zu)\n", year.records,
              year.files.size(), sample_records);

  const Run full = timed_build(root / "records", root / "out");
  print("full build (empty folder)", full);
  const Run same = timed_build(root / "records", root / "out");
  print("rebuild, nothing changed", same);
  if (!change_one_record(root / "records")) {
    std::printf("build_bench: no research report to change\n");
    return 1;
  }
  const Run one = timed_build(root / "records", root / "out");
  print("rebuild, one record changed", one);
  std::printf("build_bench: one-record rebuild = %.1f %% of the full build's wall time, %.1f %% of its CPU time "
              "(target < 10 %%); no-change rebuild = %.1f %% wall, %.1f %% CPU\n",
              100.0 * one.seconds / full.seconds, 100.0 * one.cpu / full.cpu, 100.0 * same.seconds / full.seconds,
              100.0 * same.cpu / full.cpu);
  const Run single = timed_build(root / "records", root / "out-j1", 1);
  print("full build, -j 1", single);
  std::printf("build_bench: -j %u against -j 1: %.2f× the speed on the wall clock (%u cores)\n",
              std::thread::hardware_concurrency(), single.seconds / full.seconds, std::thread::hardware_concurrency());
  if (!keep) fs::remove_all(root);
  return 0;
}
