// Benchmark: one-page 公文 per second, layout + PDF in memory, and the size of the PDF.
// Targets (task "Typesetting engine and PDF writer" item 5): >= 300 one-page documents/s on
// 2 cores; a one-page notice in the four faces < 150 KB.
// Usage: bench_render_bench [THREADS=2] [DOCS=600]
#include <atomic>
#include <sys/resource.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "core/data_dir.h"
#include "core/diagnostic.h"
#include "job/render.h"
#include "layout/layout.h"
#include "layout/layout_profile.h"
#include "pdf/writer.h"
#include "model/document.h"

using namespace wenshu;

namespace {

/// CPU seconds used by the whole process so far (user + system): unlike wall time, not inflated
/// when other jobs share the cores.
double cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

model::Text text(const char* s) { return model::Text{s, {}}; }

/// A one-page notice using the four faces: 小标宋 stand-in (mark, title), 仿宋 (body), 黑体 (level-1
/// heading), 楷体 (level-2 heading). `n` varies one paragraph so documents differ.
model::Document notice(int n) {
  model::Document d;
  d.id = "bench-" + std::to_string(n);
  d.kind = "通知";
  d.issuers = {text("中共某某市委办公室")};
  d.doc_number = text("市委办发〔2009〕32号");
  d.title = text("关于加强公文处理工作的通知");
  d.main_recipients = text("各县（市、区）委，市委各部委：");
  d.body.push_back(model::Paragraph{text("为进一步规范公文处理工作，提高公文质量，根据《党政机关公文处理工作条例》，现就有关事项通知如下。")});
  d.body.push_back(model::Heading{1, text("一、"), text("高度重视公文处理工作"), {}});
  d.body.push_back(model::Paragraph{text("各级党组织要把公文处理工作摆上重要位置，明确分管领导和具体承办人员，建立健全公文处理工作制度。")});
  d.body.push_back(model::Heading{2, text("（一）"), text("明确责任分工"), {}});
  model::Text varying = text("办公室负责公文的统一收发、审核、用印、归档和销毁工作，第");
  varying.value += std::to_string(n % 97) + "项。";
  d.body.push_back(model::Paragraph{varying});
  d.signatures = {text("中共某某市委办公室")};
  d.date.text = text("2009年9月2日");
  d.date.value = core::Date{2009, 9, 2};
  return d;
}

}  // namespace

int main(int argc, char** argv) {
  const int threads = argc > 1 ? std::max(1, std::atoi(argv[1])) : 2;
  const int docs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 600;
  if (!std::getenv("WENSHU_DATA")) core::set_data_dir(WENSHU_SOURCE_DIR);
  job::RenderOptions options;

  // Warm-up: loads and preprocesses the fonts once (not counted), and gives the size figure.
  core::DiagnosticSink warm;
  const auto t0 = std::chrono::steady_clock::now();
  const std::string first = job::render_to_bytes(notice(0), options, warm);
  const double warm_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (first.empty()) {
    for (const auto& d : warm.items()) std::fprintf(stderr, "%s\n", core::format_text(d).c_str());
    std::fprintf(stderr, "render_bench: the warm-up document did not render\n");
    return 2;
  }

  // The two halves alone, one thread: layout, then the PDF writer on a laid-out document.
  {
    const int n = std::min(docs, 100);
    auto a = std::chrono::steady_clock::now();
    model::PagedDocument paged;
    for (int i = 0; i < n; ++i) {
      core::DiagnosticSink s;
      paged = layout::layout_document(notice(i), layout::default_profile(), s);
    }
    auto b = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) {
      core::DiagnosticSink s;
      (void)pdf::write_pdf(paged, s);
    }
    auto c = std::chrono::steady_clock::now();
    std::printf("render_bench: layout %.2f ms/doc, PDF writer %.2f ms/doc (one thread, %d docs)\n",
                std::chrono::duration<double, std::milli>(b - a).count() / n,
                std::chrono::duration<double, std::milli>(c - b).count() / n, n);
  }

  std::atomic<int> next{0}, failed{0};
  std::atomic<long long> total_bytes{0};
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (int i = next++; i < docs; i = next++) {
        core::DiagnosticSink sink;
        const std::string pdf = job::render_to_bytes(notice(i), options, sink);
        if (pdf.empty()) ++failed;
        total_bytes += static_cast<long long>(pdf.size());
      }
    });
  }
  for (auto& th : pool) th.join();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double rate = docs / secs;
  const double cpu_ms = 1000.0 * (cpu_seconds() - cpu_start) / docs;
  std::printf("render_bench: first document (fonts loaded + preprocessed) %.0f ms\n", warm_ms);
  std::printf("render_bench: %d one-page notices, %d thread(s): %.2f s, %.1f documents/s (target >= 300), %.2f ms/doc\n",
              docs, threads, secs, rate, 1000.0 * secs / docs);
  std::printf("render_bench: CPU %.2f ms/doc -> %.0f documents/s on 2 idle cores (load average when run: see uptime)\n",
              cpu_ms, 2000.0 / cpu_ms);
  std::printf("render_bench: one-page notice in four faces: %zu bytes (target < 150000), mean %lld bytes\n",
              first.size(), total_bytes.load() / docs);
  if (failed) std::printf("render_bench: %d documents FAILED to render\n", failed.load());
  return failed ? 1 : 0;
}
