// Files embedded in the binary at build time (cmake/embed.cmake): the front-end assets served
// under /static/ and the mustache templates. One binary to deploy, no CDN, works offline.
// Lookups are thread-safe; the data lives for the whole program.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nq::web {

struct EmbeddedFile {
  std::string_view path;          // "/static/app.css" or, for templates, the name "org_tree"
  std::string_view data;
  std::string_view content_type;  // from the extension; "text/html; charset=utf-8" for templates
  std::string etag;               // strong ETag of the content, quoted: "\"5f1c...\""
};

// A static asset by URL path, or nullptr.
const EmbeddedFile* FindAsset(std::string_view url_path);
// A template by name (file name under templates/ without ".mustache"), or nullptr.
const EmbeddedFile* FindTemplate(std::string_view name);
// Every embedded file (assets and templates).
const std::vector<EmbeddedFile>& AllEmbedded();

namespace internal {
struct RawEmbedded {
  const char* key;
  const char* begin;
  const char* end;
};
extern const RawEmbedded kEmbedded[];
extern const int kEmbeddedCount;
}  // namespace internal

}  // namespace nq::web
