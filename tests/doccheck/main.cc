// wenshu_doccheck pages|wording PATH...: the page-level and wording checks over every PDF
// under the given files and folders (tests/CMakeLists.txt runs both over the sample year and
// the sample documents). Prints one line per finding (file, page, line), a summary, and exits
// 1 when there is any finding, 2 when it could not run.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "doccheck/page_check.h"
#include "doccheck/profile_words.h"
#include "doccheck/wording_check.h"

namespace fs = std::filesystem;
using namespace wenshu::doccheck;

namespace {

std::vector<fs::path> pdfs_under(const std::vector<std::string>& inputs) {
  std::vector<fs::path> out;
  for (const auto& in : inputs) {
    if (fs::is_directory(in)) {
      for (const auto& e : fs::recursive_directory_iterator(in))
        if (e.is_regular_file() && e.path().extension() == ".pdf") out.push_back(e.path());
    } else {
      out.push_back(in);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

int usage() {
  std::fprintf(stderr,
               "usage: wenshu_doccheck pages [--layout PROFILE.xml] PATH...\n"
               "       wenshu_doccheck wording [--records DIR] PATH...\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return usage();
  const std::string mode = argv[1];
  if (mode != "pages" && mode != "wording") return usage();
  std::string layout, records;
  std::vector<std::string> inputs;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--layout" && i + 1 < argc) layout = argv[++i];
    else if (a == "--records" && i + 1 < argc) records = argv[++i];
    else inputs.push_back(a);
  }
  PageCheckOptions page_options;
  WordingOptions wording_options;
  try {
    if (mode == "pages") page_options.measure_words = measure_words_of(layout);
    if (mode == "wording" && !records.empty()) wording_options.bodies = body_names_of(records);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "wenshu_doccheck: %s\n", e.what());
    return 2;
  }
  const auto files = pdfs_under(inputs);
  if (files.empty()) {
    std::fprintf(stderr, "wenshu_doccheck: no PDF under the given paths\n");
    return 2;
  }
  std::size_t findings = 0, pages = 0, bad_files = 0;
  for (const auto& f : files) {
    std::string error;
    std::string bytes;
    try {
      bytes = wenshu::core::read_file(f);
    } catch (const std::exception& e) {
      error = e.what();
    }
    const auto content = error.empty() ? read_pdf(bytes, error) : std::vector<PageContent>{};
    if (!error.empty()) {
      std::printf("%s: [read] %s\n", f.string().c_str(), error.c_str());
      ++findings, ++bad_files;
      continue;
    }
    pages += content.size();
    const auto found = mode == "pages" ? check_pages(content, f.string(), page_options)
                                       : check_wording(content, f.string(), wording_options);
    for (const auto& x : found) std::printf("%s\n", format_finding(x).c_str());
    findings += found.size();
    bad_files += found.empty() ? 0 : 1;
  }
  std::printf("doccheck %s: %zu 个 PDF，%zu 页，%zu 处问题（%zu 个文件）\n", mode.c_str(), files.size(), pages, findings,
              bad_files);
  return findings == 0 ? 0 : 1;
}
