// The plan of the demo (dữ liệu minh họa): the 2020–2025 term of the bloc committee, the
// resolution of its 13th Congress, 7 targets and 4 breakthrough tasks, worded as a bloc committee
// of agencies and enterprises words them (DESIGN.md "The story it must tell").
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/demo_data.h"

namespace nq::cli {
namespace {

struct DemoTarget {
  const char* code;
  const char* text;
  Comparator comparator;
  TargetKind kind;
  double value;
  const char* unit;
  std::optional<double> baseline;  // the result at the start of the term, where one is known
};

const DemoTarget kTargets[] = {
    {"MT1", "Hằng năm có từ 90% tổ chức cơ sở đảng trở lên hoàn thành tốt nhiệm vụ",
     Comparator::kAtLeast, TargetKind::kEveryYear, 90, "%", 87.6},
    {"MT2", "100% cấp ủy trực thuộc quán triệt, triển khai kịp thời các nghị quyết của Đảng",
     Comparator::kAtLeast, TargetKind::kEveryYear, 100, "%", std::nullopt},
    {"MT3", "Kết nạp từ 1.300 đảng viên mới trở lên trong nhiệm kỳ", Comparator::kAtLeast,
     TargetKind::kCumulative, 1300, "đảng viên", std::nullopt},
    {"MT4", "Hằng năm có từ 90% đảng viên hoàn thành tốt nhiệm vụ trở lên", Comparator::kAtLeast,
     TargetKind::kEveryYear, 90, "%", 88.2},
    {"MT5",
     "Thành lập tổ chức đảng ở 100% doanh nghiệp ngoài khu vực Nhà nước đủ điều kiện thành lập",
     Comparator::kAtLeast, TargetKind::kEndLevel, 100, "%", 72.0},
    {"MT6", "Bình quân hằng năm trên 95% cán bộ, đảng viên được học tập, quán triệt nghị quyết",
     Comparator::kAtLeast, TargetKind::kAverage, 95, "%", std::nullopt},
    {"MT7", "100% chi bộ sinh hoạt định kỳ hằng tháng theo quy định", Comparator::kAtLeast,
     TargetKind::kEveryYear, 100, "%", std::nullopt},
};

struct DemoTask {
  const char* title;
  const char* description;
  std::vector<std::string> target_codes;
};

std::vector<DemoTask> Tasks() {
  return {
      {kDemoBreakthroughTitles[0],
       "Đổi mới nội dung, hình thức sinh hoạt chi bộ; mỗi quý ít nhất một lần sinh hoạt chuyên "
       "đề; cấp ủy cấp trên dự sinh hoạt định kỳ với chi bộ; đánh giá chất lượng sinh hoạt chi "
       "bộ hằng năm.",
       {"MT7", "MT4"}},
      {kDemoBreakthroughTitles[1],
       "Rà soát doanh nghiệp đủ điều kiện; phối hợp với chủ doanh nghiệp tạo nguồn, bồi dưỡng "
       "quần chúng ưu tú; thành lập tổ chức đảng ở doanh nghiệp có từ 3 đảng viên chính thức "
       "trở lên.",
       {"MT3", "MT5"}},
      {kDemoBreakthroughTitles[2],
       "Ứng dụng công nghệ thông tin trong quán triệt nghị quyết, quản lý đảng viên, báo cáo "
       "thống kê và theo dõi thực hiện nghị quyết; số hóa hồ sơ, văn bản của cấp ủy.",
       {"MT2", "MT6"}},
      {kDemoBreakthroughTitles[3],
       "Người đứng đầu đăng ký nội dung nêu gương hằng năm, chịu trách nhiệm về kết quả thực "
       "hiện nhiệm vụ của cơ quan, đơn vị; kiểm tra, giám sát việc thực hiện cam kết.",
       {"MT1"}},
  };
}

}  // namespace

Status CreateDemoPlan(App& app, int64_t root_org_id, DemoSummary* summary) {
  const store::Actor actor = CliActor();
  PlanService& plans = app.plans();

  Term term;
  term.name = "Nhiệm kỳ 2020 - 2025";
  term.start = Date{2020, 8, 1};
  term.end = Date{2025, 7, 31};
  term.org_id = root_org_id;
  NQ_ASSIGN_OR_RETURN(term, plans.CreateTermAsSystem(term, actor));

  Resolution res;
  res.term_id = term.id;
  res.number = "01-NQ/ĐUK";
  res.title =
      "Nghị quyết Đại hội đại biểu Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh lần thứ XIII, "
      "nhiệm kỳ 2020 - 2025";
  res.adopted = Date{2020, 8, 1};
  NQ_ASSIGN_OR_RETURN(res, plans.CreateResolutionAsSystem(res, actor));
  summary->resolution_number = res.number;
  summary->resolution_id = res.id;

  int position = 0;
  for (const DemoTarget& d : kTargets) {
    Target t;
    t.resolution_id = res.id;
    t.code = d.code;
    t.position = ++position;
    t.text = d.text;
    t.field = Field::kPartyBuilding;
    t.comparator = d.comparator;
    t.kind = d.kind;
    t.value = d.value;
    t.unit = d.unit;
    t.baseline = d.baseline;
    t.indicator = DemoIndicator(d.code);
    NQ_RETURN_IF_ERROR(plans.CreateTargetAsSystem(t, actor).status());
    ++summary->targets;
  }

  position = 0;
  for (const DemoTask& d : Tasks()) {
    ResolutionTask task;
    task.resolution_id = res.id;
    task.kind = ResolutionTaskKind::kBreakthrough;
    task.position = ++position;
    task.title = d.title;
    task.description = d.description;
    task.target_codes = d.target_codes;
    NQ_RETURN_IF_ERROR(plans.CreateTaskAsSystem(task, actor).status());
    ++summary->tasks;
  }
  return Status::Ok();
}

}  // namespace nq::cli
