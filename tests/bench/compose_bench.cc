// Documents per second of the records → PDF pipeline on a synthetic year ten times the sample
// year (samples/records; 600 records if the samples are missing): once for compose alone
// (templates → 公文 models) and once for the whole render (compose + layout + PDF + sidecars).
// Prints its figures; never part of ctest.
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "compose/compose.h"
#include "core/diagnostic.h"
#include "ingest/records_reader.h"
#include "ingest/synthetic_year.h"
#include "job/render_records.h"
#include "rules/check.h"
#include "ingest/profile_reader.h"

namespace fs = std::filesystem;
using namespace wenshu;

int main() {
  const fs::path root = fs::temp_directory_path() / "wenshu-bench-compose";
  fs::remove_all(root);
  std::size_t sample_records = 0;
  {
    core::DiagnosticSink sink;
    const fs::path samples = fs::path(WENSHU_SOURCE_DIR) / "samples" / "records";
    if (fs::exists(samples)) {
      ingest::RecordsReadStats stats;
      ingest::read_records({samples}, sink, {}, &stats);
      sample_records = stats.records;
    }
  }
  ingest::SyntheticOptions so;
  so.records = sample_records > 0 ? sample_records * 10 : 600;
  const auto year = ingest::write_synthetic_year(root / "records", so);
  std::printf("compose_bench: synthetic year of %zu records in %zu files (sample year: %zu records)\n", year.records,
              year.files.size(), sample_records);

  core::DiagnosticSink sink;
  const auto profile = ingest::load_profile(std::nullopt, sink);
  model::Records records = ingest::read_records({root / "records"}, sink);
  std::vector<rules::Statistic> stats;
  if (profile) rules::check_records(records, *profile, sink, stats);
  const std::vector<core::Diagnostic> findings = sink.items();

  using clock = std::chrono::steady_clock;
  {
    compose::Composer composer;
    compose::ComposeOptions co;
    co.findings = findings;
    co.force = true;
    core::DiagnosticSink s;
    const auto t0 = clock::now();
    std::size_t n = 0;
    for (const auto& c : records.committees)
      for (const auto& d : composer.compose_committee(records, c.id, co, s)) n += d.document ? 1 : 0;
    const double sec = std::chrono::duration<double>(clock::now() - t0).count();
    std::printf("compose_bench: compose only: %zu documents in %.2f s = %.1f documents/s\n", n, sec, n / sec);
  }
  {
    job::RenderRecordsOptions ro;
    ro.output_dir = root / "out";
    ro.force = true;
    core::DiagnosticSink s;
    const auto t0 = clock::now();
    const auto results = job::render_records(records, findings, ro, s);
    const double sec = std::chrono::duration<double>(clock::now() - t0).count();
    std::size_t n = 0;
    for (const auto& r : results) n += r.written ? 1 : 0;
    std::printf("compose_bench: render (compose + layout + PDF): %zu/%zu documents in %.2f s = %.1f documents/s\n", n,
                results.size(), sec, n / sec);
  }
  fs::remove_all(root);
  return 0;
}
