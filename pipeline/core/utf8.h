// Minimal UTF-8 handling for stages that must not pull in ICU (rules, archive, core).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace wenshu::core {

/// Decodes UTF-8 into code points. Invalid sequences become U+FFFD (one per bad byte).
std::u32string utf8_decode(std::string_view s);
/// Encodes code points as UTF-8 (surrogates and values above U+10FFFF become U+FFFD).
std::string utf8_encode(std::u32string_view s);
void utf8_append(std::string& out, char32_t cp);
/// True if `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool utf8_valid(std::string_view s);
/// Number of code points.
std::size_t utf8_length(std::string_view s);
/// True for CJK unified ideographs (URO, Ext A–H, compatibility ideographs).
bool is_han(char32_t cp);

}  // namespace wenshu::core
