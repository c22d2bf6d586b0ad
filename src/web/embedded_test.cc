#include "web/embedded.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <string>

namespace nq::web::embedded_test {
namespace {

// Reference FNV-1a 64, checked against the published test vectors below.
std::string ReferenceEtag(std::string_view data) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

TEST(EmbeddedTest, ReferenceHashMatchesFnvVectors) {
  EXPECT_EQ(ReferenceEtag(""), "\"cbf29ce484222325\"");
  EXPECT_EQ(ReferenceEtag("a"), "\"af63dc4c8601ec8c\"");
  EXPECT_EQ(ReferenceEtag("foobar"), "\"85944171f73967e8\"");
}

TEST(EmbeddedTest, FindsVendorAssetWithTypeAndEtag) {
  const EmbeddedFile* htmx = FindAsset("/static/vendor/htmx.min.js");
  ASSERT_NE(htmx, nullptr);
  EXPECT_EQ(htmx->path, "/static/vendor/htmx.min.js");
  EXPECT_GT(htmx->data.size(), 10000u);
  EXPECT_NE(htmx->data.find("htmx"), std::string_view::npos);
  EXPECT_EQ(htmx->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(htmx->etag, ReferenceEtag(htmx->data));
  EXPECT_EQ(FindAsset("/static/vendor/htmx.min.js"), htmx);  // same entry every time

  const EmbeddedFile* css = FindAsset("/static/vendor/bootstrap.min.css");
  ASSERT_NE(css, nullptr);
  EXPECT_EQ(css->content_type, "text/css; charset=utf-8");
  EXPECT_NE(css->etag, htmx->etag);
}

TEST(EmbeddedTest, UnknownPathsAreNotFound) {
  EXPECT_EQ(FindAsset("/static/vendor/nothing.js"), nullptr);
  EXPECT_EQ(FindAsset("static/vendor/htmx.min.js"), nullptr);
  EXPECT_EQ(FindAsset(""), nullptr);
  EXPECT_EQ(FindTemplate("no_such_template"), nullptr);
}

TEST(EmbeddedTest, EveryRawEntryIsReachableByItsKind) {
  const auto& all = AllEmbedded();
  ASSERT_EQ(all.size(), static_cast<size_t>(internal::kEmbeddedCount));
  for (int i = 0; i < internal::kEmbeddedCount; ++i) {
    const std::string_view key = internal::kEmbedded[i].key;
    const EmbeddedFile* f = nullptr;
    if (key.substr(0, 4) == "tpl:") {
      f = FindTemplate(key.substr(4));
      ASSERT_NE(f, nullptr) << key;
      EXPECT_EQ(f->content_type, "text/html; charset=utf-8") << key;
      EXPECT_EQ(FindAsset(key), nullptr) << key;
    } else {
      EXPECT_EQ(key.substr(0, 8), "/static/");
      f = FindAsset(key);
      ASSERT_NE(f, nullptr) << key;
      EXPECT_FALSE(f->content_type.empty());
    }
    EXPECT_EQ(f->data.size(),
              static_cast<size_t>(internal::kEmbedded[i].end - internal::kEmbedded[i].begin));
    EXPECT_EQ(f->etag, ReferenceEtag(f->data)) << key;
  }
}

}  // namespace
}  // namespace nq::web::embedded_test
