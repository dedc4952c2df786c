// Benchmark of reading and validating synthetic records of 10k, 100k and 1M records:
//   bench_validate_bench [--keep] [sizes…]      e.g. bench_validate_bench 10000 100000
// (--keep leaves the generated folders in place, for profiling `wenshu validate` on them)
// For each size the records are spread over three years (2009–2011, one synthetic year each,
// ingest/synthetic_year.h, in a folder per year) of the same committees, so the run exercises
// the committee × year keying of a real multi-year check; then two runs are measured, each in its own child process so peak memory (ru_maxrss) is
// that run's own: "ingest" = ingest::read_records (load + XSD + extract + resolve ids) and
// "validate" = job::validate (the same plus every DY…ZZ rule). Prints records/s and peak MB.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "core/data_dir.h"
#include "ingest/records_reader.h"
#include "ingest/synthetic_year.h"
#include "job/validate.h"

using namespace wenshu;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// Runs `body` in a child process; the child prints one result line including its peak RSS.
template <class F>
void in_child(F body) {
  std::fflush(stdout);
  const pid_t pid = ::fork();
  if (pid == 0) {
    body();
    std::fflush(stdout);
    std::_Exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) std::printf("  (run failed, status %d)\n", status);
}

long peak_mb() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

/// CPU seconds (user + system) used by this process: on a shared, loaded machine the wall time
/// says more about the other processes than about wenshu.
double cpu_seconds() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

}  // namespace

/// Years the records are spread over.
constexpr int kYears = 3;

int main(int argc, char** argv) {
  core::set_data_dir(WENSHU_SOURCE_DIR);
  std::vector<std::size_t> sizes;
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--keep") keep = true;
    else sizes.push_back(std::strtoull(argv[i], nullptr, 10));
  }
  if (sizes.empty()) sizes = {10'000, 100'000, 1'000'000};
  std::printf("validate_bench: synthetic years, %u hardware threads\n", std::thread::hardware_concurrency());
  for (std::size_t n : sizes) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("wenshu-bench-" + std::to_string(::getpid()) + "-" + std::to_string(n));
    std::filesystem::remove_all(dir);
    const auto t0 = std::chrono::steady_clock::now();
    ingest::SyntheticYear year;  // the totals over the years
    for (int y = 0; y < kYears; ++y) {
      ingest::SyntheticOptions o;
      o.records = n / kYears;
      o.year = 2009 + y;
      o.seed = 1 + static_cast<std::uint64_t>(y);
      // The same number of counties every year (the default derives it from the size).
      o.counties = std::max<std::size_t>(6, n / kYears / 20'000);
      const auto one = ingest::write_synthetic_year(dir / std::to_string(o.year), o);
      year.records += one.records;
      year.bytes += one.bytes;
      year.files.insert(year.files.end(), one.files.begin(), one.files.end());
    }
    std::printf("%zu records over %d years: %zu files, %.1f MB, generated in %.2f s\n", year.records, kYears,
                year.files.size(), static_cast<double>(year.bytes) / 1e6, seconds_since(t0));
    in_child([&] {
      core::DiagnosticSink sink;
      const auto t = std::chrono::steady_clock::now();
      ingest::RecordsReadStats st;
      ingest::read_records({dir}, sink, {}, &st);
      const double s = seconds_since(t);
      std::printf("  ingest   %8.2f s wall %6.2f s cpu %10.0f records/s  peak %5ld MB  (%zu diagnostics)\n", s,
                  cpu_seconds(), static_cast<double>(st.records) / s, peak_mb(), sink.items().size());
      // Synthetic records are valid: say what the reader found, so a regression is seen here.
      for (std::size_t i = 0; i < sink.items().size() && i < 3; ++i)
        std::printf("    %s %s: %s\n", sink.items()[i].rule.c_str(), sink.items()[i].location.file.c_str(),
                    sink.items()[i].message.c_str());
    });
    in_child([&] {
      job::ValidateOptions vo;
      vo.inputs = {dir};
      const auto t = std::chrono::steady_clock::now();
      const auto r = job::validate(vo);
      const double s = seconds_since(t);
      std::printf("  validate %8.2f s wall %6.2f s cpu %10.0f records/s  peak %5ld MB  (%zu errors, %zu warnings)\n",
                  s, cpu_seconds(), static_cast<double>(year.records) / s, peak_mb(), r.diagnostics.count(core::Severity::kError),
                  r.diagnostics.count(core::Severity::kWarning));
      int shown = 0;
      for (const auto& d : r.diagnostics.items())
        if (d.severity == core::Severity::kError && shown++ < 3)
          std::printf("    %s %s %s: %s\n", d.rule.c_str(), d.committee.c_str(), d.record_id.c_str(), d.message.c_str());
    });
    if (keep) std::printf("  kept in %s\n", dir.c_str());
    else std::filesystem::remove_all(dir);
  }
  return 0;
}
