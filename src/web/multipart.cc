#include "web/multipart.h"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <utility>

#include "common/utf8.h"
#include "web/http.h"

namespace nq::web {
namespace {

Status Malformed(const std::string& what) {
  return Status::Invalid("multipart.invalid",
                         "Dữ liệu tải lên (multipart/form-data) không hợp lệ: " + what);
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// A header value such as `form-data; name="a"; filename=x.pdf`: the leading token in lower
// case and the parameters, names in lower case, values unquoted.
struct HeaderValue {
  std::string type;
  std::vector<std::pair<std::string, std::string>> params;

  const std::string* Param(std::string_view name) const {
    for (const auto& [n, v] : params) {
      if (n == name) return &v;
    }
    return nullptr;
  }
};

// Reads a quoted string starting after its opening quote at *i; leaves *i after the closing
// quote. Only \" and \\ are escapes; another backslash is kept (Windows paths sent unescaped).
std::optional<std::string> ReadQuoted(std::string_view s, size_t* i) {
  std::string out;
  while (*i < s.size()) {
    const char c = s[(*i)++];
    if (c == '"') return out;
    if (c == '\\' && *i < s.size() && (s[*i] == '"' || s[*i] == '\\')) {
      out.push_back(s[(*i)++]);
    } else {
      out.push_back(c);
    }
  }
  return std::nullopt;  // no closing quote
}

std::optional<HeaderValue> ParseHeaderValue(std::string_view s) {
  HeaderValue out;
  size_t i = std::min(s.find(';'), s.size());
  out.type = AsciiLowerCopy(Trim(s.substr(0, i)));
  while (i < s.size()) {
    ++i;  // the ';'
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i == s.size()) break;  // a trailing ';'
    const size_t eq = s.find('=', i);
    if (eq == std::string_view::npos) return std::nullopt;
    const std::string_view name = Trim(s.substr(i, eq - i));
    if (name.empty() || name.find_first_of(" \t;\"") != std::string_view::npos) {
      return std::nullopt;
    }
    i = eq + 1;
    while (i < s.size() && IsSpace(s[i])) ++i;
    std::string value;
    if (i < s.size() && s[i] == '"') {
      ++i;
      std::optional<std::string> quoted = ReadQuoted(s, &i);
      if (!quoted) return std::nullopt;
      value = std::move(*quoted);
      while (i < s.size() && IsSpace(s[i])) ++i;
      if (i < s.size() && s[i] != ';') return std::nullopt;
    } else {
      const size_t end = std::min(s.find(';', i), s.size());
      value = std::string(Trim(s.substr(i, end - i)));
      i = end;
    }
    out.params.emplace_back(AsciiLowerCopy(name), std::move(value));
  }
  return out;
}

bool IsBoundaryChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// RFC 5987 ext-value: charset'language'percent-encoded; only UTF-8 is taken.
std::optional<std::string> DecodeExtValue(std::string_view v) {
  const size_t q1 = v.find('\'');
  const size_t q2 = q1 == std::string_view::npos ? q1 : v.find('\'', q1 + 1);
  if (q2 == std::string_view::npos || AsciiLowerCopy(v.substr(0, q1)) != "utf-8") return std::nullopt;
  std::string out;
  if (!PercentDecode(v.substr(q2 + 1), false, &out)) return std::nullopt;
  return out;
}

// Fills name, file name and content type of `part` from its header section (lines ending in
// CRLF, without the blank line).
Status ParsePartHeaders(std::string_view headers, FormPart* part) {
  std::optional<HeaderValue> disposition;
  while (!headers.empty()) {
    const size_t eol = headers.find("\r\n");
    const std::string_view line = headers.substr(0, eol);
    headers.remove_prefix(eol == std::string_view::npos ? headers.size() : eol + 2);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 ||
        line.substr(0, colon).find_first_of(" \t") != std::string_view::npos) {
      return Malformed("dòng tiêu đề không đúng dạng");
    }
    const std::string name = AsciiLowerCopy(line.substr(0, colon));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (name == "content-disposition" && !disposition) {
      disposition = ParseHeaderValue(value);
      if (!disposition) return Malformed("Content-Disposition không đúng dạng");
    } else if (name == "content-type" && part->content_type.empty()) {
      part->content_type = std::string(value);
    }
  }
  const std::string* field = disposition ? disposition->Param("name") : nullptr;
  if (!disposition || disposition->type != "form-data" || !field || field->empty()) {
    return Malformed("một phần thiếu Content-Disposition: form-data; name=...");
  }
  part->name = *field;
  if (const std::string* ext = disposition->Param("filename*")) {
    std::optional<std::string> decoded = DecodeExtValue(*ext);
    if (!decoded) return Malformed("tên tệp (filename*) không đúng dạng UTF-8''...");
    part->file_name = std::string(BaseName(*decoded));
    part->is_file = true;
  } else if (const std::string* plain = disposition->Param("filename")) {
    part->file_name = std::string(BaseName(*plain));
    part->is_file = true;
  }
  return Status::Ok();
}

}  // namespace

bool IsMultipartFormData(std::string_view content_type) {
  return EqualsIgnoreCaseAscii(Trim(content_type.substr(0, content_type.find(';'))),
                               "multipart/form-data");
}

std::optional<std::string> MultipartBoundary(std::string_view content_type) {
  const std::optional<HeaderValue> v = ParseHeaderValue(content_type);
  if (!v || v->type != "multipart/form-data") return std::nullopt;
  const std::string* b = v->Param("boundary");
  if (!b || b->empty() || b->size() > 70 || b->back() == ' ' ||
      !std::all_of(b->begin(), b->end(), IsBoundaryChar)) {
    return std::nullopt;
  }
  return *b;
}

Result<std::optional<std::vector<FormPart>>> ReadMultipartForm(const HttpRequest& request) {
  const std::string_view type = request.Header("content-type");
  if (!IsMultipartFormData(type)) return std::optional<std::vector<FormPart>>();
  const std::optional<std::string> boundary = MultipartBoundary(type);
  if (!boundary) return Malformed("thiếu tham số boundary hợp lệ trong Content-Type");
  NQ_ASSIGN_OR_RETURN(std::vector<FormPart> parts, ParseMultipart(request.body, *boundary));
  return std::optional<std::vector<FormPart>>(std::move(parts));
}

Result<std::vector<FormPart>> ParseMultipart(std::string_view body, std::string_view boundary) {
  if (boundary.empty()) return Malformed("thiếu ranh giới (boundary)");
  const std::string delimiter = "\r\n--" + std::string(boundary);
  const std::boyer_moore_horspool_searcher find_delimiter(delimiter.begin(), delimiter.end());
  // Where the next delimiter at or after `from` starts and ends; npos twice when there is none.
  auto after_delimiter = [&](size_t from) -> std::pair<size_t, size_t> {
    const auto it =
        std::search(body.begin() + static_cast<std::ptrdiff_t>(from), body.end(), find_delimiter);
    if (it == body.end()) return {std::string_view::npos, std::string_view::npos};
    const auto at = static_cast<size_t>(it - body.begin());
    return {at, at + delimiter.size()};
  };

  // The first boundary opens the body or follows a preamble's CRLF.
  size_t pos = 0;
  if (body.substr(0, delimiter.size() - 2) == std::string_view(delimiter).substr(2)) {
    pos = delimiter.size() - 2;
  } else {
    pos = after_delimiter(0).second;
    if (pos == std::string_view::npos) return Malformed("thiếu ranh giới mở đầu");
  }

  std::vector<FormPart> parts;
  while (true) {
    // After a boundary: "--" closes the body, else optional padding and CRLF open a part.
    if (body.substr(pos, 2) == "--") return parts;
    while (pos < body.size() && IsSpace(body[pos])) ++pos;
    if (body.substr(pos, 2) != "\r\n") {
      return Malformed(pos >= body.size() ? "thiếu ranh giới kết thúc"
                                          : "ranh giới không đúng dạng");
    }
    pos += 2;
    if (parts.size() == kMaxMultipartParts) {
      return Malformed("quá " + std::to_string(kMaxMultipartParts) + " phần");
    }

    // The header section ends with an empty line; an empty section has only that line.
    FormPart part;
    size_t data_start = pos + 2;
    std::string_view headers;
    if (body.substr(pos, 2) != "\r\n") {
      const std::string_view window = body.substr(pos, kMaxPartHeaderBytes + 2);
      const size_t blank = window.find("\r\n\r\n");
      if (blank == std::string_view::npos) {
        return Malformed(window.size() == kMaxPartHeaderBytes + 2
                             ? "phần tiêu đề dài quá " +
                                   std::to_string(kMaxPartHeaderBytes / 1024) + " KiB"
                             : "thiếu ranh giới kết thúc");
      }
      headers = window.substr(0, blank + 2);
      data_start = pos + blank + 4;
    }
    NQ_RETURN_IF_ERROR(ParsePartHeaders(headers, &part));

    // RFC 2046 lets a part without data end with its headers: the blank line's CRLF is then
    // the delimiter's.
    const auto [data_end, next] = after_delimiter(data_start - 2);
    if (data_end == std::string_view::npos) return Malformed("thiếu ranh giới kết thúc");
    part.data = std::string(body.substr(data_start, std::max(data_end, data_start) - data_start));
    parts.push_back(std::move(part));
    pos = next;
  }
}

}  // namespace nq::web
