#include "web/review_html.h"

#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "common/time.h"
#include "review/review_text.h"
#include "web/embedded.h"
#include "web/http.h"
#include "web/view.h"

namespace nq::web {
namespace {

using review::TextRef;

// Percent-encodes a path segment (everything but unreserved characters): a target code may
// hold any text.
// Where each TextRef of one review leads, and the title saying what is there.
class Linker {
 public:
  Linker(const review::Review& r, const ReviewLinks& links)
      : r_(r), links_(links), as_of_(FormatIso(r.as_of)), as_of_vi_(FormatVi(r.as_of)) {}

  // {link, href, title} for a piece or cell referring to `ref`.
  void Into(const TextRef& ref, mstch::map& m) const {
    const bool link = links_.enabled && ref.kind != TextRef::Kind::kNone;
    m.emplace("link", link);
    m.emplace("href", link ? links_.base + Path(ref) : std::string());
    m.emplace("title", link ? Title(ref) : std::string());
  }

 private:
  std::string Scope() const { return "?as_of=" + as_of_ + "&org=" + std::to_string(r_.root_org); }
  std::string Resolution() const { return "/resolutions/" + std::to_string(r_.resolution.id); }

  std::string Path(const TextRef& ref) const {
    switch (ref.kind) {
      case TextRef::Kind::kAssessment:
        return Resolution() + "/dashboard" + Scope();
      case TextRef::Kind::kTarget:
        return Resolution() + "/targets/" + PercentEncode(ref.code) + Scope();
      case TextRef::Kind::kTask:
        return "/tasks/" + std::to_string(ref.id) + "?as_of=" + as_of_;
      case TextRef::Kind::kTaskList: {
        // The task board's parameters, in the order it writes them itself.
        std::string q = "/tasks?as_of=" + as_of_ + "&resolution=" + std::to_string(ref.id) +
                        "&org=" + std::to_string(r_.root_org);
        if (ref.product) q += std::string("&product=") + ProductKindCode(*ref.product);
        if (ref.resolution_task) q += "&rtask=" + std::to_string(*ref.resolution_task);
        if (ref.state) q += std::string("&state=") + TaskStateCode(*ref.state);
        return q;
      }
      case TextRef::Kind::kOrganization:
        return "/orgs/" + std::to_string(ref.id);
      case TextRef::Kind::kRecords:
        return "/records/" + PercentEncode(ref.code) + "?org=" + std::to_string(r_.root_org) +
               "&from=" + FormatIso(r_.term.start) + "&to=" + as_of_;
      case TextRef::Kind::kNone:
        break;
    }
    return "";
  }

  std::string Title(const TextRef& ref) const {
    switch (ref.kind) {
      case TextRef::Kind::kAssessment:
        return "Đánh giá các mục tiêu của Nghị quyết số " + r_.resolution.number + " — " +
               r_.root_name + ", số liệu đến ngày " + as_of_vi_;
      case TextRef::Kind::kTarget:
        return "Mục tiêu " + ref.code +
               ": diễn biến theo năm và kết quả từng tổ chức trực thuộc, số liệu đến ngày " +
               as_of_vi_;
      case TextRef::Kind::kTask:
        return "Nhiệm vụ: nội dung, sản phẩm, các kỳ đã đến hạn và tiến độ, tình trạng đến ngày " +
               as_of_vi_;
      case TextRef::Kind::kTaskList: {
        std::string t = "Danh sách nhiệm vụ được giao";
        if (ref.product) t += " — " + std::string(ProductKindLabel(*ref.product));
        if (ref.resolution_task) t += " — phục vụ nhiệm vụ đột phá, trọng tâm này";
        if (ref.state) t += " — " + std::string(TaskStateLabel(*ref.state));
        return t + ", tình trạng đến ngày " + as_of_vi_;
      }
      case TextRef::Kind::kOrganization:
        return "Tổ chức đảng: thông tin và các tổ chức trực thuộc";
      case TextRef::Kind::kRecords:
        return "Các hồ sơ công tác xây dựng Đảng mà số liệu này tính từ, đến ngày " + as_of_vi_;
      case TextRef::Kind::kNone:
        break;
    }
    return "";
  }

  const review::Review& r_;
  const ReviewLinks& links_;
  const std::string as_of_;
  const std::string as_of_vi_;
};

mstch::array PiecesContext(const review::Line& line, const Linker& linker) {
  mstch::array out;
  for (const review::Piece& p : line) {
    if (p.text.empty()) continue;
    mstch::map m{{"text", p.text}, {"bold", p.bold}, {"italic", p.italic}};
    linker.Into(p.ref, m);
    out.push_back(std::move(m));
  }
  return out;
}

mstch::map TableContext(const review::TextTable& t, const Linker& linker) {
  double total = 0;
  for (double w : t.widths) total += w;
  mstch::array cols;
  for (double w : t.widths) {
    char pct[16];
    std::snprintf(pct, sizeof pct, "%.1f%%", total > 0 ? 100 * w / total : 0.0);
    cols.push_back(mstch::map{{"width", std::string(pct)}});
  }
  mstch::array header(t.header.begin(), t.header.end());
  mstch::array rows;
  for (const std::vector<review::TextCell>& row : t.rows) {
    mstch::array cells;
    for (const review::TextCell& c : row) {
      cells.push_back(mstch::map{
          {"number", c.number},
          {"pieces", PiecesContext({review::Piece{c.text, c.bold, false, c.ref}}, linker)}});
    }
    rows.push_back(mstch::map{{"cells", std::move(cells)}});
  }
  return mstch::map{
      {"cols", std::move(cols)}, {"header", std::move(header)}, {"rows", std::move(rows)}};
}

mstch::map BlockContext(const review::TextBlock& b, const Linker& linker) {
  using review::BlockKind;
  mstch::map m{{"heading1", b.kind == BlockKind::kHeading1},
               {"heading2", b.kind == BlockKind::kHeading2},
               {"heading3", b.kind == BlockKind::kHeading3},
               {"paragraph", b.kind == BlockKind::kParagraph},
               {"pieces", PiecesContext(b.line, linker)}};
  m.emplace("table", b.kind == BlockKind::kTable ? mstch::node(TableContext(b.table, linker))
                                                 : mstch::node(false));
  return m;
}

}  // namespace

std::string ReviewArticleHtml(const review::Review& r, const review::DocumentOptions& o,
                              const ReviewLinks& links) {
  const Linker linker(r, links);
  const review::DocumentHeader h = review::ReviewHeader(r, o);
  mstch::array blocks;
  for (const review::TextBlock& b : review::ReviewBodyText(r)) {
    blocks.push_back(BlockContext(b, linker));
  }
  const std::vector<std::string> recipients = review::RecipientLines(review::ReviewRecipients(o));
  mstch::map context{
      {"has_superior_body", !h.superior_body.empty()},
      {"superior_body", h.superior_body},
      {"issuing_body", h.issuing_body},
      {"number_symbol", h.number_symbol},
      {"place_date", h.place_date},
      {"doc_type", h.doc_type},
      {"summary", mstch::array(h.summary.begin(), h.summary.end())},
      {"blocks", std::move(blocks)},
      {"recipients", mstch::array(recipients.begin(), recipients.end())},
      {"on_behalf", o.signature.on_behalf},
      {"signer_title", o.signature.title},
      {"signer_name", o.signature.name},
  };
  return RenderTemplate("review_article", context);
}

std::string ReviewStandaloneHtml(const review::Review& r, const review::DocumentOptions& o,
                                 const ReviewLinks& links) {
  const EmbeddedFile* css = FindAsset(kReviewCssPath);
  if (css == nullptr) throw std::logic_error("web/review.css is not embedded");
  const review::DocumentHeader h = review::ReviewHeader(r, o);
  mstch::map context{
      {"title", "Báo cáo: " + (h.summary.empty() ? std::string() : h.summary.front())},
      {"css", std::string(css->data)},
      {"article", ReviewArticleHtml(r, o, links)},
  };
  return RenderTemplate("review_standalone", context);
}

}  // namespace nq::web
