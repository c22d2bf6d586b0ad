// Base64 (RFC 4648 section 4): the standard alphabet A-Z a-z 0-9 + /, with '=' padding.
//
// Used where bytes travel inside text (evidence files in JSON, data: URLs). Encoding writes no
// line breaks. Decoding is strict, so that one byte string has exactly one accepted text:
// the length must be a multiple of 4, '=' may only end the text (at most two), no whitespace or
// line breaks, no characters outside the alphabet (neither the URL-safe '-' and '_'), and the
// unused bits before the padding must be zero ("Zh==" is rejected, "Zg==" gives "f").
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nq {

// "foobar" -> "Zm9vYmFy"; "f" -> "Zg=="; "" -> "".
std::string Base64Encode(std::string_view bytes);

// The bytes the text encodes; nullopt when the text breaks any rule above. "" -> "".
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace nq
