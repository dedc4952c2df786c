// Deterministic SM2 signatures (see sm2_deterministic.h; docs/archive-signature.md).
#include "archive/sm2_deterministic.h"

#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>

#include <memory>
#include <stdexcept>

namespace wenshu::archive::sm2 {

namespace {

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error("OpenSSL: " + what + " failed"); }

struct BnFree {
  void operator()(BIGNUM* b) const { BN_clear_free(b); }
};
struct BnCtxFree {
  void operator()(BN_CTX* c) const { BN_CTX_free(c); }
};
struct GroupFree {
  void operator()(EC_GROUP* g) const { EC_GROUP_free(g); }
};
struct PointFree {
  void operator()(EC_POINT* p) const { EC_POINT_clear_free(p); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;
using Point = std::unique_ptr<EC_POINT, PointFree>;

const unsigned char* data_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

Bn bn() {
  Bn b(BN_new());
  if (!b) fail("BN_new");
  return b;
}

Bn bn_from(std::string_view bytes) {
  Bn b(BN_bin2bn(data_of(bytes), static_cast<int>(bytes.size()), nullptr));
  if (!b) fail("BN_bin2bn");
  return b;
}

/// A secret number (private key, k): OpenSSL then takes its constant-time paths where it has them.
Bn secret(std::string_view bytes) {
  Bn b = bn_from(bytes);
  BN_set_flags(b.get(), BN_FLG_CONSTTIME);
  return b;
}

Bn copy(const BIGNUM* b) {
  Bn c(BN_dup(b));
  if (!c) fail("BN_dup");
  return c;
}

/// `b` as exactly `len` big-endian bytes.
std::string bytes_of(const BIGNUM* b, int len) {
  std::string s(static_cast<std::size_t>(len), '\0');
  if (BN_bn2binpad(b, reinterpret_cast<unsigned char*>(s.data()), len) != len) fail("BN_bn2binpad");
  return s;
}

std::string sm3(std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out, &len, EVP_sm3(), nullptr) != 1) fail("SM3");
  return std::string(reinterpret_cast<const char*>(out), len);
}

/// The SM2 curve of GB/T 32918.5-2016 (OpenSSL's NID_sm2) and a BN_CTX for one computation.
struct Curve {
  std::unique_ptr<BN_CTX, BnCtxFree> ctx{BN_CTX_secure_new()};
  std::unique_ptr<EC_GROUP, GroupFree> group{EC_GROUP_new_by_curve_name(NID_sm2)};
  const BIGNUM* n = nullptr;  // the order of G

  Curve() {
    if (!ctx || !group) fail("the SM2 curve");
    n = EC_GROUP_get0_order(group.get());
  }
  int field_bytes() const { return (EC_GROUP_get_degree(group.get()) + 7) / 8; }
  /// [k]G.
  Point times_g(const BIGNUM* k) const {
    Point p(EC_POINT_new(group.get()));
    if (!p || EC_POINT_mul(group.get(), p.get(), k, nullptr, nullptr, ctx.get()) != 1) fail("EC_POINT_mul");
    return p;
  }
  /// The affine coordinates of `p`, each as field_bytes() big-endian bytes.
  std::pair<std::string, std::string> affine(const EC_POINT* p) const {
    Bn x = bn(), y = bn();
    if (EC_POINT_get_affine_coordinates(group.get(), p, x.get(), y.get(), ctx.get()) != 1) fail("EC_POINT_get_affine_coordinates");
    return {bytes_of(x.get(), field_bytes()), bytes_of(y.get(), field_bytes())};
  }
};

/// RFC 6979 §2.3.2 bits2int: the leftmost `qbits` bits of `bytes` as a number.
Bn bits2int(std::string_view bytes, int qbits) {
  Bn v = bn_from(bytes);
  const int blen = static_cast<int>(bytes.size() * 8);
  if (blen > qbits && BN_rshift(v.get(), v.get(), blen - qbits) != 1) fail("BN_rshift");
  return v;
}

}  // namespace

// RFC 6979 §3.2 steps b-g: V = 0x01…, K = 0x00…, then two rounds of
// K = HMAC_K(V || 0x00|0x01 || int2octets(x) || bits2octets(h1)), V = HMAC_K(V).
NonceStream::NonceStream(std::string hmac_digest, std::string_view q, std::string_view x, std::string_view h1)
    : digest_(std::move(hmac_digest)) {
  while (!q.empty() && q.front() == '\0') q.remove_prefix(1);
  q_ = std::string(q);
  const Bn qn = bn_from(q_);
  qbits_ = BN_num_bits(qn.get());
  const int rlen = static_cast<int>(q_.size());
  std::string x_octets = bytes_of(secret(x).get(), rlen);  // int2octets(x)
  Bn z = bits2int(h1, qbits_);                               // bits2octets(h1): bits2int(h1) mod q
  if (BN_cmp(z.get(), qn.get()) >= 0 && BN_sub(z.get(), z.get(), qn.get()) != 1) fail("BN_sub");
  const std::string h_octets = bytes_of(z.get(), rlen);
  EVP_MD* md = EVP_MD_fetch(nullptr, digest_.c_str(), nullptr);
  const int hlen = md ? EVP_MD_get_size(md) : 0;
  EVP_MD_free(md);
  if (hlen <= 0) fail("the digest " + digest_);
  value_.assign(static_cast<std::size_t>(hlen), '\x01');
  key_.assign(static_cast<std::size_t>(hlen), '\0');
  for (const char round : {'\0', '\x01'}) {
    key_ = hmac(value_ + round + x_octets + h_octets);
    value_ = hmac(value_);
  }
  OPENSSL_cleanse(x_octets.data(), x_octets.size());
}

NonceStream::~NonceStream() {
  OPENSSL_cleanse(key_.data(), key_.size());
  OPENSSL_cleanse(value_.data(), value_.size());
}

std::string NonceStream::hmac(std::string_view data) const {
  unsigned char out[EVP_MAX_MD_SIZE];
  std::size_t len = 0;
  if (!EVP_Q_mac(nullptr, "HMAC", nullptr, digest_.c_str(), nullptr, key_.data(), key_.size(), data_of(data), data.size(), out,
                 sizeof out, &len))
    fail("HMAC-" + digest_);
  std::string r(reinterpret_cast<const char*>(out), len);
  OPENSSL_cleanse(out, sizeof out);
  return r;
}

// RFC 6979 §3.2 step h: T = V1 || V2 || … (V = HMAC_K(V)) until T has qlen bits; k = bits2int(T)
// when 1 <= k <= q-1; otherwise, and before every later candidate, K = HMAC_K(V || 0x00),
// V = HMAC_K(V).
std::string NonceStream::next() {
  const Bn qn = bn_from(q_);
  for (bool fresh = !started_;; fresh = false) {
    if (!fresh) {
      key_ = hmac(value_ + '\0');
      value_ = hmac(value_);
    }
    started_ = true;
    std::string t;
    while (static_cast<int>(t.size() * 8) < qbits_) {
      value_ = hmac(value_);
      t += value_;
    }
    const Bn k = bits2int(t, qbits_);
    OPENSSL_cleanse(t.data(), t.size());
    if (!BN_is_zero(k.get()) && BN_cmp(k.get(), qn.get()) < 0) return bytes_of(k.get(), static_cast<int>(q_.size()));
  }
}

std::string message_digest(std::string_view private_key, std::string_view id, std::string_view message) {
  if (id.size() > 0x1fff) throw std::runtime_error("SM2: the distinguishing ID is longer than 8191 bytes");
  const Curve c;
  const int len = c.field_bytes();
  Bn p = bn(), a = bn(), b = bn();
  if (EC_GROUP_get_curve(c.group.get(), p.get(), a.get(), b.get(), c.ctx.get()) != 1) fail("EC_GROUP_get_curve");
  const auto [xg, yg] = c.affine(EC_GROUP_get0_generator(c.group.get()));
  const auto [xa, ya] = c.affine(c.times_g(secret(private_key).get()).get());  // the public key [d]G
  // Z_A = SM3(ENTL_A || ID_A || a || b || x_G || y_G || x_A || y_A), ENTL_A the ID's length in bits.
  const std::size_t entl = id.size() * 8;
  std::string z{static_cast<char>(entl >> 8), static_cast<char>(entl & 0xff)};
  z += id;
  z += bytes_of(a.get(), len) + bytes_of(b.get(), len) + xg + yg + xa + ya;
  return sm3(sm3(z) + std::string(message));
}

// GB/T 32918.2-2016 §6.1 A3-A7: (x1, y1) = [k]G, r = (e + x1) mod n, s = ((1 + d)^-1 · (k − r·d)) mod n.
std::optional<Signature> sign_with_nonce(std::string_view private_key, std::string_view e_bytes, std::string_view k_bytes) {
  const Curve c;
  const Bn d = secret(private_key), e = bn_from(e_bytes), k = secret(k_bytes);
  Bn n_minus_1 = copy(c.n);
  if (BN_sub_word(n_minus_1.get(), 1) != 1) fail("BN_sub_word");
  if (BN_is_zero(d.get()) || BN_cmp(d.get(), n_minus_1.get()) >= 0)
    throw std::runtime_error("SM2: the private key is not in [1, n-2]");
  if (BN_is_zero(k.get()) || BN_cmp(k.get(), c.n) >= 0) return std::nullopt;
  Bn x1 = bn_from(c.affine(c.times_g(k.get()).get()).first);
  Bn r = bn(), r_plus_k = bn();
  if (BN_mod_add(r.get(), e.get(), x1.get(), c.n, c.ctx.get()) != 1 || BN_add(r_plus_k.get(), r.get(), k.get()) != 1)
    fail("BN_mod_add");
  if (BN_is_zero(r.get()) || BN_cmp(r_plus_k.get(), c.n) == 0) return std::nullopt;
  // (1 + d)^-1 by Fermat's little theorem (n is prime), (1 + d)^(n-2) mod n, in constant time.
  Bn d_plus_1 = copy(d.get()), n_minus_2 = copy(n_minus_1.get()), inverse = bn(), rd = bn(), k_minus_rd = bn(), s = bn();
  BN_set_flags(d_plus_1.get(), BN_FLG_CONSTTIME);
  if (BN_add_word(d_plus_1.get(), 1) != 1 || BN_sub_word(n_minus_2.get(), 1) != 1 ||
      BN_mod_exp_mont_consttime(inverse.get(), d_plus_1.get(), n_minus_2.get(), c.n, c.ctx.get(), nullptr) != 1 ||
      BN_mod_mul(rd.get(), r.get(), d.get(), c.n, c.ctx.get()) != 1 ||
      BN_mod_sub(k_minus_rd.get(), k.get(), rd.get(), c.n, c.ctx.get()) != 1 ||
      BN_mod_mul(s.get(), inverse.get(), k_minus_rd.get(), c.n, c.ctx.get()) != 1)
    fail("the SM2 signing arithmetic");
  if (BN_is_zero(s.get())) return std::nullopt;
  const int len = BN_num_bytes(c.n);
  return Signature{bytes_of(r.get(), len), bytes_of(s.get(), len)};
}

std::string der(const Signature& signature) {
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(data_of(signature.r), static_cast<int>(signature.r.size()), nullptr);
  BIGNUM* s = BN_bin2bn(data_of(signature.s), static_cast<int>(signature.s.size()), nullptr);
  if (!sig || !r || !s || ECDSA_SIG_set0(sig, r, s) != 1) {
    ECDSA_SIG_free(sig);
    BN_free(r);
    BN_free(s);
    fail("ECDSA_SIG_set0");
  }
  unsigned char* out = nullptr;
  const int len = i2d_ECDSA_SIG(sig, &out);  // r and s now belong to sig
  ECDSA_SIG_free(sig);
  if (len <= 0) fail("i2d_ECDSA_SIG");
  std::string bytes(reinterpret_cast<const char*>(out), static_cast<std::size_t>(len));
  OPENSSL_free(out);
  return bytes;
}

std::string sign_deterministic(std::string_view private_key, std::string_view id, std::string_view message) {
  const std::string e = message_digest(private_key, id, message);
  std::string order;
  {
    const Curve c;
    order = bytes_of(c.n, BN_num_bytes(c.n));
  }
  NonceStream nonces("SM3", order, private_key, e);
  // A candidate is rejected with probability about 2^-254; the bound only guards against a loop.
  for (int attempt = 0; attempt < 16; ++attempt) {
    std::string k = nonces.next();
    const auto signature = sign_with_nonce(private_key, e, k);
    OPENSSL_cleanse(k.data(), k.size());
    if (signature) return der(*signature);
  }
  throw std::runtime_error("SM2: no usable secret number");
}

}  // namespace wenshu::archive::sm2
