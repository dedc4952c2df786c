// Benchmark of `wenshu render`, each figure from a fresh `wenshu` process (as a clerk runs it):
//   (a) one seed-size document (samples/documents/seed-corrected.xml, 18 pages): wall time and
//       peak memory, median of 5 runs (targets: < 0.1 s, < 64 MiB);
//   (b) 50 and 500 *different* seed-size documents, on 1 and on 2 threads, documents/s
//       (target: >= 200/s for 500 documents on 2 threads);
//   (c) one-page notices, 2 threads, documents/s (target: >= 1,500/s);
//   (d) peak memory for 50 and for 500 documents (target: 500 within 1.5x of 50).
// The different documents are the seed notice with about one Han character in 40 of its body
// text replaced by another common character (drawn from the characters of samples/, so every
// face has it), a different choice per document: same length and layout work, different glyph
// sets, so no cache ever sees one document twice. The one-page notices differ the same way.
// CPU seconds (user + system) are printed beside wall time: on a loaded machine compare those.
//
// Usage: bench_render_bench [--quick] [--inputs DIR]
//   --quick       fewer runs and documents (a smoke test of the bench itself)
//   --inputs DIR  only write the generated inputs into DIR (seed/ and notices/) and stop, for
//                 profiling `wenshu render` on them by hand
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "core/utf8.h"
#include "layout/fonts.h"

namespace fs = std::filesystem;
using namespace wenshu;

extern char** environ;

namespace {

struct Run {
  double wall = 0;     ///< seconds
  double cpu = 0;      ///< user + system seconds of the child
  double peak_mib = 0; ///< peak resident memory of the child
  int exit_code = -1;
};

/// Runs `wenshu render -j threads -o out files…` as a child process (output to `log`).
Run run_render(const std::vector<std::string>& files, unsigned threads, const fs::path& out, const fs::path& log) {
  fs::remove_all(out);
  std::vector<std::string> args{WENSHU_BINARY, "render", "-j", std::to_string(threads), "-o", out.string()};
  args.insert(args.end(), files.begin(), files.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  Run r;
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
    std::perror("render_bench: cannot start wenshu");
    std::exit(2);
  }
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  posix_spawn_file_actions_destroy(&actions);
  r.cpu = ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  r.peak_mib = ru.ru_maxrss / 1024.0;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::size_t pdfs = 0;
  for (const auto& e : fs::directory_iterator(out))
    if (e.path().extension() == ".pdf") ++pdfs;
  if (pdfs != files.size()) {
    std::fprintf(stderr, "render_bench: %zu of %zu PDFs written (exit %d); see %s\n", pdfs, files.size(), r.exit_code,
                 log.c_str());
    std::exit(1);
  }
  return r;
}

/// Common Han characters that every face of the manifest maps: those of the sample texts.
std::vector<char32_t> character_pool() {
  std::set<char32_t> seen;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(WENSHU_SOURCE_DIR) / "samples")) {
    if (e.path().extension() != ".xml") continue;
    for (char32_t cp : core::utf8_decode(core::read_file(e.path())))
      if (cp >= 0x4E00 && cp <= 0x9FA5) seen.insert(cp);
  }
  auto& fonts = layout::FontRegistry::global();
  std::vector<const layout::Face*> faces;
  for (const char* role : {"song", "song-bold", "fang", "hei", "kai"})
    if (const auto* f = fonts.face(role)) faces.push_back(f);
  std::vector<char32_t> pool;
  for (char32_t cp : seen)
    if (std::all_of(faces.begin(), faces.end(), [&](const auto* f) { return f->has(cp); })) pool.push_back(cp);
  return pool;
}

std::uint64_t splitmix(std::uint64_t& s) {
  std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/// `xml` with about one Han character in 40 of the text of its <p> and <item> elements replaced
/// by a character of `pool`, chosen from `variant`.
std::string vary(const std::string& xml, const std::vector<char32_t>& pool, std::uint64_t variant) {
  std::uint64_t state = variant * 7919 + 1;
  std::string out;
  out.reserve(xml.size() + 64);
  bool in_tag = false;
  int depth = 0;  // inside <p> or <item>
  const std::u32string text = core::utf8_decode(xml);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t cp = text[i];
    if (cp == U'<') {
      in_tag = true;
      const auto starts = [&](std::u32string_view s) { return text.compare(i, s.size(), s) == 0; };
      if (starts(U"<p>") || starts(U"<p ") || starts(U"<item")) ++depth;
      else if (starts(U"</p>") || starts(U"</item>")) depth = std::max(0, depth - 1);
    } else if (cp == U'>') {
      in_tag = false;
    } else if (!in_tag && depth > 0 && cp >= 0x4E00 && cp <= 0x9FA5 && splitmix(state) % 40 == 0) {
      cp = pool[splitmix(state) % pool.size()];
    }
    core::utf8_append(out, cp);
  }
  return out;
}

/// A one-page 通知 with a seal: the four faces (title, body, a level-1 heading, a level-2 heading
/// run in with its paragraph); the 版头 and the signature block with its seal leave room for
/// three lines of body text under the 主送 on the page.
std::string notice_xml() {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:wenshu:gongwen:1" id="bench-notice" format="通用" kind="通知">
  <header>
    <issuers><issuer>中共张掖市委办公室</issuer></issuers>
    <doc-number>市委办发〔2009〕32号</doc-number>
  </header>
  <title>关于加强公文处理工作的通知</title>
  <main-recipients>各县区委，市委各部委：</main-recipients>
  <body>
    <p>为规范公文处理工作，现就有关事项通知如下。</p>
    <heading level="1" number="一、">高度重视公文处理工作</heading>
    <item level="2" number="（一）" heading="明确分工。">办公室负责公文的收发和归档。</item>
  </body>
  <signatures><signature>中共张掖市委办公室</signature></signatures>
  <date value="2009-09-02">二〇〇九年九月二日</date>
  <seal kind="reserved"/>
</document>
)";
}

/// Writes `count` variants of `xml` into `dir` (d0000.xml …) and returns their paths.
std::vector<std::string> write_variants(const fs::path& dir, const std::string& xml, const std::vector<char32_t>& pool,
                                        std::size_t count) {
  fs::create_directories(dir);
  std::vector<std::string> files;
  for (std::size_t i = 0; i < count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "d%04zu.xml", i);
    const fs::path p = dir / name;
    core::write_file_atomic(p, vary(xml, pool, i + 1));
    files.push_back(p.string());
  }
  return files;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false;
  fs::path inputs_only;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) quick = true;
    else if (std::strcmp(argv[i], "--inputs") == 0 && i + 1 < argc) inputs_only = argv[++i];
    else {
      std::fprintf(stderr, "usage: bench_render_bench [--quick] [--inputs DIR]\n");
      return 2;
    }
  }
  if (!std::getenv("WENSHU_DATA")) setenv("WENSHU_DATA", WENSHU_SOURCE_DIR, 1);
  const auto pool = character_pool();
  const std::string seed = core::read_file(fs::path(WENSHU_SOURCE_DIR) / "samples/documents/seed-corrected.xml");
  const std::size_t many = quick ? 60 : 500, few = quick ? 12 : 50, notices = quick ? 200 : 3000;
  if (!inputs_only.empty()) {
    write_variants(inputs_only / "seed", seed, pool, many);
    write_variants(inputs_only / "notices", notice_xml(), pool, notices);
    std::printf("render_bench: inputs written to %s (seed/: %zu, notices/: %zu)\n", inputs_only.c_str(), many, notices);
    return 0;
  }
  char tmpl[] = "/tmp/wenshu-render-bench-XXXXXX";
  if (!mkdtemp(tmpl)) {
    std::perror("render_bench: mkdtemp");
    return 2;
  }
  const fs::path root = tmpl;
  const fs::path out = root / "out", log = root / "render.log";
  const auto seeds = write_variants(root / "seed", seed, pool, many);
  const auto one_page = write_variants(root / "notices", notice_xml(), pool, notices);
  double load[3] = {0, 0, 0};
  getloadavg(load, 3);
  const std::time_t now = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
  std::printf("render_bench: %s, %ld cores, load average %.1f when started; %zu pool characters%s\n", date,
              sysconf(_SC_NPROCESSORS_ONLN), load[0], pool.size(), quick ? " (--quick)" : "");

  // (a) One seed-size document in a fresh process.
  {
    std::vector<double> wall, peak, cpu;
    const std::string one = (fs::path(WENSHU_SOURCE_DIR) / "samples/documents/seed-corrected.xml").string();
    for (int i = 0; i < (quick ? 2 : 5); ++i) {
      const Run r = run_render({one}, 1, out, log);
      wall.push_back(r.wall), peak.push_back(r.peak_mib), cpu.push_back(r.cpu);
    }
    std::printf("render_bench: (a) one seed-size document, fresh process: %.3f s wall, %.3f s CPU, %.1f MiB peak "
                "(median of %zu; targets < 0.1 s, < 64 MiB)\n",
                median(wall), median(cpu), median(peak), wall.size());
  }
  // (b) and (d) Different seed-size documents, 1 and 2 threads.
  double peak_few = 0, peak_many = 0;
  for (std::size_t count : {few, many}) {
    const std::vector<std::string> files(seeds.begin(), seeds.begin() + static_cast<long>(count));
    for (unsigned threads : {1u, 2u}) {
      const Run r = run_render(files, threads, out, log);
      std::printf("render_bench: (b) %zu different seed-size documents, %u thread%s: %.1f documents/s "
                  "(%.2f s wall, %.1f ms CPU/document)%s\n",
                  count, threads, threads > 1 ? "s" : "", count / r.wall, r.wall, 1000 * r.cpu / count,
                  count == many && threads == 2 ? " (target >= 200/s)" : "");
      if (threads == 2) (count == few ? peak_few : peak_many) = r.peak_mib;
    }
  }
  // (c) One-page notices.
  {
    const Run r = run_render(one_page, 2, out, log);
    std::printf("render_bench: (c) %zu different one-page notices, 2 threads: %.0f documents/s (%.2f s wall, "
                "%.2f ms CPU/document; target >= 1500/s)\n",
                one_page.size(), one_page.size() / r.wall, r.wall, 1000 * r.cpu / one_page.size());
  }
  std::printf("render_bench: (d) peak memory, 2 threads: %.1f MiB for %zu documents, %.1f MiB for %zu (ratio %.2f; "
              "target <= 1.5)\n",
              peak_few, few, peak_many, many, peak_many / peak_few);
  fs::remove_all(root);
  return 0;
}
