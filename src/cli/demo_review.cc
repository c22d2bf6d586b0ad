// The demo's mid-term review (báo cáo sơ kết giữa nhiệm kỳ): the committee's Organization Board
// makes it from the data as of 17/5/2023, writes the lessons and directions the way a bloc
// committee does, and issues it as 25-BC/ĐUK — so the demo shows a review as it is kept for good.
// The narrative is illustrative text, not a real committee's.
#include "cli/demo_data.h"
#include "service/review_docs.h"
#include "web/review_render.h"

namespace nq::cli {
namespace {

constexpr char kLessons[] =
    "Một là, cấp ủy phải bám sát Nghị quyết, cụ thể hóa kịp thời bằng chương trình, kế hoạch có "
    "mục tiêu, lộ trình và phân công rõ người, rõ việc, rõ thời hạn; thường xuyên kiểm tra, đôn "
    "đốc, theo dõi số liệu để kịp thời điều chỉnh.\n"
    "Hai là, phát huy vai trò nêu gương của người đứng đầu cấp ủy, cơ quan, đơn vị; gắn trách "
    "nhiệm người đứng đầu với kết quả thực hiện các chỉ tiêu được giao.\n"
    "Ba là, đổi mới nội dung, phương thức sinh hoạt chi bộ và công tác tuyên truyền, quán triệt; "
    "ứng dụng công nghệ thông tin để đưa Nghị quyết đến từng đảng viên và người lao động.\n"
    "Bốn là, chủ động phối hợp với chủ doanh nghiệp và các đoàn thể trong phát triển đảng viên, "
    "thành lập tổ chức đảng ở doanh nghiệp ngoài khu vực Nhà nước.";

constexpr char kDirections[] =
    "Tiếp tục quán triệt, thực hiện nghiêm túc Nghị quyết Đại hội Đảng bộ Khối lần thứ XIII; "
    "tập trung chỉ đạo hoàn thành các mục tiêu còn chậm, nhất là mục tiêu phát triển tổ chức "
    "đảng và đảng viên trong doanh nghiệp ngoài khu vực Nhà nước.\n"
    "Các cấp ủy cơ sở rà soát từng chỉ tiêu được giao, xây dựng kế hoạch khắc phục hạn chế đã "
    "chỉ ra; hoàn thành dứt điểm các nhiệm vụ quá hạn trong quý III năm 2023.\n"
    "Nâng cao chất lượng, tính kịp thời của báo cáo số liệu; các tổ chức cơ sở đảng báo cáo "
    "đúng hạn theo quy định.";

}  // namespace

Status CreateDemoReview(App& app, const Principal& committee, DemoSummary* summary) {
  const store::Actor actor{committee.user_id, committee.username, "cli"};
  NewReviewDoc in;
  in.resolution_id = summary->resolution_id;
  in.as_of = kDemoReviewDate;
  in.header.place = "Bến Tre";
  in.header.superior_body = "ĐẢNG BỘ TỈNH BẾN TRE";
  in.header.issuing_body = "ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP";
  in.header.recipients = {"Ban Thường vụ Tỉnh ủy (b/c)", "Các ban xây dựng Đảng Tỉnh ủy (b/c)",
                          "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ Khối",
                          "Các tổ chức cơ sở đảng trực thuộc", "Lưu Văn phòng Đảng ủy Khối"};
  NQ_ASSIGN_OR_RETURN(ReviewDoc doc, CreateReviewDoc(app, committee, in, actor));
  NQ_RETURN_IF_ERROR(
      SaveReviewText(app, committee, doc.id, "lessons", kLessons, 0, actor).status());
  NQ_RETURN_IF_ERROR(
      SaveReviewText(app, committee, doc.id, "directions", kDirections, 0, actor).status());
  const ReviewIssue issue{kDemoReviewNumber, "BC/ĐUK", kDemoReviewDate, "Nguyễn Văn Hòa", "", ""};
  NQ_ASSIGN_OR_RETURN(ReviewDoc issued,
                      IssueReviewDoc(app, committee, doc.id, issue, web::RenderReview, actor));
  summary->review_id = issued.id;
  summary->review_number = ReviewNumberSymbol(issued);
  return Status::Ok();
}

}  // namespace nq::cli
