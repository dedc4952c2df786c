// Base64 (RFC 2045 / RFC 4648 alphabet) through OpenSSL, for the SM2 signature file and the EEP's
// 编码数据 (DA/T 48-2009: the encapsulated file as Base64 per RFC 2045).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace wenshu::archive {

/// Base64 of `bytes`; with `line` > 0, a line feed after every `line` characters (RFC 2045 lines
/// are at most 76 characters).
std::string base64_encode(std::string_view bytes, std::size_t line = 0);
/// Decodes Base64, ignoring white space; nullopt for anything that is not Base64.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace wenshu::archive
