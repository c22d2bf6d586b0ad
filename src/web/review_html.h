// The review (review/review.h) as HTML: the printable view of the party report, saying the same
// words as the DOCX and PDF (review/review_text.h) with every figure linked to the data behind
// it as of the review date.
//
// The article (templates/review_article.mustache) follows review/document.h's layout: the
// two-column header block (superior body, issuing body, star, number | "ĐẢNG CỘNG SẢN VIỆT NAM",
// place and date), "BÁO CÁO" and its summary, sections I–IV with the tables as real <table>s,
// then "Nơi nhận" beside the signature. Its styles are web/review.css, served as
// /static/review.css (kReviewCssPath): the app's page links it; the standalone document carries
// it inline.
//
// Links (ReviewLinks::enabled), each with a Vietnamese title saying what it shows; AS_OF is the
// review's date (YYYY-MM-DD), ROOT the reviewed organization's id, RID the review's resolution:
//   headline, buckets, fields  /resolutions/RID/dashboard?as_of=AS_OF&org=ROOT
//   a target's figures         /resolutions/RID/targets/CODE?as_of=AS_OF&org=ROOT
//                              (CODE percent-encoded)
//   a task                     /tasks/ID?as_of=AS_OF
//   task counts                /tasks?as_of=AS_OF&resolution=R&org=ROOT[&product=P][&rtask=T]
//                              [&state=S] (R the counted resolution; the task board's filters)
//   an organization            /orgs/ID
// every one prefixed with ReviewLinks::base. What each piece of text stands for is
// review_text.h's TextRef; this file only maps it to these routes.
//
// Escaping: every text of the review — names, titles, the committee's narrative — is printed
// HTML-escaped by the templates; no text of the review becomes markup.
// Errors: none (a missing template or asset is a programming error: std::logic_error).
// Thread-safe.
#pragma once

#include <string>

#include "review/review.h"
#include "review/review_document.h"

namespace nq::web {

// The URL path of the review's stylesheet (web/review.css, embedded).
inline constexpr char kReviewCssPath[] = "/static/review.css";

// Where figures link: the app's routes (see the top).
struct ReviewLinks {
  bool enabled = true;  // false: plain text (a standalone file with no server behind it)
  std::string base;     // prefix for every link ("" in the app; e.g. "http://host" for a file)
};

// The review as an <article class="review-doc"> fragment, without styles: the page around it
// links kReviewCssPath.
std::string ReviewArticleHtml(const review::Review& r, const review::DocumentOptions& o,
                              const ReviewLinks& links);

// A complete standalone HTML document (<!doctype html>, lang="vi", UTF-8, web/review.css inline)
// around ReviewArticleHtml — one <article> in it — for a file or `nqtrack review --format html`.
std::string ReviewStandaloneHtml(const review::Review& r, const review::DocumentOptions& o,
                                 const ReviewLinks& links);

}  // namespace nq::web
