// multipart/form-data request bodies (RFC 7578, framed as in RFC 2046 section 5.1.1): the form
// fields and uploaded files of a POST, such as the evidence files (minh chứng) of a progress
// update. Pure parsing of a body already in memory; the server has limited its size
// (HttpServerOptions::max_upload_bytes).
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "web/http.h"

namespace nq::web {

// One part of the body: a form field, or a file when is_file.
struct FormPart {
  std::string name;          // the field name (Content-Disposition name=...)
  std::string file_name;     // without any directory part; empty when not a file
  bool is_file = false;      // a filename or filename* parameter was sent, even empty
                             // (browsers send filename="" for a file input left empty)
  std::string content_type;  // the part's Content-Type as sent, "" when absent
  std::string data;          // byte-exact
};

// Most parts a body may have, and most bytes in a part's header section (its header lines with
// their line ends).
inline constexpr size_t kMaxMultipartParts = 100;
inline constexpr size_t kMaxPartHeaderBytes = size_t{8} * 1024;

// True when a Content-Type header value names multipart/form-data, with any parameters (the
// media type before ';' compared case-insensitively).
bool IsMultipartFormData(std::string_view content_type);

// The boundary from a Content-Type header value: "multipart/form-data; boundary=----x", the
// boundary possibly quoted. The type and parameter names are case-insensitive. nullopt when the
// type is another one, there is no boundary, or it is not a valid RFC 2046 boundary (1 to 70
// characters of letters, digits, space and '()+_,-./:=?, not ending in a space).
std::optional<std::string> MultipartBoundary(std::string_view content_type);

// The parts of a request's multipart/form-data body: what the pages' forms with files and the
// API's uploads read. nullopt when the request's Content-Type is another type or absent
// (IsMultipartFormData), so that the caller can read the body otherwise or refuse it. Invalid "multipart.invalid" for multipart/form-data without a
// valid boundary parameter, and ParseMultipart's errors.
Result<std::optional<std::vector<FormPart>>> ReadMultipartForm(const HttpRequest& request);

// The parts of a body, in order. A body is an optional preamble, then
// "--boundary" [spaces] CRLF headers CRLF data, again after "CRLF--boundary" for each part, and
// finally "CRLF--boundary--" and an ignored epilogue. The CRLF before each boundary belongs to
// the delimiter, not to the data, which is kept byte for byte (binary safe).
//
// Headers: Content-Disposition must be "form-data" with a non-empty name; Content-Type is kept;
// others are ignored. File names come from `filename` (quoted or not; in a quoted value \" and
// \\ are escapes and any other backslash is kept, so that a Windows path arrives whole) or,
// preferred when present, from RFC 5987 `filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch.pdf`; either
// way only what follows the last '/' or '\\' is kept. Names are not checked further (see
// CheckEvidence in domain/evidence.h for files).
//
// Errors: Invalid "multipart.invalid" with a Vietnamese message, for an empty boundary, no
// first boundary, a boundary followed by anything but spaces and CRLF or "--", a header line
// without ':', a part without "Content-Disposition: form-data; name=...", a malformed
// parameter list or filename* (a charset other than UTF-8, a bad %-escape), a header section over
// kMaxPartHeaderBytes, more than kMaxMultipartParts parts, or no closing boundary (a truncated
// body).
Result<std::vector<FormPart>> ParseMultipart(std::string_view body, std::string_view boundary);

}  // namespace nq::web
