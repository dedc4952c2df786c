// Output bytes never depend on how a run is made: the thread count, the batch size (which also
// decides when fonts are prepared) or the subset cache (issue: fast batch rendering).
#include <catch2/catch.hpp>

#include <map>

#include "job/render.h"
#include "pdf/font_program.h"
#include "support/test_support.h"

using namespace wenshu;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> sample_documents() {
  std::vector<fs::path> files;
  // Not the notice as written: it has format errors, so render refuses it (GW checks first).
  for (const auto& e : fs::directory_iterator(test::source_dir() / "samples" / "documents"))
    if (e.path().extension() == ".xml" && e.path().filename() != "seed-as-written.xml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

/// Every file under `dir` by name, with its bytes.
std::map<std::string, std::string> outputs(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out[e.path().filename().string()] = test::read_file(e.path());
  return out;
}

std::map<std::string, std::string> render(const std::vector<fs::path>& files, unsigned threads, bool one_by_one,
                                          const fs::path& dir) {
  job::RenderOptions o;
  o.output_dir = dir;
  o.threads = threads;
  o.as = {true, true};  // the OFD writer shares the subsets
  core::DiagnosticSink sink;
  if (one_by_one) {
    for (const auto& f : files) job::render_files({f}, o, sink);
  } else {
    job::render_files(files, o, sink);
  }
  INFO((sink.items().empty() ? std::string() : core::format_text(sink.items().front())));
  CHECK_FALSE(sink.has_errors());
  return outputs(dir);
}

}  // namespace

TEST_CASE("render output bytes do not depend on threads, batch size or the subset cache", "[job][render][bytes]") {
  const auto files = sample_documents();
  REQUIRE(files.size() >= 5);
  test::TempDir tmp("render-bytes");
  using Tuning = pdf::FontProgram::Tuning;

  pdf::FontProgram::set_tuning({Tuning::Prepare::kNever, false});  // no cache, plain subsets
  const auto reference = render(files, 1, true, tmp.path() / "one-by-one");
  REQUIRE(reference.size() == 2 * files.size());

  pdf::FontProgram::set_tuning({});  // cache on, fonts prepared when a batch pays for it
  CHECK(render(files, 1, false, tmp.path() / "batch-1") == reference);
  CHECK(render(files, 2, false, tmp.path() / "batch-2") == reference);
  // Cached subsets (every file again) and, still, two threads.
  CHECK(render(files, 2, false, tmp.path() / "again-2") == reference);
  pdf::FontProgram::set_tuning({});
}
