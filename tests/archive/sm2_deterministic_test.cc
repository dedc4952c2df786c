// Deterministic SM2 signatures (archive/sm2_deterministic.h): the signing arithmetic gives the
// published example signature of GB/T 32918.5-2016 Annex A for its secret number; the nonce
// derivation gives RFC 6979's own example nonce (A.2.5, P-256 with SHA-256); with SM3 it is the
// same for the same key and message and differs otherwise; rejected candidates are refused.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "archive/digest.h"
#include "archive/sm2_deterministic.h"

namespace wenshu {

namespace {

std::string unhex(std::string_view hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  return out;
}

std::string hex(std::string_view bytes) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

// The SM2 curve's order n (GB/T 32918.5-2016).
const std::string kSm2Order = "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123";
// The example of GB/T 32918.5-2016 Annex A (also GM/T 0003.5-2012): key, ID, message, k, r, s.
const std::string kExampleKey = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";
const std::string kExampleK = "59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21";
const std::string kExampleR = "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3";
const std::string kExampleS = "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA";

}  // namespace

TEST_CASE("SM2 signing arithmetic: the published example signature for its secret number", "[archive][sign][sm2]") {
  const std::string key = unhex(kExampleKey);
  const std::string e = archive::sm2::message_digest(key, "1234567812345678", "message digest");
  const auto signature = archive::sm2::sign_with_nonce(key, e, unhex(kExampleK));
  REQUIRE(signature);
  CHECK(hex(signature->r) == kExampleR);
  CHECK(hex(signature->s) == kExampleS);
  // DER: SEQUENCE { INTEGER r, INTEGER s }, a 0x00 before a value whose top bit is set.
  CHECK(hex(archive::sm2::der(*signature)) == "3046022100" + kExampleR + "022100" + kExampleS);
}

TEST_CASE("SM2 signing: a secret number that must be rejected, a key out of range", "[archive][sign][sm2]") {
  const std::string key = unhex(kExampleKey);
  const std::string e = archive::sm2::message_digest(key, "1234567812345678", "message digest");
  CHECK_FALSE(archive::sm2::sign_with_nonce(key, e, std::string(32, '\0')));  // k = 0
  CHECK_FALSE(archive::sm2::sign_with_nonce(key, e, unhex(kSm2Order)));       // k = n
  std::string n_minus_1 = unhex(kSm2Order);
  n_minus_1.back() = static_cast<char>(n_minus_1.back() - 1);
  CHECK_THROWS_AS(archive::sm2::sign_with_nonce(n_minus_1, e, unhex(kExampleK)), std::runtime_error);  // 1 + d = n
  CHECK_THROWS_AS(archive::sm2::sign_with_nonce(std::string(32, '\0'), e, unhex(kExampleK)), std::runtime_error);
}

TEST_CASE("RFC 6979 nonce derivation: the RFC's example nonce for P-256 with SHA-256", "[archive][sign][sm2]") {
  // RFC 6979 A.2.5: the P-256 order q, the private key x, the message "sample".
  const std::string q = unhex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
  const std::string x = unhex("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721");
  archive::sm2::NonceStream nonces("SHA256", q, x, unhex(archive::digest_bytes("sample").sha256));
  CHECK(hex(nonces.next()) == "A6E3C57DD01ABE90086538398355DD4C3B17AA873382B0F24D6129493D8AAD60");
  archive::sm2::NonceStream test_nonces("SHA256", q, x, unhex(archive::digest_bytes("test").sha256));
  CHECK(hex(test_nonces.next()) == "D16B6AE827F17175E040871A1C7EC3500192C4C92677336EC2537ACAEE0008E0");
}

TEST_CASE("Deterministic SM2 signature: same key and message, same bytes", "[archive][sign][sm2]") {
  const std::string key = unhex(kExampleKey);
  const std::string a = archive::sm2::sign_deterministic(key, "1234567812345678", "message digest");
  CHECK(a == archive::sm2::sign_deterministic(key, "1234567812345678", "message digest"));
  CHECK(a != archive::sm2::sign_deterministic(key, "1234567812345678", "message digest."));
  CHECK(a != archive::sm2::sign_deterministic(key, "ALICE123@YAHOO.COM", "message digest"));
  std::string other = key;
  other.back() = static_cast<char>(other.back() ^ 1);
  CHECK(a != archive::sm2::sign_deterministic(other, "1234567812345678", "message digest"));
  // The SM3 nonce stream: each later candidate (a retry) differs from the first, in [1, n-1].
  const std::string e = archive::sm2::message_digest(key, "1234567812345678", "message digest");
  archive::sm2::NonceStream nonces("SM3", unhex(kSm2Order), key, e);
  const std::string k1 = nonces.next(), k2 = nonces.next();
  CHECK(k1.size() == 32);
  CHECK(k1 != k2);
  CHECK(hex(k1) < kSm2Order);
  // The signature made with the first candidate is the deterministic one.
  const auto with_k1 = archive::sm2::sign_with_nonce(key, e, k1);
  REQUIRE(with_k1);
  CHECK(archive::sm2::der(*with_k1) == a);
}

}  // namespace wenshu
