#include "web/embedded.h"

#include <cstdint>
#include <cstdio>
#include <unordered_map>

namespace nq::web {
namespace {

constexpr std::string_view kTemplatePrefix = "tpl:";
constexpr std::string_view kTemplateType = "text/html; charset=utf-8";

struct TypeByExtension {
  std::string_view extension;
  std::string_view content_type;
};

constexpr TypeByExtension kTypes[] = {
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".html", "text/html; charset=utf-8"},
    {".mustache", "text/html; charset=utf-8"},
    {".txt", "text/plain; charset=utf-8"},
    {".yaml", "application/yaml"},
};

std::string_view ContentTypeFor(std::string_view path) {
  const size_t slash = path.rfind('/');
  const size_t dot = path.rfind('.');
  if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash)) {
    const std::string_view ext = path.substr(dot);
    for (const auto& t : kTypes) {
      if (t.extension == ext) return t.content_type;
    }
  }
  return "application/octet-stream";
}

// FNV-1a, 64 bits: stable across builds and platforms, so ETags survive a restart.
uint64_t Fnv1a64(std::string_view data) {
  uint64_t h = 14695981039346656037ull;
  for (const char c : data) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

std::string QuotedHex(uint64_t h) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

struct Index {
  std::vector<EmbeddedFile> all;
  std::unordered_map<std::string_view, const EmbeddedFile*> assets;
  std::unordered_map<std::string_view, const EmbeddedFile*> templates;
};

Index BuildIndex() {
  Index index;
  index.all.reserve(static_cast<size_t>(internal::kEmbeddedCount));
  for (int i = 0; i < internal::kEmbeddedCount; ++i) {
    const internal::RawEmbedded& raw = internal::kEmbedded[i];
    const std::string_view key = raw.key;
    EmbeddedFile f;
    f.data = std::string_view(raw.begin, static_cast<size_t>(raw.end - raw.begin));
    if (key.substr(0, kTemplatePrefix.size()) == kTemplatePrefix) {
      f.path = key.substr(kTemplatePrefix.size());
      f.content_type = kTemplateType;
    } else {
      f.path = key;
      f.content_type = ContentTypeFor(key);
    }
    f.etag = QuotedHex(Fnv1a64(f.data));
    index.all.push_back(std::move(f));
  }
  // Pointers are taken after `all` stops growing.
  for (int i = 0; i < internal::kEmbeddedCount; ++i) {
    const EmbeddedFile& f = index.all[static_cast<size_t>(i)];
    const std::string_view key = internal::kEmbedded[i].key;
    if (key.substr(0, kTemplatePrefix.size()) == kTemplatePrefix) {
      index.templates.emplace(f.path, &f);
    } else {
      index.assets.emplace(f.path, &f);
    }
  }
  return index;
}

const Index& GetIndex() {
  static const Index index = BuildIndex();  // thread-safe initialization (C++11 magic static)
  return index;
}

}  // namespace

const EmbeddedFile* FindAsset(std::string_view url_path) {
  const auto& assets = GetIndex().assets;
  const auto it = assets.find(url_path);
  return it == assets.end() ? nullptr : it->second;
}

const EmbeddedFile* FindTemplate(std::string_view name) {
  const auto& templates = GetIndex().templates;
  const auto it = templates.find(name);
  return it == templates.end() ? nullptr : it->second;
}

const std::vector<EmbeddedFile>& AllEmbedded() { return GetIndex().all; }

}  // namespace nq::web
