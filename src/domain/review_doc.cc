#include "domain/review_doc.h"

#include <algorithm>
#include <cctype>

#include "common/utf8.h"

namespace nq {
namespace {

constexpr size_t kMaxField = 300;
constexpr size_t kMaxRecipients = 20;
constexpr size_t kMaxText = 50000;
constexpr size_t kMaxSymbol = 40;

bool HasControl(std::string_view s, bool allow_breaks) {
  return std::any_of(s.begin(), s.end(), [&](char c) {
    const auto u = static_cast<unsigned char>(c);
    if (allow_breaks && (c == '\n' || c == '\t')) return false;
    return u < 0x20 || u == 0x7f;
  });
}

Status HeaderError(std::string_view what) {
  return Status::Invalid("review.header_invalid", std::string(what) +
                                                      " phải là văn bản UTF-8, một dòng, tối đa " +
                                                      std::to_string(kMaxField) + " ký tự");
}

bool FieldOk(std::string_view s) {
  return IsValidUtf8(s) && !HasControl(s, false) && CodePointCount(s) <= kMaxField;
}

// "<p>", "</div>", "<script", "<!--", "<?xml": what starts a tag; "a < b" or "<5%" does not.
bool HasMarkup(std::string_view s) {
  for (size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
    if (i + 1 >= s.size()) break;
    const auto next = static_cast<unsigned char>(s[i + 1]);
    if (std::isalpha(next) || next == '/' || next == '!' || next == '?') return true;
  }
  return false;
}

}  // namespace

const char* ReviewDocStateCode(ReviewDocState s) {
  return s == ReviewDocState::kIssued ? "issued" : "draft";
}

const char* ReviewDocStateLabel(ReviewDocState s) {
  return s == ReviewDocState::kIssued ? "Đã ban hành" : "Dự thảo";
}

std::optional<ReviewDocState> ParseReviewDocState(std::string_view code) {
  if (code == "draft") return ReviewDocState::kDraft;
  if (code == "issued") return ReviewDocState::kIssued;
  return std::nullopt;
}

std::string ReviewNumberSymbol(const ReviewDoc& d) {
  if (d.state != ReviewDocState::kIssued || !d.number) return "";
  return std::to_string(*d.number) + "-" + d.symbol;
}

bool IsReviewSection(std::string_view section) {
  return std::find(std::begin(kReviewSections), std::end(kReviewSections), section) !=
         std::end(kReviewSections);
}

const char* ReviewSectionLabel(std::string_view section) {
  if (section == "lessons") return "III. Bài học kinh nghiệm";
  if (section == "directions") return "IV. Phương hướng, nhiệm vụ, giải pháp";
  return "";
}

Status ValidateReviewDocHeader(const ReviewDocHeader& h) {
  if (!FieldOk(h.place)) return HeaderError("Địa danh");
  if (!FieldOk(h.superior_body)) return HeaderError("Tên cơ quan cấp trên");
  if (!FieldOk(h.issuing_body)) return HeaderError("Tên cơ quan ban hành");
  if (!FieldOk(h.on_behalf)) return HeaderError("Quyền hạn ký (T/M ...)");
  if (!FieldOk(h.signer_title)) return HeaderError("Chức vụ người ký");
  if (!FieldOk(h.signer_name)) return HeaderError("Họ tên người ký");
  if (h.recipients.size() > kMaxRecipients) {
    return Status::Invalid("review.header_invalid",
                           "Nơi nhận có tối đa " + std::to_string(kMaxRecipients) + " dòng");
  }
  for (const std::string& r : h.recipients) {
    if (!FieldOk(r)) return HeaderError("Mỗi dòng nơi nhận");
  }
  return Status::Ok();
}

Result<std::string> NormalizeReviewText(std::string_view text) {
  if (!IsValidUtf8(text)) {
    return Status::Invalid("review.text_invalid", "Nội dung không phải văn bản UTF-8 hợp lệ");
  }
  std::string unified;
  unified.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      unified += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      unified += text[i];
    }
  }
  if (HasControl(unified, true)) {
    return Status::Invalid("review.text_invalid", "Nội dung có ký tự điều khiển không hợp lệ");
  }
  if (HasMarkup(unified)) {
    return Status::Invalid("review.text_markup",
                           "Nội dung có mã HTML (thẻ như <p>, <script>): hãy dán dạng văn bản "
                           "thuần (Ctrl+Shift+V) — định dạng không được giữ lại");
  }
  std::string out;
  size_t pos = 0;
  while (pos <= unified.size()) {
    size_t end = unified.find('\n', pos);
    if (end == std::string::npos) end = unified.size();
    std::string_view line(unified.data() + pos, end - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    out.append(line);
    out += '\n';
    pos = end + 1;
  }
  const size_t first = out.find_first_not_of('\n');
  if (first == std::string::npos) return std::string();
  const size_t last = out.find_last_not_of('\n');
  out = out.substr(first, last - first + 1);
  if (CodePointCount(out) > kMaxText) {
    return Status::Invalid("review.text_invalid",
                           "Nội dung dài quá " + std::to_string(kMaxText) + " ký tự");
  }
  return out;
}

Status ValidateReviewIssue(const ReviewIssue& in, const Date& as_of) {
  if (in.number < 1 || in.number > 99999) {
    return Status::Invalid("review.number_invalid", "Số văn bản phải từ 1 đến 99999");
  }
  const std::string_view sym = in.symbol;
  if (sym.size() < 4 || sym.substr(0, 3) != "BC/" || !IsValidUtf8(sym) ||
      CodePointCount(sym) > kMaxSymbol || HasControl(sym, false) ||
      sym.find_first_of(" <>&\"'") != std::string_view::npos) {
    return Status::Invalid("review.symbol_invalid",
                           "Ký hiệu báo cáo phải có dạng BC/<tên viết tắt cơ quan>, ví dụ "
                           "BC/ĐUK, không có dấu cách");
  }
  if (in.issued_on < as_of || AddDays(as_of, 366) < in.issued_on) {
    return Status::Invalid(
        "review.issued_on_invalid",
        "Ngày ban hành phải từ ngày số liệu " + FormatVi(as_of) + " đến tối đa một năm sau");
  }
  if (Trim(in.signer_name).empty()) {
    return Status::Invalid("review.signer_required", "Cần họ tên người ký");
  }
  ReviewDocHeader probe;
  probe.signer_name = in.signer_name;
  probe.signer_title = in.signer_title;
  probe.on_behalf = in.on_behalf;
  return ValidateReviewDocHeader(probe);
}

}  // namespace nq
