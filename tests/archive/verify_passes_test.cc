// The passes of verify (archive/verify_passes.h), each on its own: a container held in memory
// for the passes that read entries, and the observed state of a real packed dossier, changed
// by hand, for the passes that only compare.
#include <catch2/catch.hpp>

#include <map>

#include "archive/archive_support.h"
#include "archive/bag.h"
#include "archive/pack.h"
#include "archive/profile.h"
#include "archive/verify_passes.h"
#include "support/test_support.h"

using namespace wenshu;
using namespace wenshu::archive;
namespace fs = std::filesystem;

namespace {

/// Entries held in memory; `data` may be longer than the declared size (a lying entry).
class MemorySource : public EntrySource {
 public:
  void add(EntryInfo e, std::string data) {
    if (e.size == 0 && !e.is_dir) e.size = data.size();
    e.comp_size = e.comp_size ? e.comp_size : e.size;
    entries_.push_back(std::move(e));
    data_.push_back(std::move(data));
  }
  void add(const std::string& name, std::string data) { add(EntryInfo{name}, std::move(data)); }
  const std::vector<EntryInfo>& entries() const override { return entries_; }
  std::string read(std::size_t i, std::uint64_t max_bytes, const std::function<void(std::string_view)>& sink) override {
    std::vector<char> buf(7);  // small chunks: the stop past the declared size is exercised
    std::size_t at = 0;
    const std::string& d = data_[i];
    return read_declared(entries_[i].size, max_bytes, buf, [&](char* p, std::size_t n) -> long long {
      const std::size_t k = std::min(n, d.size() - at);
      std::copy(d.begin() + static_cast<std::ptrdiff_t>(at), d.begin() + static_cast<std::ptrdiff_t>(at + k), p);
      at += k;
      return static_cast<long long>(k);
    }, sink);
  }

 private:
  std::vector<EntryInfo> entries_;
  std::vector<std::string> data_;
};

const std::string kRoot = "Z109-WS-2024/";

bool has(const core::DiagnosticSink& sink, const std::string& rule, const std::string& needle = "") {
  for (const auto& d : sink.items())
    if (d.rule == rule && core::format_text(d).find(needle) != std::string::npos) return true;
  return false;
}

std::string all(const core::DiagnosticSink& sink) {
  std::string s;
  for (const auto& d : sink.items()) s += core::format_text(d) + "\n";
  return s;
}

ArchiveProfile profile() {
  core::DiagnosticSink sink;
  auto p = default_profile(sink);
  REQUIRE(p);
  return *p;
}

/// The observed state of a freshly packed dossier after passes 1–4 (no findings).
Observed observed_dossier(const fs::path& work, VerifyStats& stats) {
  test::write_submission(work / "in", 6);
  PackOptions o;
  o.inputs = {work / "in"};
  o.year = 2024;
  o.fonds = "Z109";
  o.filing_date = {2025, 1, 15};
  o.out_dir = work / "out";
  core::DiagnosticSink pack_sink;
  const auto bags = pack_year(o, profile(), pack_sink);
  REQUIRE(bags.size() == 1);
  std::string err;
  auto src = open_zip_source(bags[0].zip, err);
  REQUIRE(src);
  core::DiagnosticSink sink;
  Findings f{sink};
  Observed obs;
  check_container(*src, {}, obs, f);
  read_tag_files(*src, {}, obs, f);
  read_payload(*src, {}, obs, f, stats);
  check_manifests(obs, f);
  INFO(all(sink));
  REQUIRE(sink.items().empty());
  return obs;
}

}  // namespace

TEST_CASE("verify pass 1, container: kinds, modes, names and declared sizes", "[archive][verify]") {
  MemorySource src;
  src.add(kRoot + "bagit.txt", bagit_txt());
  src.add(EntryInfo{kRoot + "data/dir/", 5, 5, 0, false, true}, "hidden");
  src.add(EntryInfo{kRoot + "data/link.pdf", 0, 0, 0, false, false, true}, "/etc/passwd");
  src.add(EntryInfo{kRoot + "data/suid.txt", 0, 0, 0, false, false, false, "带 setuid/setgid/sticky 位"}, "x");
  src.add(EntryInfo{kRoot + "data/enc.txt", 0, 0, 0, true}, "x");
  src.add(EntryInfo{kRoot + "data/bz.txt", 0, 0, 12}, "x");
  src.add(kRoot + "data/a\x01.txt", "x");
  src.add(kRoot + "data/Name.txt", "x");
  src.add(kRoot + "data/NAME.txt", "x");
  src.add("Other/file.txt", "x");
  src.add(kRoot + "data/ok.txt", "ok");
  core::DiagnosticSink sink;
  Findings f{sink};
  Observed obs;
  check_container(src, {}, obs, f);
  INFO(all(sink));
  CHECK(obs.root == kRoot);
  CHECK_FALSE(obs.refused);
  CHECK(has(sink, "ZIP-ENTRY", "data/dir/: error[ZIP-ENTRY]: 目录条目（本格式不含目录条目，且带有数据）"));
  CHECK(has(sink, "ZIP-PATH", "link.pdf: error[ZIP-PATH]: 符号链接"));
  CHECK(has(sink, "ZIP-ENTRY", "setuid"));
  CHECK(has(sink, "ZIP-ENCRYPTED"));
  CHECK(has(sink, "ZIP-METHOD", "压缩方法 12"));
  CHECK(has(sink, "ZIP-PATH", "control character 0x01"));
  CHECK(has(sink, "ZIP-DUP", "NAME.txt"));
  CHECK(has(sink, "ZIP-ROOT", "Other/file.txt"));
  // Only bagit.txt, Name.txt and ok.txt may be read.
  CHECK(obs.index_of.size() == 3);
  CHECK(obs.index_of.count("data/ok.txt"));
}

TEST_CASE("verify pass 1, container: a bomb refuses the whole container", "[archive][verify]") {
  VerifyLimits limits;
  limits.max_entry_bytes = 100;
  limits.max_total_bytes = 150;
  limits.ratio_free_bytes = 10;
  limits.max_ratio = 10;
  SECTION("one entry too large") {
    MemorySource src;
    src.add(kRoot + "bagit.txt", bagit_txt());
    src.add(kRoot + "data/big.pdf", std::string(101, 'x'));
    core::DiagnosticSink sink;
    Findings f{sink};
    Observed obs;
    check_container(src, limits, obs, f);
    CHECK(obs.refused);
    CHECK(has(sink, "ZIP-BOMB", "声明大小 101"));
  }
  SECTION("ratio") {
    MemorySource src;
    src.add(kRoot + "bagit.txt", bagit_txt());
    src.add(EntryInfo{kRoot + "data/z.pdf", 99, 2, 8}, std::string(99, '\0'));
    core::DiagnosticSink sink;
    Findings f{sink};
    Observed obs;
    check_container(src, limits, obs, f);
    CHECK(obs.refused);
    CHECK(has(sink, "ZIP-BOMB", "压缩比 49:1"));
  }
  SECTION("total") {
    MemorySource src;
    src.add(kRoot + "bagit.txt", bagit_txt());
    src.add(kRoot + "data/a.pdf", std::string(90, 'x'));
    src.add(kRoot + "data/b.pdf", std::string(90, 'x'));
    core::DiagnosticSink sink;
    Findings f{sink};
    Observed obs;
    check_container(src, limits, obs, f);
    CHECK(obs.refused);
    CHECK(has(sink, "ZIP-BOMB", "声明总大小"));
  }
}

TEST_CASE("verify pass 2, tag files: strict root, strict bag-info", "[archive][verify]") {
  MemorySource src;
  src.add(kRoot + "bagit.txt", bagit_txt());
  src.add(kRoot + "bag-info.txt", "Payload-Oxum: 1.1\nSource-Organization: x\nPayload-Oxum: 1.1\nno colon here\n");
  src.add(kRoot + "manifest-evil.exe", "MZ");
  src.add(kRoot + "manifest-md5.txt", "x");
  src.add(kRoot + "manifest-sha256.txt", std::string(64, 'a') + "  data/x.txt\nnot-hex  data/y.txt\n" +
                                         std::string(64, 'b') + "  data/x.txt\n" + std::string(64, 'c') + "  ../up\n");
  core::DiagnosticSink sink;
  Findings f{sink};
  Observed obs;
  check_container(src, {}, obs, f);
  read_tag_files(src, {}, obs, f);
  INFO(all(sink));
  CHECK(has(sink, "BAG-EXTRA", "manifest-evil.exe"));
  CHECK(has(sink, "BAG-EXTRA", "manifest-md5.txt"));
  CHECK_FALSE(obs.usable[obs.index_of.at("manifest-evil.exe")]);  // never read
  CHECK(has(sink, "BAG-INFO", "bag-info.txt:3: error[BAG-INFO]: Payload-Oxum 重复出现（第 1 行已有"));
  CHECK(has(sink, "BAG-INFO", "bag-info.txt:4: error[BAG-INFO]: 行格式错误"));
  CHECK(obs.bag_info_fields.at("Payload-Oxum") == "1.1");
  CHECK(has(sink, "BAG-MANIFEST", "manifest-sha256.txt:2"));
  CHECK(has(sink, "BAG-MANIFEST", "manifest-sha256.txt:3: error[BAG-MANIFEST]: 路径在清单中重复出现"));
  CHECK(has(sink, "ZIP-PATH", "manifest-sha256.txt:4"));
  CHECK(obs.manifest_sha256.lines.size() == 1);
  CHECK(has(sink, "BAG-MISSING", "manifest-sm3.txt"));
  CHECK(has(sink, "BAG-TAG"));
}

TEST_CASE("verify pass 3, payload: read once, never past the declared size", "[archive][verify]") {
  MemorySource src;
  src.add(kRoot + "bagit.txt", bagit_txt());
  src.add(EntryInfo{kRoot + "data/lie.pdf", 10}, std::string(100000, '\0'));  // declares 10 bytes
  src.add(kRoot + "data/m.xml", "<a/>");
  src.add(kRoot + "data/t.txt", "text");
  core::DiagnosticSink sink;
  Findings f{sink};
  Observed obs;
  VerifyStats stats;
  check_container(src, {}, obs, f);
  read_payload(src, {}, obs, f, stats);
  INFO(all(sink));
  CHECK(has(sink, "ZIP-CRC", "数据超过声明的大小 10 字节（停止读取）"));
  CHECK(obs.unreadable.count("data/lie.pdf"));
  CHECK(obs.unreadable_size.at("data/lie.pdf") == 10);
  CHECK(obs.xml.at("data/m.xml") == "<a/>");
  CHECK(obs.actual.at("data/t.txt").size == 4);
  CHECK(obs.payload_files == 3);
  CHECK(obs.payload_bytes == 10 + 4 + 4);
  CHECK(obs.pdfs.empty());

  VerifyLimits limits;
  limits.max_xml_total_bytes = 3;  // XML kept for later passes is bounded in total
  core::DiagnosticSink sink2;
  Findings f2{sink2};
  Observed obs2;
  check_container(src, limits, obs2, f2);
  read_payload(src, limits, obs2, f2, stats);
  CHECK(obs2.refused);
  CHECK(has(sink2, "ZIP-BOMB", "XML 元数据总量超过上限 3 字节"));
}

TEST_CASE("verify pass 4, manifests: altered, missing, extra, Oxum, anchor", "[archive][verify]") {
  test::TempDir tmp("passes");
  VerifyStats stats;
  const Observed clean = observed_dossier(tmp.path(), stats);
  const std::string pdf = clean.pdfs.begin()->first;
  {
    Observed obs = clean;
    obs.actual[pdf].sha256 = std::string(64, '0');
    obs.actual["data/extra.txt"] = obs.actual[pdf];
    obs.actual.erase(kExplanationName);
    obs.bag_info_fields["Payload-Oxum"] = "1.1";
    core::DiagnosticSink sink;
    Findings f{sink};
    check_manifests(obs, f);
    INFO(all(sink));
    CHECK(has(sink, "DA-5", pdf + ": error[DA-5]: SHA-256 摘要与清单不符"));
    CHECK(obs.altered.count(pdf));
    CHECK(has(sink, "BAG-MISSING", "说明文件.txt"));
    CHECK(has(sink, "BAG-EXTRA", "data/extra.txt"));
    CHECK(has(sink, "BAG-OXUM", "Payload-Oxum 1.1 与实际"));
  }
  {
    Observed obs = clean;
    obs.expect = "sm3:" + obs.actual.at("tagmanifest-sm3.txt").sm3;
    core::DiagnosticSink sink;
    Findings f{sink};
    check_manifests(obs, f);
    CHECK(sink.items().empty());
    obs.expect = std::string(64, 'a');
    check_manifests(obs, f);
    CHECK(has(sink, "BAG-ANCHOR"));
  }
}

TEST_CASE("verify pass 5, items: metadata against files and PDFs", "[archive][verify]") {
  test::TempDir tmp("passes");
  VerifyStats stats;
  const Observed clean = observed_dossier(tmp.path(), stats);
  {
    Observed obs = clean;
    core::DiagnosticSink sink;
    Findings f{sink};
    check_items(profile(), obs, f, stats);
    INFO(all(sink));
    CHECK(sink.items().empty());
    CHECK(obs.item_pages.size() == 6);
  }
  std::string pdf;  // a component PDF (not the printable catalogue)
  for (const auto& [rel, seen] : clean.pdfs)
    if (rel.rfind(kRecordsDir, 0) == 0 && pdf.empty()) pdf = rel;
  REQUIRE(!pdf.empty());
  const std::string item = item_of(pdf);
  Observed obs = clean;
  obs.pdfs[pdf].facts.pages += 1;
  obs.pdfs[pdf].facts.encrypted = true;
  std::string meta;
  for (const auto& [rel, bytes] : obs.xml)
    if (rel.rfind(kRecordsDir, 0) == 0 && rel != pdf && item_of(rel) != item && meta.empty()) meta = rel;
  obs.xml.erase(meta);  // an item's metadata gone: its number leaves a gap, its PDF is nobody's
  core::DiagnosticSink sink;
  Findings f{sink};
  check_items(profile(), obs, f, stats);
  INFO(all(sink));
  CHECK(has(sink, "DA-4", "与 PDF 实际页数"));
  CHECK(has(sink, "DA-6", "PDF 已加密"));
  CHECK(has(sink, "BAG-EXTRA", "PDF 不属于任何一件的元数据"));
}

TEST_CASE("verify pass 6, catalogues: 归档文件目录, 文件目录, 归档登记表", "[archive][verify]") {
  test::TempDir tmp("passes");
  VerifyStats stats;
  Observed obs = observed_dossier(tmp.path(), stats);
  core::DiagnosticSink clean_sink;
  Findings clean_f{clean_sink};
  check_items(profile(), obs, clean_f, stats);
  check_catalogues(obs, clean_f);
  INFO(all(clean_sink));
  CHECK(clean_sink.items().empty());
  const std::string gone = obs.item_pages.begin()->first;
  obs.item_pages.erase(gone);
  obs.item_pages["Z109-WS·2024-Y-XXX-0001"] = 1;
  obs.xml.erase(kNotesName);
  core::DiagnosticSink sink;
  Findings f{sink};
  check_catalogues(obs, f);
  INFO(all(sink));
  CHECK(has(sink, "DA-2", "归档文件目录中的档号没有对应的件"));
  CHECK(has(sink, "DA-2", "件未列入归档文件目录"));
  CHECK(has(sink, "DA-2", "文件目录.xml 与各件元数据不一致"));
  CHECK(has(sink, "BAG-MISSING", "备考表.xml"));
}
