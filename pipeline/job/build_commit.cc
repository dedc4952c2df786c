// build: the record of what was made, and the commit that puts it in place (see build_run.h
// and output_folder.h).
#include <set>

#include <fmt/format.h>

#include "archive/digest.h"
#include "core/file_io.h"
#include "job/build_keys.h"
#include "job/build_run.h"

namespace wenshu::job {
namespace fs = std::filesystem;

namespace {

void record_documents(BuildRun& run) {
  for (const auto& c : run.result.records.committees) run.record.committees.push_back({c.committee, c.records_year, c.key, c.diagnostics});
  for (const auto& d : run.result.records.documents) {
    RecordedDocument r;
    r.id = d.document_id, r.committee = d.committee, r.year = d.year, r.kind = d.kind, r.key = d.key;
    r.records_year = d.records_year;
    r.draft = d.draft, r.pages = d.pages, r.diagnostics = d.diagnostics;
    r.state = d.elsewhere ? OutputState::kElsewhere
              : d.refused ? OutputState::kRefused
              : d.reused  ? OutputState::kReused
              : d.written ? OutputState::kRendered
                          : OutputState::kFailed;
    if (d.written && !d.elsewhere) r.files = d.files;
    run.record.documents.push_back(std::move(r));
  }
  for (const auto& d : run.result.documents) {
    RecordedDocument r;
    const std::string rel = std::string(kDocumentsDir) + "/" + d.files.front().path;
    r.id = rel, r.key = d.key, r.pages = d.pages, r.diagnostics = d.diagnostics;
    r.state = d.reused ? OutputState::kReused : d.written ? OutputState::kRendered : OutputState::kFailed;
    if (d.written) {
      r.files = d.files;
      for (auto& f : r.files) f.path = std::string(kDocumentsDir) + "/" + f.path;
    }
    run.record.documents.push_back(std::move(r));
  }
}

/// Every input digested again: a file changed while the build ran means the outputs may mix
/// two states of it, so nothing is committed.
void check_inputs_unchanged(const BuildRun& run) {
  std::vector<RecordedFile> now;
  try {
    now = digest_inputs(run.input_files);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("输入文件在构建过程中消失或无法读取 / an input went away during the build: ") + e.what());
  }
  for (std::size_t i = 0; i < now.size(); ++i)
    if (now[i].sha256 != run.record.inputs[i].sha256)
      throw std::runtime_error("输入文件在构建过程中被修改：" + now[i].path +
                               "；请在修改完成后重新构建 / an input changed during the build: build again");
}

/// Files this build made (relative to OUT), and the staged ones among them, record last.
void outputs(const BuildRun& run, std::set<std::string>& all, std::vector<std::string>& staged) {
  for (const auto& d : run.record.documents)
    for (const auto& f : d.files) {
      all.insert(f.path);
      if (d.state == OutputState::kRendered) staged.push_back(f.path);
    }
  for (const auto& d : run.record.dossiers)
    for (const auto& f : d.files) {
      all.insert(f.path);
      if (d.state == OutputState::kRendered) staged.push_back(f.path);
    }
  staged.push_back(kBuildRecordName);
  all.insert(kBuildRecordName);
}

/// Files in the folders this build writes to that no build recorded: left alone, never packed,
/// named once so the clerk can clear them away.
void name_strays(BuildRun& run, const std::set<std::string>& ours, const std::set<std::string>& removed) {
  std::set<std::string> tops;
  for (const auto& p : ours) {
    const fs::path rel(p);
    if (std::distance(rel.begin(), rel.end()) > 1) tops.insert(rel.begin()->string());
  }
  std::vector<std::string> strays;
  for (const auto& top : tops) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(run.out() / top, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      const std::string rel = it->path().lexically_relative(run.out()).generic_string();
      if (!ours.count(rel) && !removed.count(rel)) strays.push_back(rel);
    }
  }
  if (strays.empty()) return;
  std::sort(strays.begin(), strays.end());
  auto d = build_diagnostic("BUILD-STRAY", run.out(),
                            fmt::format("输出文件夹中有 {} 个文件不是任何一次构建生成的，未打包，也未删除 / {} file(s) no build "
                                        "made: left alone, never packed",
                                        strays.size(), strays.size()),
                            core::Severity::kWarning);
  for (std::size_t i = 0; i < strays.size() && i < 10; ++i) d.hints.push_back(strays[i]);
  if (strays.size() > 10) d.hints.push_back(fmt::format("…（另有 {} 个）", strays.size() - 10));
  d.hints.push_back("不需要时请删除或移出该文件夹 / delete them or move them out if they are not needed");
  run.sink.push(std::move(d));
}

}  // namespace

void commit_build(BuildRun& run) {
  record_documents(run);
  test_point("rendered");
  check_inputs_unchanged(run);
  std::set<std::string> ours;
  std::vector<std::string> staged;
  outputs(run, ours, staged);
  // What the build before made and this one did not: deleted by the commit.
  std::set<std::string> removed;
  if (run.previous)
    for (const RecordedFile* f : run.previous->outputs())
      if (!ours.count(f->path)) removed.insert(f->path);
  core::write_file_atomic(run.folder.staging() / kBuildRecordName, build_record_xml(run.record));
  run.folder.commit(staged, {removed.begin(), removed.end()});
  write_stat_cache(run.out(), run.record);
  run.result.build_id = run.record.id;
  run.result.record = run.out() / kBuildRecordName;
  name_strays(run, ours, removed);
  std::size_t reused = 0, made = 0;
  for (const auto& d : run.record.documents) {
    reused += d.state == OutputState::kReused;
    made += d.state == OutputState::kRendered;
  }
  run.say(fmt::format("build: 构建 {} 已提交：新生成 {} 份，沿用 {} 份，删除上一次构建的 {} 个文件 / committed", run.record.id.substr(0, 12),
                      made, reused, removed.size()));
}

}  // namespace wenshu::job
