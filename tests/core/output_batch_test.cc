// OutputBatch: nothing under a final name before commit, everything after; temporaries of an
// uncommitted batch are removed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "core/output_batch.h"
#include "support/test_support.h"

using namespace wenshu;
namespace fs = std::filesystem;

namespace {
std::size_t count_files(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) n += e.is_regular_file();
  return n;
}
}  // namespace

TEST_CASE("an output batch touches no final name before it commits", "[core][output]") {
  test::TempDir tmp("batch");
  const fs::path a = tmp.path() / "a.pdf", b = tmp.path() / "sub" / "b.pdf";
  {
    core::OutputBatch batch(0);
    batch.write(a, "first");
    batch.write(b, "second");
    batch.write(a, "first, again");  // written twice before the commit: the last bytes win
    CHECK_FALSE(fs::exists(a));
    CHECK_FALSE(fs::exists(b));
    batch.commit();
    CHECK(test::read_file(a) == "first, again");
    CHECK(test::read_file(b) == "second");
    CHECK(count_files(tmp.path()) == 2);  // no temporaries left
    batch.write(a, "third");
    // Dropped without commit: the file in place keeps its bytes, the temporary goes.
  }
  CHECK(test::read_file(a) == "first, again");
  CHECK(count_files(tmp.path()) == 2);
}

TEST_CASE("an output batch commits by itself every N files", "[core][output]") {
  test::TempDir tmp("batch-n");
  core::OutputBatch batch(3);
  for (int i = 0; i < 10; ++i) batch.write(tmp.path() / ("f" + std::to_string(i)), std::to_string(i));
  CHECK(count_files(tmp.path()) == 10);  // 9 in place, 1 temporary
  CHECK(fs::exists(tmp.path() / "f8"));
  CHECK_FALSE(fs::exists(tmp.path() / "f9"));
  batch.commit();
  CHECK(test::read_file(tmp.path() / "f9") == "9");
  CHECK(count_files(tmp.path()) == 10);
}

TEST_CASE("an output batch commits while other threads go on writing", "[core][output]") {
  // Commits run outside the writers' lock: four threads write 200 files (some twice, the second
  // time while the first bytes may be being committed); after the last commit every file holds
  // its last bytes and no temporary is left.
  test::TempDir tmp("batch-threads");
  core::OutputBatch batch(5);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = t; i < 200; i += 4) {
        const fs::path p = tmp.path() / ("f" + std::to_string(i));
        batch.write(p, "first " + std::to_string(i));
        if (i % 3 == 0) batch.write(p, "again " + std::to_string(i));
      }
    });
  for (auto& th : threads) th.join();
  batch.commit();
  CHECK(count_files(tmp.path()) == 200);
  for (int i = 0; i < 200; ++i)
    CHECK(test::read_file(tmp.path() / ("f" + std::to_string(i))) ==
          (i % 3 == 0 ? "again " : "first ") + std::to_string(i));
}
