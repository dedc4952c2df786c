// SHA-256 + SM3 via OpenSSL 3 EVP (see digest.h).
#include "archive/digest.h"

#include <openssl/evp.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

#include <unistd.h>

#include "core/file_io.h"

namespace wenshu::archive {

struct DualHasher::Impl {
  EVP_MD_CTX* sha = nullptr;
  EVP_MD_CTX* sm3 = nullptr;
  std::uint64_t size = 0;
};

DualHasher::DualHasher() : impl_(std::make_unique<Impl>()) {
  impl_->sha = EVP_MD_CTX_new();
  impl_->sm3 = EVP_MD_CTX_new();
  if (!impl_->sha || !impl_->sm3 || EVP_DigestInit_ex(impl_->sha, EVP_sha256(), nullptr) != 1 ||
      EVP_DigestInit_ex(impl_->sm3, EVP_sm3(), nullptr) != 1) {
    EVP_MD_CTX_free(impl_->sha);
    EVP_MD_CTX_free(impl_->sm3);
    throw std::runtime_error("OpenSSL: SHA-256 or SM3 is not available");
  }
}

DualHasher::~DualHasher() {
  if (impl_) {
    EVP_MD_CTX_free(impl_->sha);
    EVP_MD_CTX_free(impl_->sm3);
  }
}

void DualHasher::update(std::string_view bytes) {
  if (bytes.empty()) return;
  EVP_DigestUpdate(impl_->sha, bytes.data(), bytes.size());
  EVP_DigestUpdate(impl_->sm3, bytes.data(), bytes.size());
  impl_->size += bytes.size();
}

static std::string hex(const unsigned char* p, unsigned n) {
  static const char* kHex = "0123456789abcdef";
  std::string s(n * 2, '0');
  for (unsigned i = 0; i < n; ++i) {
    s[2 * i] = kHex[p[i] >> 4];
    s[2 * i + 1] = kHex[p[i] & 15];
  }
  return s;
}

Digests DualHasher::finish() {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned n = 0;
  Digests d;
  EVP_DigestFinal_ex(impl_->sha, md, &n);
  d.sha256 = hex(md, n);
  EVP_DigestFinal_ex(impl_->sm3, md, &n);
  d.sm3 = hex(md, n);
  d.size = impl_->size;
  return d;
}

Digests digest_bytes(std::string_view bytes) {
  DualHasher h;
  h.update(bytes);
  return h.finish();
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned n = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), md, &n, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("OpenSSL: SHA-256 is not available");
  return hex(md, n);
}

Digests digest_file(const std::filesystem::path& path, std::uint64_t max_bytes) {
  core::InputFile in(path, max_bytes);
  DualHasher h;
  std::vector<char> buf(std::size_t(1) << 20);
  std::uint64_t total = 0;
  for (;;) {
    const ssize_t n = ::read(in.fd(), buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(path.string() + ": 读取失败 / read error: " + std::strerror(errno));
    }
    if (n == 0) break;
    total += static_cast<std::uint64_t>(n);
    if (total > max_bytes) throw std::runtime_error(path.string() + ": 文件在读取时变大 / the file grew past the limit");
    h.update(std::string_view(buf.data(), static_cast<std::size_t>(n)));
  }
  return h.finish();
}

}  // namespace wenshu::archive
