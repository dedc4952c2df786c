// build: one dossier per committee × 年度 from the filings render handed over (see build_run.h).
// A dossier whose key is unchanged is taken over from the build before; the others are packed
// into the staging folder and verified there.
#include <map>

#include <fmt/format.h>

#include "archive/digest.h"
#include "archive/pack.h"
#include "archive/profile.h"
#include "archive/sidecar.h"
#include "archive/sign.h"
#include "core/file_io.h"
#include "core/data_dir.h"
#include "ingest/profile_reader.h"
#include "job/build_keys.h"
#include "job/build_run.h"
#include "job/catalogue_pdf.h"
#include "job/parallel.h"
#include "job/verify.h"

namespace wenshu::job {
namespace fs = std::filesystem;

namespace {

/// The documents of one committee × 年度, in plan order.
struct Unit {
  std::string committee;
  int year = 0;
  std::vector<const RecordsRenderResult*> documents;
};

/// A document with a PDF to file: written here or before (its files are PDF, then sidecar).
bool fileable(const RecordsRenderResult& d) {
  return d.written && !d.elsewhere && d.files.size() >= 2 && (d.filing || d.reused);
}

std::vector<Unit> units_of(const BuildRun& run) {
  std::map<std::pair<std::string, int>, Unit> units;
  std::vector<std::pair<std::string, int>> order;
  for (const auto& d : run.result.records.documents) {
    if (!fileable(d)) continue;
    if (run.options.year != 0 && d.year != run.options.year) continue;
    const auto k = std::make_pair(d.committee, d.year);
    auto [it, fresh] = units.try_emplace(k);
    if (fresh) order.push_back(k), it->second.committee = d.committee, it->second.year = d.year;
    it->second.documents.push_back(&d);
  }
  std::sort(order.begin(), order.end());
  std::vector<Unit> out;
  for (const auto& k : order) out.push_back(std::move(units[k]));
  return out;
}

/// Everything a dossier depends on (build_keys.h): the archive data, the options, and each
/// filing — its metadata by the digest of its sidecar (the same bytes pack reads), the PDF by
/// its digests and pages, its place (the last tie-breaker of the 档号 order).
std::string dossier_key(const BuildRun& run, const Unit& u, const std::string& fonds, const core::Date& filing_date) {
  KeyHasher h("wenshu-dossier");
  h.add("program", core::version()).add("fonds", fonds).add("year", u.year);
  h.add("filing-date", core::format_date(filing_date));
  h.add("eep", run.options.eep ? 1 : 0).add("signer", run.options.signer ? run.options.signer->certificate() : std::string());
  for (const auto& d : run.record.data)
    if (d.path.rfind("profiles/archive", 0) == 0 || d.path.rfind("schemas/archive", 0) == 0) h.add(d.path, d.sha256);
  for (const RecordsRenderResult* d : u.documents) {
    const RecordedFile& pdf = d->files[0];
    const RecordedFile& sidecar = d->files[1];
    h.add("sidecar", sidecar.path).add("sidecar-sha256", sidecar.sha256);
    h.add("sha256", pdf.sha256).add("sm3", pdf.sm3).add("pages", d->pages);
  }
  return h.finish();
}

/// The filing of a document: handed over by render, or read back from the sidecar of a
/// document taken over with its whole committee (checked against the record's digest).
model::Filing filing_of(const BuildRun& run, const RecordsRenderResult& d) {
  if (d.filing) return *d.filing;
  const fs::path sidecar = run.out() / d.files[1].path;
  const std::string bytes = core::read_file(sidecar, std::size_t(16) << 20);
  if (archive::sha256_hex(bytes) != d.files[1].sha256)
    throw std::runtime_error(sidecar.string() + ": changed while the build ran");
  core::DiagnosticSink sink;
  auto doc = archive::read_sidecar(sidecar, sink);
  if (!doc) throw std::runtime_error(sidecar.string() + ": the sidecar of a reused document cannot be read");
  model::Filing filing{std::move(*doc), {}, sidecar};
  fill_filed_bytes(filing, run.out(), d.files, d.pages);
  return filing;
}

/// The 全宗号 of a committee from the rule profile (da.fonds.<committee>), or a DA-1 finding.
std::string fonds_of(const model::Profile* profile, const std::string& committee, core::DiagnosticSink& sink) {
  const model::ProfileParam* p = profile ? profile->find("da.fonds." + committee) : nullptr;
  if (p != nullptr && !p->text.empty()) return p->text;
  core::Diagnostic d;
  d.rule = "DA-1";
  d.committee = committee;
  d.location = {ingest::default_profile_path().string(), 0, 0};
  d.message = "规则配置中没有 " + committee + " 的全宗号，未组卷 / no 全宗号 (da.fonds." + committee +
              ") in the profile: not packed";
  d.hints.push_back("在规则配置中加入 <param name=\"da.fonds." + committee + "\" type=\"text\" value=\"…\"/>");
  sink.push(std::move(d));
  return {};
}

/// One dossier being made on its own thread: its findings and progress lines wait here and are
/// told in unit order afterwards, so neither depends on the number of threads.
struct UnitWork {
  const Unit* unit = nullptr;
  BuildDossier dossier;
  RecordedDossier record;
  core::Date filing_date;
  bool pack = false;                     ///< packed now (not reused, not refused for its 全宗号)
  std::vector<std::string> lines;        ///< progress lines
};

/// Names files under OUT in findings about staged files.
void push_located(const BuildRun& run, core::Diagnostic d, RecordedDossier& rec) {
  d.location.file = run.final_path(d.location.file).string();
  rec.diagnostics.push_back(std::move(d));
}

/// Packs one unit into the staging folder and verifies it there (thread-safe: writes only `w`).
void pack_unit(const BuildRun& run, const archive::ArchiveProfile& profile, UnitWork& w) {
  const Unit& u = *w.unit;
  BuildDossier& bd = w.dossier;
  RecordedDossier& rec = w.record;
  const core::Date& filing_date = w.filing_date;
  std::vector<model::Filing> filings;
  for (const RecordsRenderResult* d : u.documents) filings.push_back(filing_of(run, *d));
  archive::PackOptions po;
  po.year = u.year;
  po.fonds = bd.fonds;
  po.filing_date = filing_date;  // never the clock (archive-format.md): like `pack`
  po.out_dir = run.folder.staging() / kDossiersDir;
  po.eep = run.options.eep;
  po.signer = run.options.signer;
  po.set_catalogue = catalogue_pdf;
  // An I/O failure (a full disk …) throws out of the build: nothing is committed.
  core::DiagnosticSink pack_sink;
  std::vector<archive::PackedBag> bags = archive::pack_filings(std::move(filings), po, profile, pack_sink);
  bd.pack_exit = exit_code_of(false, pack_sink.has_errors());
  pack_sink.sort();
  for (const auto& d : pack_sink.items()) push_located(run, d, rec);
  std::vector<fs::path> staged;
  for (const auto& b : bags) {
    staged.push_back(b.zip);
    bd.zips.push_back(run.final_path(b.zip));
    rec.files.push_back({fs::path(b.zip).lexically_relative(run.folder.staging()).generic_string(), b.zip_sha256, b.zip_sm3,
                         b.zip_size});
    rec.tagmanifests.push_back(b.tagmanifest_sm3_sha256);
  }
  w.lines.push_back(fmt::format("pack: {} {} 全宗 {} -> {} 个档案包 (exit {})", u.committee, u.year, bd.fonds, bags.size(), bd.pack_exit));
  if (staged.empty()) return;
  VerifyOptions vo;
  vo.name_build = false;  // its record is being written
  auto verified = verify(staged, vo);
  if (verified.could_not_run) throw std::runtime_error(verified.reason);  // could not read what it wrote
  bd.verify_exit = verified.exit_code();
  for (const auto& d : verified.sink.items()) push_located(run, d, rec);
  w.lines.push_back(fmt::format("verify: {} {} {} (exit {})", u.committee, u.year,
                                bd.verify_exit == 0 ? "通过 / ok" : "未通过 / failed", bd.verify_exit));
}

}  // namespace

void pack_units(BuildRun& run) {
  core::DiagnosticSink profile_sink;
  const auto rules_profile = ingest::load_profile(run.options.profile, profile_sink);
  core::DiagnosticSink archive_sink;
  const auto profile = archive::default_profile(archive_sink);
  if (!profile) {
    for (const auto& d : archive_sink.items()) run.sink.push(d);
    throw std::runtime_error("archive profile could not be read");
  }
  // 1. Serial and cheap: each unit's 全宗号 and key, and whether the build before has it.
  const std::vector<Unit> units = units_of(run);
  std::vector<UnitWork> work(units.size());
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    UnitWork& w = work[i];
    w.unit = &u;
    w.dossier.committee = w.record.committee = u.committee;
    w.dossier.year = w.record.year = u.year;
    core::DiagnosticSink fonds_sink;
    w.dossier.fonds = w.record.fonds = fonds_of(rules_profile ? &*rules_profile : nullptr, u.committee, fonds_sink);
    w.record.diagnostics = fonds_sink.items();
    if (w.dossier.fonds.empty()) {
      w.dossier.pack_exit = kExitFindings;  // no 全宗号: nothing to pack under
      continue;
    }
    w.filing_date = run.options.filing_date ? *run.options.filing_date : core::Date{u.year, 12, 31};
    w.record.key = dossier_key(run, u, w.dossier.fonds, w.filing_date);
    if (const RecordedDossier* old = run.reuse.dossier(w.record.key)) {
      w.record.files = old->files, w.record.tagmanifests = old->tagmanifests, w.record.diagnostics = old->diagnostics;
      w.record.state = OutputState::kReused;
      w.dossier.reused = true;
      for (const auto& f : old->files) w.dossier.zips.push_back(run.out() / f.path);
      w.lines.push_back(fmt::format("pack: {} {} 全宗 {} -> 沿用上一次构建的档案包 / reused", u.committee, u.year, w.dossier.fonds));
    } else {
      w.pack = true;
      todo.push_back(i);
    }
  }
  // 2. Pack and verify the others on all cores (build -j): each dossier is independent.
  parallel_for(todo.size(), run.options.render.threads, [&](std::size_t k) { pack_unit(run, *profile, work[todo[k]]); },
               run.options.render.progress, "组卷和检测 / packing and verifying");
  // 3. Findings and progress in unit order; a dossier refused for its 全宗号 is not recorded.
  for (auto& w : work) {
    for (const auto& d : w.record.diagnostics) run.sink.push(d);
    for (const auto& line : w.lines) run.say(line);
    if (!w.dossier.fonds.empty()) run.record.dossiers.push_back(std::move(w.record));
    run.result.dossiers.push_back(std::move(w.dossier));
  }
}

}  // namespace wenshu::job
