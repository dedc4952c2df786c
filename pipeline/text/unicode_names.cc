// Name normalisation with ICU (see unicode_names.h): NFC and Unicode default case folding, for
// the docs/archive.md §12.6 rule "names unique after NFC and case folding".
#include "text/unicode_names.h"

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <string>

namespace wenshu::text {

namespace {

/// UTF-8 → UTF-16; false on invalid UTF-8.
bool to_utf16(const std::string& in, std::u16string& out) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t len = 0;
  u_strFromUTF8(nullptr, 0, &len, in.data(), static_cast<int32_t>(in.size()), &st);
  if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st)) return false;
  out.resize(static_cast<std::size_t>(len));
  st = U_ZERO_ERROR;
  u_strFromUTF8(out.data(), len, nullptr, in.data(), static_cast<int32_t>(in.size()), &st);
  return U_SUCCESS(st);
}

std::string to_utf8(const std::u16string& in) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t len = 0;
  u_strToUTF8(nullptr, 0, &len, in.data(), static_cast<int32_t>(in.size()), &st);
  std::string out(static_cast<std::size_t>(len), '\0');
  st = U_ZERO_ERROR;
  u_strToUTF8(out.data(), len, nullptr, in.data(), static_cast<int32_t>(in.size()), &st);
  return U_SUCCESS(st) ? out : std::string();
}

bool nfc(const std::u16string& in, std::u16string& out) {
  UErrorCode st = U_ZERO_ERROR;
  const UNormalizer2* n = unorm2_getNFCInstance(&st);
  if (U_FAILURE(st)) return false;
  out.resize(in.size() * 3 + 16);  // NFC can grow a string, by at most 3× (UAX #15 §9)
  const int32_t len = unorm2_normalize(n, in.data(), static_cast<int32_t>(in.size()), out.data(),
                                       static_cast<int32_t>(out.size()), &st);
  if (U_FAILURE(st)) return false;
  out.resize(static_cast<std::size_t>(len));
  return true;
}

bool case_fold(const std::u16string& in, std::u16string& out) {
  UErrorCode st = U_ZERO_ERROR;
  out.resize(in.size() * 3 + 16);  // full case folding expands a code unit to at most 3
  const int32_t len = u_strFoldCase(out.data(), static_cast<int32_t>(out.size()), in.data(),
                                    static_cast<int32_t>(in.size()), U_FOLD_CASE_DEFAULT, &st);
  if (U_FAILURE(st)) return false;
  out.resize(static_cast<std::size_t>(len));
  return true;
}

/// The pre-ICU key: ASCII letters folded, other bytes kept (for invalid UTF-8 only, which
/// safe_entry_name refuses anyway).
std::string ascii_fold(const std::string& name) {
  std::string out = name;
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

std::string fold_name(const std::string& name) {
  // ASCII (every name we write but four): NFC is the identity and folding is tolower.
  if (std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return ascii_fold(name);
  std::u16string u, a, b;
  // NFC, fold, NFC again: folding can leave a string that is no longer NFC (e.g. U+0345).
  if (!to_utf16(name, u) || !nfc(u, a) || !case_fold(a, b) || !nfc(b, a)) return ascii_fold(name);
  return to_utf8(a);
}

bool is_nfc(const std::string& name) {
  std::u16string u;
  if (!to_utf16(name, u)) return false;
  UErrorCode st = U_ZERO_ERROR;
  const UNormalizer2* n = unorm2_getNFCInstance(&st);
  if (U_FAILURE(st)) return false;
  const UBool yes = unorm2_isNormalized(n, u.data(), static_cast<int32_t>(u.size()), &st);
  return U_SUCCESS(st) && yes;
}

}  // namespace wenshu::text
