// SM2-signed tag manifests (archive/sign.h): keys and certificates that belong together sign;
// a key that is not SM2 or a certificate of another key is refused; a tampered manifest, a
// changed statement or a foreign certificate fails with one clear problem; signing the same
// statement twice gives the same bytes.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "archive/sign.h"
#include "support/test_support.h"

namespace wenshu {

namespace {

/// Runs tests/support/make_sm2_cert.sh into `dir`.
void make_cert(const std::filesystem::path& dir, const std::string& subject) {
  const std::string cmd = "bash " + (test::source_dir() / "tests/support/make_sm2_cert.sh").string() + " '" + dir.string() +
                          "' '" + subject + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
}

std::vector<std::pair<std::string, std::string>> tag_files() {
  return {{"tagmanifest-sm3.txt", "abc  bagit.txt\n"}, {"manifest-sm3.txt", "def  data/x.pdf\n"},
          {"bag-info.txt", "Source-Organization: 中共某某市委\nBagging-Date: 2009-12-31\n"}};
}

std::function<std::optional<std::string>(const std::string&)> reader(std::vector<std::pair<std::string, std::string>> files) {
  return [files](const std::string& name) -> std::optional<std::string> {
    for (const auto& [n, b] : files)
      if (n == name) return b;
    return std::nullopt;
  };
}

}  // namespace

TEST_CASE("SM2 signature of the tag manifests: sign, verify, tamper", "[archive][sign]") {
  test::TempDir dir("sm2");
  make_cert(dir.path() / "a", "/C=CN/O=中共某某市委办公室/CN=档案室");
  make_cert(dir.path() / "b", "/C=CN/O=Other/CN=Someone else");
  std::string error;
  const auto signer = archive::Signer::load(dir.path() / "a/key.pem", dir.path() / "a/cert.pem", error);
  INFO(error);
  REQUIRE(signer);
  CHECK(signer->subject().find("CN=档案室") != std::string::npos);
  const std::string file = signer->sign(tag_files(), "2009-12-31");
  CHECK(file.find("signing-date: 2009-12-31\n") != std::string::npos);
  CHECK(file.find("-----BEGIN CERTIFICATE-----") != std::string::npos);
  // Deterministic (RFC 6979-style secret number): the same statement signs to the same bytes.
  CHECK(signer->sign(tag_files(), "2009-12-31") == file);

  const auto ok = archive::check_signature(file, reader(tag_files()));
  INFO(ok.problem);
  CHECK(ok.valid);
  CHECK(ok.date == "2009-12-31");
  CHECK(ok.signer == signer->subject());
  CHECK(ok.cert_sha256.size() == 64);

  // A changed manifest.
  auto files = tag_files();
  files[1].second += "0123  data/y.pdf\n";
  const auto tampered = archive::check_signature(file, reader(files));
  CHECK_FALSE(tampered.valid);
  CHECK(tampered.problem.find("manifest-sm3.txt") != std::string::npos);
  // A changed statement (the date).
  std::string redated = file;
  redated.replace(redated.find("2009-12-31"), 10, "2010-01-01");
  CHECK(archive::check_signature(redated, reader(tag_files())).problem.find("does not verify") != std::string::npos);
  // A foreign certificate put in place of the signer's.
  const std::string foreign = test::read_file(dir.path() / "b/cert.pem");
  std::string swapped = file.substr(0, file.find("-----BEGIN CERTIFICATE-----")) + foreign;
  const auto swapped_check = archive::check_signature(swapped, reader(tag_files()));
  CHECK_FALSE(swapped_check.valid);
  CHECK(swapped_check.problem.find("does not verify") != std::string::npos);
  // Only trusted signers, when a trust list is given.
  CHECK(archive::check_signature(file, reader(tag_files()), {test::read_file(dir.path() / "a/cert.pem")}).valid);
  CHECK(archive::check_signature(file, reader(tag_files()), {foreign}).problem.find("trusted") != std::string::npos);
  // A missing tag file, a malformed file.
  files = tag_files();
  files.pop_back();
  CHECK(archive::check_signature(file, reader(files)).problem.find("bag-info.txt") != std::string::npos);
  CHECK_FALSE(archive::check_signature("garbage", reader(tag_files())).valid);
  CHECK_FALSE(archive::check_signature(file.substr(0, file.size() / 2), reader(tag_files())).valid);
}

TEST_CASE("SM2 signer: a key that is not SM2 or a certificate of another key is refused", "[archive][sign]") {
  test::TempDir dir("sm2bad");
  make_cert(dir.path() / "a", "/CN=A");
  make_cert(dir.path() / "b", "/CN=B");
  std::string error;
  CHECK_FALSE(archive::Signer::load(dir.path() / "a/key.pem", dir.path() / "b/cert.pem", error));
  CHECK(error.find("not the key's") != std::string::npos);
  const std::string rsa = (dir.path() / "rsa.pem").string();
  REQUIRE(std::system(("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out '" + rsa + "' 2>/dev/null").c_str()) == 0);
  CHECK_FALSE(archive::Signer::load(rsa, dir.path() / "a/cert.pem", error));
  CHECK(error.find("not an SM2 key") != std::string::npos);
  const std::string ec = (dir.path() / "p256.pem").string();
  REQUIRE(std::system(("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out '" + ec + "' 2>/dev/null").c_str()) == 0);
  CHECK_FALSE(archive::Signer::load(ec, dir.path() / "a/cert.pem", error));
  CHECK(error.find("not an SM2 key") != std::string::npos);
  CHECK_FALSE(archive::Signer::load(dir.path() / "none.pem", dir.path() / "a/cert.pem", error));
  CHECK_FALSE(archive::Signer::load(dir.path() / "a/cert.pem", dir.path() / "a/cert.pem", error));
}

}  // namespace wenshu
