// SM2 signatures of the dossier's tag manifests (see sign.h; docs/archive-signature.md).
#include "archive/sign.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstring>
#include <stdexcept>

#include "archive/base64.h"
#include "archive/digest.h"
#include "archive/sm2_deterministic.h"
#include "core/file_io.h"

namespace wenshu::archive {

namespace {

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
  void operator()(X509* p) const { X509_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr read_cert(std::string_view pem) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509Ptr cert(bio ? PEM_read_bio_X509(bio, nullptr, nullptr, nullptr) : nullptr);
  BIO_free(bio);
  return cert;
}

/// An SM2 key: OpenSSL 3 gives keys on the SM2 curve the SM2 type (signing then uses the SM2
/// scheme with the distinguishing ID, not ECDSA).
bool is_sm2(EVP_PKEY* key) { return key && EVP_PKEY_is_a(key, "SM2"); }

std::string subject_of(X509* cert) {
  BIO* bio = BIO_new(BIO_s_mem());
  X509_NAME_print_ex(bio, X509_get_subject_name(cert), 0, (XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) | ASN1_STRFLGS_UTF8_CONVERT);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  std::string s(data ? data : "", static_cast<std::size_t>(n > 0 ? n : 0));
  BIO_free(bio);
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string cert_fingerprint(X509* cert) {
  unsigned char* der = nullptr;
  const int n = i2d_X509(cert, &der);
  if (n <= 0) return {};
  std::string fp = digest_bytes(std::string_view(reinterpret_cast<const char*>(der), static_cast<std::size_t>(n))).sha256;
  OPENSSL_free(der);
  return fp;
}

/// Verifies the SM2-with-SM3 `signature` (DER) of `data` with `key`'s public key and the
/// distinguishing ID, through OpenSSL's own SM2 verifier.
bool sm2_verify(EVP_PKEY* key, std::string_view data, std::string_view signature) {
  EVP_MD_CTX* md = EVP_MD_CTX_new();
  EVP_PKEY_CTX* pctx = EVP_PKEY_CTX_new(key, nullptr);
  bool ok = md && pctx && EVP_PKEY_CTX_set1_id(pctx, kSm2DistinguishingId, std::strlen(kSm2DistinguishingId)) > 0;
  if (ok) EVP_MD_CTX_set_pkey_ctx(md, pctx);
  ok = ok && EVP_DigestVerifyInit(md, nullptr, EVP_sm3(), nullptr, key) == 1 &&
       EVP_DigestVerify(md, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                        reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
  EVP_MD_CTX_free(md);
  EVP_PKEY_CTX_free(pctx);
  return ok;
}

/// The deterministic SM2-with-SM3 signature of `data` (sm2_deterministic.h): the same key and
/// statement give the same bytes, so a signed dossier is rebuilt byte for byte. OpenSSL's own
/// signing picks a random secret number and cannot be made to take a derived one.
std::string sm2_sign(EVP_PKEY* key, std::string_view data) {
  BIGNUM* d = nullptr;
  if (EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_PRIV_KEY, &d) != 1 || BN_num_bytes(d) > 32) {
    BN_clear_free(d);
    throw std::runtime_error("OpenSSL: cannot read the SM2 private key");
  }
  std::string private_key(32, '\0');
  BN_bn2binpad(d, reinterpret_cast<unsigned char*>(private_key.data()), 32);
  BN_clear_free(d);
  std::string signature;
  try {
    signature = sm2::sign_deterministic(private_key, kSm2DistinguishingId, data);
  } catch (...) {
    OPENSSL_cleanse(private_key.data(), private_key.size());
    throw;
  }
  OPENSSL_cleanse(private_key.data(), private_key.size());
  // Our own signing must never file a signature that the standard verifier would refuse.
  if (!sm2_verify(key, data, signature)) throw std::runtime_error("SM2: the signature does not verify with the key");
  return signature;
}

}  // namespace

struct Signer::Impl {
  PkeyPtr key;
};

Signer::~Signer() = default;

std::unique_ptr<Signer> Signer::load(const std::filesystem::path& key_path, const std::filesystem::path& cert_path,
                                     std::string& error) {
  std::string key_pem, cert_pem;
  try {
    key_pem = core::read_file(key_path, 1 << 20);
    cert_pem = core::read_file(cert_path, 1 << 20);
  } catch (const std::exception& e) {
    error = e.what();
    return nullptr;
  }
  BIO* bio = BIO_new_mem_buf(key_pem.data(), static_cast<int>(key_pem.size()));
  PkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr) : nullptr);
  BIO_free(bio);
  if (!key) {
    error = key_path.string() + ": 不是 PEM 私钥（或有口令）/ not a PEM private key (or it is encrypted)";
    return nullptr;
  }
  if (!is_sm2(key.get())) {
    error = key_path.string() + ": 不是 SM2 私钥 / not an SM2 key (" + EVP_PKEY_get0_type_name(key.get()) + ")";
    return nullptr;
  }
  const X509Ptr cert = read_cert(cert_pem);
  if (!cert) {
    error = cert_path.string() + ": 不是 PEM 证书 / not a PEM X.509 certificate";
    return nullptr;
  }
  if (EVP_PKEY_eq(key.get(), X509_get0_pubkey(cert.get())) != 1) {
    error = cert_path.string() + ": 证书与私钥不匹配 / the certificate is not the key's (its public key differs)";
    return nullptr;
  }
  std::unique_ptr<Signer> s(new Signer());
  s->impl_ = std::make_unique<Impl>();
  s->impl_->key = std::move(key);
  s->subject_ = subject_of(cert.get());
  BIO* out = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(out, cert.get());
  char* data = nullptr;
  const long n = BIO_get_mem_data(out, &data);
  s->cert_pem_.assign(data ? data : "", static_cast<std::size_t>(n > 0 ? n : 0));
  BIO_free(out);
  return s;
}

namespace {

/// The signed statement: every line up to and including the last `covers:` line.
std::string statement(const std::string& signer, const std::string& date,
                      const std::vector<std::pair<std::string, std::string>>& covered_sm3) {
  std::string s = "wenshu-signature: 1\nalgorithm: SM2-with-SM3\n";
  s += std::string("distinguishing-id: ") + kSm2DistinguishingId + "\n";
  s += "signing-date: " + date + "\nsigner: " + signer + "\n";
  for (const auto& [name, sm3] : covered_sm3) s += "covers: " + name + " sm3 " + sm3 + "\n";
  return s;
}

}  // namespace

std::string Signer::sign(const std::vector<std::pair<std::string, std::string>>& covered, const std::string& date) const {
  std::vector<std::pair<std::string, std::string>> digests;
  for (const auto& [name, bytes] : covered) digests.emplace_back(name, digest_bytes(bytes).sm3);
  const std::string text = statement(subject_, date, digests);
  const std::string sig = sm2_sign(impl_->key.get(), text);
  return text + "signature: " + base64_encode(sig) + "\n" + cert_pem_;
}

SignatureCheck check_signature(std::string_view file, const std::function<std::optional<std::string>(const std::string&)>& read_tag,
                               const std::vector<std::string>& trusted) {
  SignatureCheck r;
  auto fail = [&](std::string why) {
    r.problem = std::move(why);
    return r;
  };
  const std::size_t sig_at = file.find("\nsignature: ");
  if (file.size() > (64 << 10) || sig_at == std::string_view::npos) return fail("签名文件格式不对 / the signature file is malformed");
  const std::string text(file.substr(0, sig_at + 1));
  const std::size_t sig_end = file.find('\n', sig_at + 1);
  const auto sig = base64_decode(file.substr(sig_at + 12, sig_end == std::string_view::npos ? 0 : sig_end - sig_at - 12));
  const X509Ptr cert = sig_end == std::string_view::npos ? nullptr : read_cert(file.substr(sig_end + 1));
  if (!sig || !cert) return fail("签名文件缺少签名值或证书 / the signature file lacks a readable signature or certificate");
  r.signer = subject_of(cert.get());
  r.cert_sha256 = cert_fingerprint(cert.get());
  // The statement, line by line.
  std::vector<std::pair<std::string, std::string>> covers;
  std::string version, algorithm, id, signer;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t nl = text.find('\n', at);
    const std::string line = text.substr(at, nl - at);
    at = nl + 1;
    const std::size_t colon = line.find(": ");
    if (colon == std::string::npos) return fail("签名文件格式不对 / the signature file is malformed");
    const std::string key = line.substr(0, colon), value = line.substr(colon + 2);
    if (key == "wenshu-signature") version = value;
    else if (key == "algorithm") algorithm = value;
    else if (key == "distinguishing-id") id = value;
    else if (key == "signing-date") r.date = value;
    else if (key == "signer") signer = value;
    else if (key == "covers") {
      const std::size_t sp = value.find(" sm3 ");
      if (sp == std::string::npos) return fail("签名文件格式不对 / the signature file is malformed");
      covers.emplace_back(value.substr(0, sp), value.substr(sp + 5));
    }
  }
  if (version != "1" || algorithm != "SM2-with-SM3" || id != kSm2DistinguishingId)
    return fail("签名文件的版本或算法不受支持 / unsupported signature version or algorithm");
  EVP_PKEY* key = X509_get0_pubkey(cert.get());
  if (!is_sm2(key) || !sm2_verify(key, text, *sig))
    return fail("签名无法用所附证书验证（签名内容或证书被改动）/ the signature does not verify with the certificate it carries "
                "(statement or certificate changed)");
  if (signer != r.signer) return fail("签名声明的签名者与证书不符 / the statement names another signer than the certificate");
  std::size_t i = 0;
  for (const char* name : kSignedTagFiles) {
    if (i >= covers.size() || covers[i].first != name)
      return fail(std::string("签名未覆盖 ") + name + " / the signature does not cover " + name);
    const auto bytes = read_tag(name);
    if (!bytes) return fail(std::string(name) + " 缺失 / is missing");
    if (digest_bytes(*bytes).sm3 != covers[i].second)
      return fail(std::string(name) + " 在签名后被改动 / was changed after signing (SM3 differs)");
    ++i;
  }
  if (!trusted.empty()) {
    bool known = false;
    for (const auto& pem : trusted) {
      const X509Ptr t = read_cert(pem);
      known |= t && X509_cmp(t.get(), cert.get()) == 0;
    }
    if (!known) return fail("签名者证书不在受信列表中 / the signer's certificate is not one of the trusted certificates: " + r.signer);
  }
  r.valid = true;
  return r;
}

}  // namespace wenshu::archive
