// Input files never block or flood (core/file_io.h): FIFOs, devices and folders are refused
// before a byte is read; sizes are checked first; paths named inside inputs stay inside their
// folder (issue 16, findings 3, 4 and 7).
#include <catch2/catch.hpp>

#include <fstream>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/file_io.h"
#include "core/image_info.h"
#include "support/test_support.h"

using namespace wenshu;
namespace fs = std::filesystem;

namespace {
bool throws_with(const std::function<void()>& f, const std::string& part) {
  try {
    f();
  } catch (const std::runtime_error& e) {
    return std::string(e.what()).find(part) != std::string::npos;
  }
  return false;
}
}  // namespace

TEST_CASE("input files: special files are refused at once, never read") {
  test::TempDir dir("file-io");
  const fs::path fifo = dir.path() / "pipe.xml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Opening a FIFO without a writer would block forever; it must be refused.
  CHECK(throws_with([&] { core::read_file(fifo); }, "FIFO"));
  CHECK(throws_with([&] { core::read_head(fifo); }, "FIFO"));
  CHECK(throws_with([&] { core::read_file(dir.path()); }, "目录"));
  CHECK(throws_with([&] { core::read_file("/dev/zero", 1 << 20); }, "设备"));
  CHECK(throws_with([&] { core::read_file(dir.path() / "none"); }, "文件不存在"));
  CHECK(core::special_file_kind(fifo).find("FIFO") != std::string::npos);
  CHECK(core::special_file_kind(dir.path() / "none").empty());
}

TEST_CASE("input files: size is checked before reading; head reads only the head") {
  test::TempDir dir("file-io");
  const fs::path big = dir.path() / "big.bin";
  core::write_file_atomic(big, std::string(100000, 'a'));
  CHECK(throws_with([&] { core::read_file(big, 99999); }, "超过上限 99999"));
  CHECK(core::read_file(big, 100000).size() == 100000);
  CHECK(core::read_head(big, 16) == std::string(16, 'a'));
  core::InputFile in(big, 1 << 20);
  CHECK(in.size() == 100000);
}

TEST_CASE("paths from inputs stay inside their folder") {
  test::TempDir dir("file-io");
  const fs::path in = dir.path() / "in";
  fs::create_directories(in / "sub");
  core::write_file_atomic(in / "sub" / "a.pdf", "x");
  core::write_file_atomic(dir.path() / "outside.pdf", "y");
  fs::create_symlink(dir.path() / "outside.pdf", in / "link-out.pdf");
  fs::create_symlink(in / "sub" / "a.pdf", in / "link-in.pdf");
  fs::create_symlink("/dev/zero", in / "zero.pdf");
  REQUIRE(::mkfifo((in / "pipe.pdf").c_str(), 0600) == 0);
  std::string why;
  auto ok = core::resolve_inside(in, "sub/a.pdf", 10, why);
  REQUIRE(ok);
  CHECK(*ok == fs::canonical(in / "sub" / "a.pdf"));
  CHECK(core::resolve_inside(in, "sub/../sub/a.pdf", 10, why));
  CHECK(core::resolve_inside(in, "link-in.pdf", 10, why));  // a link that stays inside is fine
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"/etc/passwd", "绝对路径"},       {"../outside.pdf", "之外"}, {"link-out.pdf", "之外"},
      {"sub/../../outside.pdf", "之外"}, {"zero.pdf", "之外"},      {"pipe.pdf", "FIFO"},
      {"sub", "目录"},                   {"none.pdf", "不存在"},    {"", "为空"},
      {".", "之外"},
  };
  for (const auto& [path, reason] : refused) {
    INFO(path);
    why.clear();
    CHECK_FALSE(core::resolve_inside(in, path, 10, why));
    CHECK(why.find(reason) != std::string::npos);
  }
  core::write_file_atomic(in / "big.pdf", std::string(11, 'z'));
  CHECK_FALSE(core::resolve_inside(in, "big.pdf", 10, why));
  CHECK(why.find("超过上限 10") != std::string::npos);
}

TEST_CASE("images are capped by width × height from their header, before decoding") {
  auto png_header = [](std::uint32_t w, std::uint32_t h) {
    std::string s("\x89PNG\r\n\x1a\n", 8);
    auto be32 = [&](std::uint32_t v) {
      for (int i = 3; i >= 0; --i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
    };
    be32(13);
    s += "IHDR";
    be32(w);
    be32(h);
    s += std::string("\x08\x06\x00\x00\x00", 5);
    be32(0);  // CRC (not checked by the probe)
    return s;
  };
  std::string why;
  const auto ok = core::probe_image(png_header(4000, 4000), why);
  REQUIRE(ok);
  CHECK(ok->width == 4000);
  CHECK_FALSE(core::probe_image(png_header(20000, 20000), why));  // issue 16 finding 3
  CHECK(why.find("20000 × 20000") != std::string::npos);
  CHECK(why.find("超过上限") != std::string::npos);
  CHECK_FALSE(core::probe_image(png_header(1u << 31, 1u << 31), why));  // no overflow
}

TEST_CASE("leftovers of killed runs are recognised and removed, live ones kept") {
  long pid = 0;
  CHECK(core::is_temporary_name("a.pdf.tmp-123", pid));
  CHECK(pid == 123);
  CHECK(core::is_temporary_name("Z109-WS-2024.zip.partial-77", pid));
  CHECK(core::is_temporary_name("Z109-WS-2024.zip.partial-77.AbC123", pid));
  CHECK(pid == 77);
  CHECK_FALSE(core::is_temporary_name("a.pdf.tmp-", pid));
  CHECK_FALSE(core::is_temporary_name("a.pdf.tmp-12x", pid));
  CHECK_FALSE(core::is_temporary_name("a.pdf.tmp-12.x", pid));  // only .partial- has a suffix
  CHECK_FALSE(core::is_temporary_name(".tmp-12", pid));
  CHECK_FALSE(core::is_temporary_name("notes.txt", pid));

  test::TempDir dir("leftovers");
  const pid_t gone = [] {  // a process that has ended
    const pid_t p = ::fork();
    if (p == 0) ::_exit(0);
    int st = 0;
    ::waitpid(p, &st, 0);
    return p;
  }();
  const std::string dead = std::to_string(gone), alive = std::to_string(::getppid());
  const fs::path folder = dir.path() / "out";
  fs::create_directories(folder);
  for (const std::string& name : std::vector<std::string>{"x.pdf.tmp-" + dead, "y.zip.partial-" + dead + ".Qw12",
                                                          "z.pdf.tmp-" + alive, "keep.txt"})
    std::ofstream(folder / name) << "x";
  CHECK(core::remove_stale_temporaries(folder) == 2);
  CHECK(core::remove_stale_temporaries(folder) == 0);  // once per folder per process
  CHECK(fs::exists(folder / ("z.pdf.tmp-" + alive)));
  CHECK(fs::exists(folder / "keep.txt"));
  CHECK_FALSE(fs::exists(folder / ("x.pdf.tmp-" + dead)));
}
