// Base64 through OpenSSL's EVP_EncodeBlock/EVP_DecodeBlock (see base64.h).
#include "archive/base64.h"

#include <openssl/evp.h>

namespace wenshu::archive {

std::string base64_encode(std::string_view bytes, std::size_t line) {
  std::string raw(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(raw.data()), reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  raw.resize(static_cast<std::size_t>(n));
  if (line == 0) return raw;
  std::string out;
  out.reserve(raw.size() + raw.size() / line + 1);
  for (std::size_t i = 0; i < raw.size(); i += line) {
    if (i > 0) out += '\n';
    out.append(raw, i, line);
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  for (char c : text)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') clean.push_back(c);
  if (clean.size() % 4 != 0) return std::nullopt;
  if (clean.empty()) return std::string();
  std::string out(clean.size() / 4 * 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(clean.data()),
                                static_cast<int>(clean.size()));
  if (n < 0) return std::nullopt;
  std::size_t len = static_cast<std::size_t>(n);
  // EVP_DecodeBlock counts the bytes the padding stands for; drop them.
  for (std::size_t i = clean.size(); i > 0 && clean[i - 1] == '=' && len > 0; --i) --len;
  out.resize(len);
  return out;
}

}  // namespace wenshu::archive
