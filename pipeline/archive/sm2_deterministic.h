// Deterministic SM2 signatures (docs/archive-signature.md, "Deterministic signatures"): the
// SM2 signing of GB/T 32918.2-2016 §6.1 with its secret number k derived from the private key
// and the message digest in the manner of RFC 6979 §3.2 (HMAC-DRBG), with SM3 as the hash. The
// same key and the same message give the same signature bytes, so a signed dossier is rebuilt
// byte for byte; the signature is an ordinary SM2 signature that every SM2 verifier accepts.
// Numbers cross this interface as big-endian bytes; OpenSSL types stay in the .cc.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace wenshu::archive::sm2 {

/// The candidates for k of RFC 6979 §3.2 steps b-h: HMAC with `hmac_digest` (an OpenSSL digest
/// name: "SM3", "SHA256"), the group order `q`, the private key `x` and the message hash `h1`.
/// next() gives the first candidate in [1, q-1] and, each later call, the next one (the RFC's
/// continuation when a signature must be retried). Throws std::runtime_error if OpenSSL fails.
class NonceStream {
 public:
  NonceStream(std::string hmac_digest, std::string_view q, std::string_view x, std::string_view h1);
  ~NonceStream();
  NonceStream(const NonceStream&) = delete;
  NonceStream& operator=(const NonceStream&) = delete;
  /// The next candidate k, big-endian, as many bytes as q.
  std::string next();

 private:
  std::string hmac(std::string_view data) const;
  std::string digest_;
  std::string q_;  // q with leading zero bytes removed
  int qbits_ = 0;   // qlen: the bit length of q
  std::string key_, value_;  // the DRBG's K and V
  bool started_ = false;
};

/// r and s of an SM2 signature, 32 bytes big-endian each.
struct Signature {
  std::string r, s;
};

/// e = SM3(Z_A || M) (GB/T 32918.2-2016 §6.1 A1-A2), with Z_A = SM3(ENTL || ID || a || b || x_G ||
/// y_G || x_A || y_A) (§5.5) for the public key of the 32-byte `private_key` on the SM2 curve.
std::string message_digest(std::string_view private_key, std::string_view id, std::string_view message);

/// The signature of digest `e` with secret number `k` (§6.1 A3-A7), or nullopt when this k must be
/// rejected (k outside [1, n-1], r = 0, r + k = n, s = 0). Throws std::runtime_error if the key
/// is not in [1, n-2] or OpenSSL fails.
std::optional<Signature> sign_with_nonce(std::string_view private_key, std::string_view e, std::string_view k);

/// The DER SEQUENCE { INTEGER r, INTEGER s } that SM2 verifiers read (GM/T 0009-2012 §7.3).
std::string der(const Signature& signature);

/// The deterministic SM2-with-SM3 signature (DER) of `message` by the 32-byte `private_key` with
/// distinguishing ID `id`: k from NonceStream("SM3", n, private_key, e).
std::string sign_deterministic(std::string_view private_key, std::string_view id, std::string_view message);

}  // namespace wenshu::archive::sm2
