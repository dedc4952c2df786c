// Archive stage: sidecars, 档号, packing (determinism, golden listing, unzip -t) and verify
// against tampered, hostile and truncated dossiers.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>
#include <fmt/format.h>

#include "archive/archive_support.h"
#include "archive/arrange.h"
#include "archive/digest.h"
#include "archive/pack.h"
#include "archive/profile.h"
#include "archive/sidecar.h"
#include "archive/verify.h"
#include "archive/zip_listing.h"
#include "core/file_io.h"
#include "job/catalogue_pdf.h"
#include "pdf/inspect.h"
#include "support/test_support.h"

using namespace wenshu;
namespace fs = std::filesystem;

namespace {

archive::ArchiveProfile profile() {
  core::DiagnosticSink sink;
  auto p = archive::default_profile(sink);
  REQUIRE(p);
  return *p;
}

std::string diags(const core::DiagnosticSink& sink) {
  std::string s;
  for (const auto& d : sink.items()) s += core::format_text(d) + "\n";
  return s;
}

using test::has_rule;

fs::path pack_sample(const fs::path& work, int count, const std::string& out = "out") {
  test::write_submission(work / "in", count);
  archive::PackOptions o;
  o.inputs = {work / "in"};
  o.year = 2024;
  o.fonds = "Z109";
  o.filing_date = {2025, 1, 15};
  o.out_dir = work / out;
  o.set_catalogue = job::catalogue_pdf;  // with the printable catalogue, as `pack` packs
  core::DiagnosticSink sink;
  auto bags = archive::pack_year(o, profile(), sink);
  INFO(diags(sink));
  REQUIRE(!sink.has_errors());
  REQUIRE(bags.size() == 1);
  return bags[0].zip;
}

bool verify(const fs::path& p, core::DiagnosticSink& sink, const archive::VerifyLimits& limits = {}) {
  archive::VerifyStats st;
  return archive::verify_dossier(p, profile(), sink, st, limits);
}

/// A stored-only ZIP built by hand (for hostile names), CRC-32 computed here.
std::string raw_zip(const std::vector<std::pair<std::string, std::string>>& files) {
  auto crc32 = [](const std::string& s) {
    unsigned long c = 0xFFFFFFFFUL;
    for (unsigned char ch : s) {
      c ^= ch;
      for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320UL & (0UL - (c & 1)));
    }
    return c ^ 0xFFFFFFFFUL;
  };
  auto put16 = [](std::string& o, unsigned v) { o += char(v & 255), o += char((v >> 8) & 255); };
  auto put32 = [&](std::string& o, unsigned long v) { put16(o, v & 0xFFFF), put16(o, (v >> 16) & 0xFFFF); };
  std::string out, cd;
  for (const auto& [name, data] : files) {
    const unsigned long off = out.size(), crc = crc32(data);
    put32(out, 0x04034b50), put16(out, 10), put16(out, 0), put16(out, 0), put16(out, 0), put16(out, 0x21);
    put32(out, crc), put32(out, data.size()), put32(out, data.size()), put16(out, name.size()), put16(out, 0);
    out += name + data;
    put32(cd, 0x02014b50), put16(cd, 0x031e), put16(cd, 10), put16(cd, 0), put16(cd, 0), put16(cd, 0), put16(cd, 0x21);
    put32(cd, crc), put32(cd, data.size()), put32(cd, data.size()), put16(cd, name.size()), put16(cd, 0), put16(cd, 0);
    put16(cd, 0), put16(cd, 0), put32(cd, 0), put32(cd, off);
    cd += name;
  }
  const unsigned long cd_off = out.size();
  out += cd;
  put32(out, 0x06054b50), put16(out, 0), put16(out, 0), put16(out, files.size()), put16(out, files.size());
  put32(out, cd.size()), put32(out, cd_off), put16(out, 0);
  return out;
}

}  // namespace

TEST_CASE("digests: SM3 and SHA-256 test vectors", "[archive]") {
  // archive.md §7 (checked with openssl dgst -sm3).
  const auto d = archive::digest_bytes("abc");
  CHECK(d.sm3 == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  CHECK(d.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(d.size == 3);
}

TEST_CASE("sidecar: write and read back", "[archive]") {
  test::TempDir tmp("sidecar");
  auto d = test::sample_doc("通知", "ZH", "关于召开<常委会>会议的通知 & 附件", 3, 5, 2);
  d.components[0].path = "a.pdf";
  d.components.push_back({"附件", "b.pdf", 1, "PDF/A-2u", "", ""});
  const fs::path sc = archive::sidecar_path_for(tmp.path() / "a.pdf");
  CHECK(sc.filename() == "a.pdf.xml");
  archive::write_sidecar(d, sc);
  core::DiagnosticSink sink;
  auto back = archive::read_sidecar(sc, sink);
  INFO(diags(sink));
  REQUIRE(back);
  CHECK(archive::sidecar_xml(*back) == archive::sidecar_xml(d));
  CHECK(back->page_count() == 3);
  std::string why;
  CHECK_FALSE(archive::resolve_component(sc, back->components[1], 1 << 20, why));  // not written yet
  core::write_file_atomic(tmp.path() / "b.pdf", "%PDF-1.7\n");
  const auto b = archive::resolve_component(sc, back->components[1], 1 << 20, why);
  REQUIRE(b);
  CHECK(*b == fs::canonical(tmp.path() / "b.pdf"));
  model::FiledComponent out = back->components[1];
  out.path = "/etc/passwd";  // issue 16 finding 7: a sidecar may not name files elsewhere
  CHECK_FALSE(archive::resolve_component(sc, out, 1 << 20, why));
  out.path = "../../../../../../dev/zero";
  CHECK_FALSE(archive::resolve_component(sc, out, 1 << 20, why));
}

TEST_CASE("档号: both styles, well-formedness, file key", "[archive]") {
  auto p = profile();
  const std::string code = archive::make_archival_code(p, "Z109", 2024, "Y", "DCY", 1);
  CHECK(code == "Z109-WS\xC2\xB7" "2024-Y-DCY-0001");
  CHECK(archive::archival_key(code) == "Z109-WS.2024-Y-DCY-0001");
  CHECK(archive::archival_code_well_formed(p, code));
  CHECK_FALSE(archive::archival_code_well_formed(p, "Z109-WS\xC2\xB7" "2024-Y-DCY-001"));
  CHECK_FALSE(archive::archival_code_well_formed(p, "Z109-WS\xC2\xB7" "2024-D20-DCY-0001"));
  CHECK_FALSE(archive::archival_code_well_formed(p, "Z109-WS.2024-Y-DCY-0001"));
  p.code_style = archive::CodeStyle::kDaT13;
  const std::string c13 = archive::make_archival_code(p, "Z109", 2024, "D30", "DCY", 12);
  CHECK(c13 == "Z109-WS\xC2\xB7" "2024\xC2\xB7" "D30\xC2\xB7" "DCY-0012");
  CHECK(archive::archival_code_well_formed(p, c13));
}

TEST_CASE("safe entry names", "[archive]") {
  std::string why;
  CHECK(archive::safe_entry_name("Z109-WS-2024/data/电子档案/x.pdf", why));
  for (const char* bad : {"../x", "a/../b", "/etc/passwd", "C:/x", "a\\b", "a//b", "a/CON.txt", "a/nul", "~root/x", "a/b."})
    CHECK_FALSE(archive::safe_entry_name(bad, why));
}

// The name key itself (NFC, case folding) is tested with the text stage (tests/text); here,
// that verify applies it to the entries of a dossier.
TEST_CASE("entry names: NFC and Unicode case folding (archive.md §12.6)", "[archive]") {
  const std::string composed = "data/Caf\u00e9.txt";      // é as one code point (NFC)
  const std::string decomposed = "data/Cafe\u0301.txt";   // e + combining acute (NFD)

  test::TempDir tmp("nfc");
  const std::string bagit = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
  SECTION("a name that is not NFC is refused") {
    core::write_file_atomic(tmp.path() / "n.zip", raw_zip({{"Z109-WS-2024/bagit.txt", bagit}, {"Z109-WS-2024/" + decomposed, "x"}}));
    core::DiagnosticSink sink;
    CHECK_FALSE(verify(tmp.path() / "n.zip", sink));
    CHECK(has_rule(sink, "ZIP-NAME", "NFC"));
  }
  SECTION("two names equal after case folding are duplicates") {
    core::write_file_atomic(tmp.path() / "d.zip", raw_zip({{"Z109-WS-2024/bagit.txt", bagit},
                                                           {"Z109-WS-2024/" + composed, "x"},
                                                           {"Z109-WS-2024/DATA/CAF\u00c9.TXT", "y"}}));
    core::DiagnosticSink sink;
    CHECK_FALSE(verify(tmp.path() / "d.zip", sink));
    CHECK(has_rule(sink, "ZIP-DUP", "CAF"));
  }
}

TEST_CASE("pack: deterministic, valid ZIP, golden listing, verify passes", "[archive]") {
  test::TempDir tmp("pack");
  const fs::path a = pack_sample(tmp.path(), 14, "a");
  CHECK(a.filename() == "Z109-WS-2024.zip");
  // Pack again from a copy of the input into another folder: byte-identical.
  const fs::path b = [&] {
    archive::PackOptions o;
    o.inputs = {tmp.path() / "in"};
    o.year = 2024;
    o.fonds = "Z109";
    o.filing_date = {2025, 1, 15};
    o.out_dir = tmp.path() / "b";
    o.set_catalogue = job::catalogue_pdf;
    core::DiagnosticSink sink;
    auto bags = archive::pack_year(o, profile(), sink);
    REQUIRE(bags.size() == 1);
    return bags[0].zip;
  }();
  CHECK(core::read_file(a) == core::read_file(b));
  for (const auto& e : fs::directory_iterator(tmp.path() / "a")) CHECK(e.path() == a);  // no temp files left

  const std::string listing = archive::zip_listing(a);
  CHECK(listing.find("extra=0/0") != std::string::npos);
  CHECK(listing.find("extra=1") == std::string::npos);
  CHECK(listing.find("method=8") == std::string::npos);
  // First entry is <root>/bagit.txt (archive.md §12.5).
  CHECK(listing.substr(listing.find('\n') + 1, 23) == "Z109-WS-2024/bagit.txt ");
  CHECK(test::compare_golden("archive/dossier_listing.txt", listing) == "");

  const std::string cmd = "unzip -tq '" + a.string() + "' > /dev/null 2>&1";
  CHECK(std::system(cmd.c_str()) == 0);

  core::DiagnosticSink sink;
  CHECK(verify(a, sink));
  INFO(diags(sink));
  CHECK(!sink.has_errors());
}

TEST_CASE("verify: tampered dossiers fail, naming the item", "[archive]") {
  test::TempDir tmp("tamper");
  const fs::path zip = pack_sample(tmp.path(), 8);
  const std::string bytes = core::read_file(zip);

  SECTION("one byte flipped in a stored PDF (or metadata, or catalogue): exactly one finding, about that entry") {
    auto errors_of = [](const core::DiagnosticSink& sink) {
      std::vector<core::Diagnostic> e;
      for (const auto& d : sink.items())
        if (d.severity == core::Severity::kError) e.push_back(d);
      return e;
    };
    // In a stored PDF of the ZIP: the CRC fails; no "missing", Oxum, register or 件号 knock-ons.
    std::string t = bytes;
    const auto p = t.find("/Title (doc 3)");
    REQUIRE(p != std::string::npos);
    t[p + 8] = 'X';
    core::write_file_atomic(tmp.path() / "t.zip", t);
    core::DiagnosticSink sink;
    CHECK_FALSE(verify(tmp.path() / "t.zip", sink));
    INFO(diags(sink));
    auto errors = errors_of(sink);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rule == "ZIP-CRC");
    CHECK(errors[0].location.file.find(".pdf") != std::string::npos);
    // In an item's metadata XML, or in the 归档文件目录, of the ZIP: likewise one finding.
    for (const char* marker : {"<文件实体块>", "<卷"}) {
      std::string x = bytes;
      const auto q = x.find(marker);
      REQUIRE(q != std::string::npos);
      x[q + 1] ^= 1;
      core::write_file_atomic(tmp.path() / "x.zip", x);
      core::DiagnosticSink xsink;
      CHECK_FALSE(verify(tmp.path() / "x.zip", xsink));
      INFO(marker << "\n" << diags(xsink));
      errors = errors_of(xsink);
      REQUIRE(errors.size() == 1);
      CHECK(errors[0].rule == "ZIP-CRC");
      CHECK(errors[0].location.file.find(".xml") != std::string::npos);
    }
    // In an unpacked folder (no CRC): one DA-5 naming both digests; a byte that also breaks
    // the PDF's structure is folded into that finding instead of a second DA-6 line.
    const fs::path dir = tmp.path() / "flip";
    fs::create_directories(dir);
    REQUIRE(std::system(("cd '" + dir.string() + "' && unzip -q '" + zip.string() + "'").c_str()) == 0);
    fs::path pdf;
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.path().extension() == ".pdf" && pdf.empty() && e.path().filename().string().find("-01.pdf") != std::string::npos)
        pdf = e.path();
    REQUIRE(!pdf.empty());
    std::string b = core::read_file(pdf);
    b[1] = 'X';  // "%PDF-" header broken: not readable as a PDF any more
    core::write_file_atomic(pdf, b);
    core::DiagnosticSink fsink;
    CHECK_FALSE(verify(dir, fsink));
    INFO(diags(fsink));
    errors = errors_of(fsink);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rule == "DA-5");
    CHECK(errors[0].location.file.find(pdf.filename().string()) != std::string::npos);
    CHECK(errors[0].message.find("SHA-256") != std::string::npos);
    CHECK(errors[0].message.find("SM3") != std::string::npos);
    CHECK(errors[0].message.find("不是可读的 PDF") != std::string::npos);
  }
  SECTION("a digit changed in manifest-sha256.txt: one finding, about the manifest") {
    const fs::path dir = tmp.path() / "man";
    fs::create_directories(dir);
    REQUIRE(std::system(("cd '" + dir.string() + "' && unzip -q '" + zip.string() + "'").c_str()) == 0);
    const fs::path m = dir / "Z109-WS-2024" / "manifest-sha256.txt";
    std::string text = core::read_file(m);
    text[0] = text[0] == '0' ? '1' : '0';  // first line's digest
    core::write_file_atomic(m, text);
    core::DiagnosticSink sink;
    CHECK_FALSE(verify(dir, sink));
    INFO(diags(sink));
    std::vector<core::Diagnostic> errors;
    for (const auto& d : sink.items())
      if (d.severity == core::Severity::kError) errors.push_back(d);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rule == "DA-5");
    CHECK(errors[0].location.file.find("manifest-sha256.txt") != std::string::npos);
    CHECK(errors[0].message.find("1 行") != std::string::npos);
  }
  SECTION("truncated ZIP") {
    core::write_file_atomic(tmp.path() / "t.zip", bytes.substr(0, bytes.size() / 2));
    core::DiagnosticSink sink;
    CHECK_FALSE(verify(tmp.path() / "t.zip", sink));
    CHECK(has_rule(sink, "ZIP-OPEN"));
  }
  SECTION("unpacked folder: deleted file, extra file, edited page count") {
    const fs::path dir = tmp.path() / "unpacked";
    fs::create_directories(dir);
    REQUIRE(std::system(("cd '" + dir.string() + "' && unzip -q '" + zip.string() + "'").c_str()) == 0);
    {
      core::DiagnosticSink sink;
      CHECK(verify(dir, sink));
      INFO(diags(sink));
    }
    const fs::path root = dir / "Z109-WS-2024";
    fs::path some_pdf, some_meta;
    for (const auto& e : fs::recursive_directory_iterator(root / "data"))
      if (e.path().extension() == ".pdf" && some_pdf.empty() && e.path().filename().string().find("-01.pdf") != std::string::npos)
        some_pdf = e.path();
    REQUIRE(!some_pdf.empty());
    const std::string key = some_pdf.parent_path().filename().string();
    some_meta = some_pdf.parent_path() / (key + ".xml");
    SECTION("deleted") {
      fs::remove(some_pdf);
      core::DiagnosticSink sink;
      CHECK_FALSE(verify(dir, sink));
      CHECK(has_rule(sink, "BAG-MISSING", some_pdf.filename().string()));
      CHECK(has_rule(sink, "DA-1", key.substr(0, 8)));
    }
    SECTION("extra file") {
      core::write_file_atomic(root / "data" / "extra.txt", "x");
      core::DiagnosticSink sink;
      CHECK_FALSE(verify(dir, sink));
      CHECK(has_rule(sink, "BAG-EXTRA", "extra.txt"));
    }
    SECTION("page count edited in the metadata") {
      std::string m = core::read_file(some_meta);
      const auto p = m.find("<页数>");
      REQUIRE(p != std::string::npos);
      m.replace(p, std::string("<页数>").size() + 1, "<页数>9");
      core::write_file_atomic(some_meta, m);
      core::DiagnosticSink sink;
      CHECK_FALSE(verify(dir, sink));
      CHECK(has_rule(sink, "DA-5", key));   // the metadata file's digest no longer matches
      CHECK(has_rule(sink, "DA-4"));        // and its page count disagrees
    }
  }
  SECTION("hostile entry names") {
    const std::string z = raw_zip({{"Z109-WS-2024/bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"},
                                   {"Z109-WS-2024/../../evil.txt", "x"},
                                   {"/etc/evil", "x"}});
    core::write_file_atomic(tmp.path() / "h.zip", z);
    core::DiagnosticSink sink;
    CHECK_FALSE(verify(tmp.path() / "h.zip", sink));
    CHECK(has_rule(sink, "ZIP-PATH", "../../evil.txt"));
    CHECK(has_rule(sink, "ZIP-PATH", "/etc/evil"));
    CHECK(!fs::exists(tmp.path().parent_path() / "evil.txt"));
  }
  SECTION("size limits (zip bomb guard)") {
    archive::VerifyLimits limits;
    limits.max_entry_bytes = 300;  // smaller than every PDF here
    core::DiagnosticSink sink;
    CHECK_FALSE(verify(zip, sink, limits));
    CHECK(has_rule(sink, "ZIP-BOMB"));
    limits = {};
    limits.max_entries = 5;
    core::DiagnosticSink sink2;
    CHECK_FALSE(verify(zip, sink2, limits));
    CHECK(has_rule(sink2, "ZIP-BOMB"));
  }
}

TEST_CASE("pack: refuses a submission with errors and writes nothing", "[archive]") {
  test::TempDir tmp("refuse");
  test::write_submission(tmp.path() / "in", 3);
  // Lie about a page count in one sidecar (DA-4), and drop a title in another (DA-1).
  core::DiagnosticSink rs;
  auto sidecars = archive::find_sidecars({tmp.path() / "in"});
  REQUIRE(sidecars.size() == 3);
  auto d = archive::read_sidecar(sidecars[0], rs);
  REQUIRE(d);
  d->components[0].page_count += 1;
  archive::write_sidecar(*d, sidecars[0]);
  auto e = archive::read_sidecar(sidecars[1], rs);
  e->title.clear();
  archive::write_sidecar(*e, sidecars[1]);
  archive::PackOptions o;
  o.inputs = {tmp.path() / "in"};
  o.year = 2024;
  o.fonds = "Z109";
  o.filing_date = {2025, 1, 15};
  o.out_dir = tmp.path() / "out";
  core::DiagnosticSink sink;
  auto bags = archive::pack_year(o, profile(), sink);
  CHECK(bags.empty());
  CHECK(has_rule(sink, "DA-4"));
  CHECK(has_rule(sink, "DA-1", "题名"));
  CHECK(!fs::exists(tmp.path() / "out"));
}

TEST_CASE("pack/check: a PDF changed after it was produced is one finding", "[archive]") {
  test::TempDir tmp("changed");
  test::write_submission(tmp.path() / "in", 4);
  fs::path pdf;
  for (const auto& e : fs::recursive_directory_iterator(tmp.path() / "in"))
    if (e.path().extension() == ".pdf" && (pdf.empty() || e.path() < pdf)) pdf = e.path();
  REQUIRE(!pdf.empty());
  std::string b = core::read_file(pdf);
  b[1] = 'X';  // no longer a PDF header: unreadable, page count unknown
  core::write_file_atomic(pdf, b);
  core::DiagnosticSink sink;
  std::vector<archive::CheckResult> results;
  auto items = archive::load_items({tmp.path() / "in"}, 2024, profile(), sink, results);
  INFO(diags(sink));
  std::vector<core::Diagnostic> errors;
  for (const auto& d : sink.items())
    if (d.severity == core::Severity::kError) errors.push_back(d);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rule == "DA-5");
  CHECK(errors[0].location.file == pdf.string());
  CHECK(errors[0].message.find("不是可读的 PDF") != std::string::npos);
}

TEST_CASE("PdfInspector: one worker for many files gives inspect_pdf's results", "[archive]") {
  const std::string good = test::minimal_pdf(2, "a"), other = test::minimal_pdf(3, "b");
  std::string bad = good;
  bad[1] = 'X';
  const std::string cut = good.substr(0, good.size() / 2);
  pdf::PdfInspector inspector;
  inspector.start();
  for (int round = 0; round < 3; ++round) {
    for (const std::string* bytes : std::vector<const std::string*>{&good, &bad, &other, &cut, &good}) {
      core::DiagnosticSink a, b;
      const pdf::PdfInfo x = inspector.inspect(*bytes, "f.pdf", a);
      const pdf::PdfInfo y = pdf::inspect_pdf(*bytes, "f.pdf", b);
      CHECK(x.readable == y.readable);
      CHECK(x.page_count == y.page_count);
      CHECK(x.byte_size == y.byte_size);
      CHECK(x.title == y.title);
      CHECK(diags(a) == diags(b));
      // submit/collect (overlapped use) gives the same result again.
      inspector.submit(*bytes, "f.pdf");
      CHECK(inspector.pending());
      core::DiagnosticSink c;
      const pdf::PdfInfo z = inspector.collect(c);
      CHECK_FALSE(inspector.pending());
      CHECK(z.readable == y.readable);
      CHECK(z.page_count == y.page_count);
      CHECK(diags(c) == diags(b));
    }
  }
}

/// The child processes of this test binary, whichever thread forked them.
std::vector<int> child_pids() {
  std::vector<int> pids;
  for (const auto& task : fs::directory_iterator("/proc/self/task")) {
    std::ifstream in(task.path() / "children");
    for (int pid = 0; in >> pid;) pids.push_back(pid);
  }
  return pids;
}

/// SIGKILLs every child process of this test binary.
void kill_children() {
  for (const int pid : child_pids()) ::kill(pid, SIGKILL);
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

/// Under AddressSanitizer only: SIGKILLs the workers stuck on a futex, and returns how many.
/// The ASan allocator of GCC 12 (compiler-rt before LLVM 17) takes no lock around fork(), so a
/// worker forked while another thread is inside malloc inherits that lock held and waits on it
/// for ever (seen with gdb: Worker::spawn → worker_main → PoDoFo → operator new →
/// SizeClassAllocator64::GetFromAllocator → FutexWait). glibc's malloc, which the real program
/// uses, resets its locks in the child. Killed, such a worker is replaced and the file parsed
/// again, as for any worker that dies. The deadlock this test is for is different: workers
/// blocked reading a socket that never reaches EOF, which are left alone and still fail it.
int kill_workers_stuck_in_sanitizer_allocator() {
  if (!kAddressSanitizer) return 0;
  int killed = 0;
  for (const int pid : child_pids()) {
    std::ifstream in(fmt::format("/proc/{}/wchan", pid));
    std::string wchan;
    in >> wchan;
    if (wchan.rfind("futex", 0) == 0 && ::kill(pid, SIGKILL) == 0) ++killed;
  }
  return killed;
}

TEST_CASE("PdfInspector: inspectors on several threads at once never wait for each other", "[archive]") {
  // build -j packs and verifies dossiers on several threads, each with its own inspector. A
  // worker forked by one thread must not keep another thread's worker socket open: that worker
  // would never see EOF and both destructors would wait for ever. A deadlock ends the test
  // binary with a message (the threads cannot be joined).
  const std::string good = test::minimal_pdf(1, "a");
  constexpr int kRounds = 150, kThreads = 4;
  std::atomic<int> readable{0};
  auto work = std::async(std::launch::async, [&] {
    for (int round = 0; round < kRounds; ++round) {
      std::atomic<int> ready{0};
      std::vector<std::thread> threads;
      for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&] {
          for (++ready; ready < kThreads;) std::this_thread::yield();  // start together
          pdf::PdfInspector inspector;
          core::DiagnosticSink sink;
          if (inspector.inspect(good, "a.pdf", sink).readable) ++readable;
        });
      for (auto& t : threads) t.join();
    }
  });
  // A deadlock is no inspection finishing for 30 s (one takes milliseconds, even under ASan).
  int seen = -1;
  auto progress_at = std::chrono::steady_clock::now();
  while (work.wait_for(std::chrono::seconds(1)) != std::future_status::ready) {
    const auto stalled = std::chrono::steady_clock::now() - progress_at;
    if (readable != seen) {
      seen = readable;
      progress_at = std::chrono::steady_clock::now();
    } else if (stalled > std::chrono::seconds(5) && kill_workers_stuck_in_sanitizer_allocator() > 0) {
      std::fputs("PdfInspector test: killed a worker stuck in the ASan allocator after fork (not this test's bug)\n",
                 stderr);
    } else if (stalled > std::chrono::seconds(30)) {
      std::fputs("PdfInspector: inspectors on several threads deadlocked (a worker kept another's socket)\n", stderr);
      kill_children();  // the stuck workers would outlive the test and hold its output open
      std::_Exit(1);
    }
  }
  CHECK(readable == kRounds * kThreads);
}

TEST_CASE("PdfInspector: a worker that dies is replaced, and the file is parsed again", "[archive]") {
  const std::string good = test::minimal_pdf(2, "a");
  pdf::PdfInspector inspector;
  inspector.start();
  // Kill the worker behind the inspector's back (as a parser crash would end it).
  REQUIRE(!child_pids().empty());
  kill_children();
  core::DiagnosticSink sink;
  const pdf::PdfInfo info = inspector.inspect(good, "a.pdf", sink);
  INFO(diags(sink));
  CHECK(info.readable);
  CHECK(info.page_count == 2);
  CHECK(!sink.has_errors());
}
