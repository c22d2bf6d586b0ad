// The reported side of the demo (dữ liệu minh họa): data elements, three data sets, and the
// values the grassroots organizations reported from the start of the term (August 2020) to the
// mid-term review (17/5/2023), with the reports' submission history.
//
// The numbers are generated from fixed seeds (cli/demo_random.h) so that, assessed as of
// 17/5/2023, the picture is the one of DESIGN.md's reference scenario: six of the seven targets
// met or on track, and the one on party organizations in non-state enterprises behind; some
// organizations are weak (lower ratings, attendance and study), some report late, a few had not
// sent their April 2023 report by the review.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/demo_data.h"
#include "cli/demo_random.h"
#include "common/format.h"
#include "service/data_service.h"

namespace nq::cli {
namespace {

using Kinds = std::vector<OrgKind>;

struct ElementDef {
  const char* code;
  const char* name;
  ValueType type;
  PeriodType period_type;
  OrgAggregation org_aggregation;
  TimeAggregation time_aggregation;
  const char* unit;
};

const ElementDef kElements[] = {
    {"new_members", "Số đảng viên mới được kết nạp", ValueType::kNumber, PeriodType::kMonthly,
     OrgAggregation::kSum, TimeAggregation::kSum, "đảng viên"},
    {"cell_meeting_held", "Chi bộ sinh hoạt định kỳ trong tháng", ValueType::kYesNo,
     PeriodType::kMonthly, OrgAggregation::kCount, TimeAggregation::kAverage, ""},
    {"meeting_attendance", "Tỷ lệ đảng viên dự sinh hoạt chi bộ", ValueType::kPercent,
     PeriodType::kMonthly, OrgAggregation::kAverage, TimeAggregation::kAverage, "%"},
    {"members_total", "Tổng số đảng viên cuối năm", ValueType::kNumber, PeriodType::kYearly,
     OrgAggregation::kSum, TimeAggregation::kLast, "đảng viên"},
    {"members_rated", "Số đảng viên được đánh giá, xếp loại", ValueType::kNumber,
     PeriodType::kYearly, OrgAggregation::kSum, TimeAggregation::kLast, "đảng viên"},
    {"members_good", "Số đảng viên hoàn thành tốt nhiệm vụ trở lên", ValueType::kNumber,
     PeriodType::kYearly, OrgAggregation::kSum, TimeAggregation::kLast, "đảng viên"},
    {"members_studied", "Số đảng viên được học tập, quán triệt nghị quyết", ValueType::kNumber,
     PeriodType::kYearly, OrgAggregation::kSum, TimeAggregation::kLast, "đảng viên"},
    {"org_rating", "Xếp loại chất lượng tổ chức đảng", ValueType::kCategory, PeriodType::kYearly,
     OrgAggregation::kCount, TimeAggregation::kLast, ""},
    {"dissemination_on_time", "Quán triệt, triển khai nghị quyết kịp thời", ValueType::kYesNo,
     PeriodType::kYearly, OrgAggregation::kCount, TimeAggregation::kLast, ""},
    {"nse_eligible", "Số doanh nghiệp ngoài khu vực Nhà nước đủ điều kiện thành lập tổ chức đảng",
     ValueType::kNumber, PeriodType::kYearly, OrgAggregation::kSum, TimeAggregation::kLast,
     "doanh nghiệp"},
    {"nse_with_party", "Số doanh nghiệp ngoài khu vực Nhà nước đã có tổ chức đảng",
     ValueType::kNumber, PeriodType::kYearly, OrgAggregation::kSum, TimeAggregation::kLast,
     "doanh nghiệp"},
};

const char* const kRatings[] = {"HTXSNV", "HTTNV", "HTNV", "KHTNV"};

struct SetDef {
  const char* code;
  const char* name;
  PeriodType period_type;
  std::vector<const char*> elements;
  Kinds kinds;
  int deadline_days;
  std::vector<ValidationRule> rules;
};

std::vector<SetDef> Sets() {
  const Kinds grassroots = {OrgKind::kBaseCommittee, OrgKind::kBaseCell};
  return {
      {kDemoMonthlySet, "Báo cáo công tác xây dựng Đảng hằng tháng", PeriodType::kMonthly,
       {"new_members", "cell_meeting_held", "meeting_attendance"}, grassroots, 10, {}},
      {kDemoYearlySet, "Báo cáo kiểm điểm, đánh giá, xếp loại chất lượng hằng năm",
       PeriodType::kYearly,
       {"members_total", "members_rated", "members_good", "members_studied", "org_rating",
        "dissemination_on_time"},
       grassroots,
       31,
       {{"R1", "members_rated <= members_total",
         "Số đảng viên được đánh giá không được lớn hơn tổng số đảng viên"},
        {"R2", "members_good <= members_rated",
         "Số đảng viên hoàn thành tốt nhiệm vụ không được lớn hơn số đảng viên được đánh giá"},
        {"R3", "members_studied <= members_total",
         "Số đảng viên được học tập nghị quyết không được lớn hơn tổng số đảng viên"}}},
      {kDemoEnterpriseSet,
       "Tình hình thành lập tổ chức đảng trong doanh nghiệp ngoài khu vực Nhà nước",
       PeriodType::kYearly,
       {"nse_eligible", "nse_with_party"},
       {OrgKind::kBlocCommittee},
       31,
       {{"R1", "nse_with_party <= nse_eligible",
         "Số doanh nghiệp đã có tổ chức đảng không được lớn hơn số doanh nghiệp đủ điều kiện"}}},
  };
}

// The last period with reports: April 2023 was due on 10/5/2023, a week before the review.
constexpr Date kFirstDay{2020, 8, 1};
constexpr Date kReviewDay = kDemoReviewDate;

std::string Number(double x) { return FormatNumberVi(x, 1); }

// What the generator knows of one grassroots organization.
struct Unit {
  const Organization* org;
  int members = 0;     // of its subtree (a base committee's members are in its cells)
  bool weak = false;   // lower ratings, attendance and study
  bool late = false;   // sends its reports late now and then
  bool enterprise = false;
};

bool OpenDuring(const Organization& org, const Period& p) {
  return org.valid_from <= p.end() && (!org.valid_to || p.start() <= *org.valid_to);
}

// Poisson-distributed count with mean `mean` (inversion; the means here are small).
int Poisson(double mean, SplitMix64& rng) {
  const double u = static_cast<double>(rng.Next() >> 11) / 9007199254740992.0;
  double p = std::exp(-mean);
  double cumulative = p;
  int k = 0;
  while (u > cumulative && k < 50) {
    ++k;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

class Generator {
 public:
  Generator(const OrgTree& tree, int64_t root_id) : tree_(tree), root_id_(root_id) {
    int index = 0;
    for (const Organization& org : tree.Subtree(root_id)) {
      if (org.kind != OrgKind::kBaseCommittee && org.kind != OrgKind::kBaseCell) continue;
      Unit u;
      u.org = &org;
      for (const Organization& o : tree.Subtree(org.id)) u.members += o.members;
      u.weak = index % 13 == 5;
      u.late = index % 7 == 3;
      u.enterprise = org.sector == Sector::kNonStateEnterprise;
      units_.push_back(u);
      ++index;
    }
  }

  // Values of every unit, monthly from August 2020 to April 2023 (May 2023 for the punctual
  // half, entered as a draft), and yearly for 2020–2022.
  void Build() {
    for (const Unit& u : units_) {
      SplitMix64 rng(SeedOf(u.org->code, 2020));
      for (Period p = Period::Containing(PeriodType::kMonthly, kFirstDay).value();
           p.start() <= kReviewDay; p = *p.Next()) {
        if (!OpenDuring(*u.org, p)) continue;
        const bool current = p.Contains(kReviewDay);
        if (current && (u.late || u.weak || rng.Between(0, 1) == 0)) continue;
        Monthly(u, p, rng);
        if (!current && !(p.end() >= Date{2023, 4, 1} && (u.weak || u.late))) {
          Submitted(u, kDemoMonthlySet, p, 10, rng);
        }
      }
      for (int year = 2020; year <= 2022; ++year) {
        const Period p = Period::Of(PeriodType::kYearly, year).value();
        if (!OpenDuring(*u.org, p) || (u.org->valid_to && *u.org->valid_to < p.end())) continue;
        Yearly(u, p, rng);
        Submitted(u, kDemoYearlySet, p, 31, rng);
      }
    }
    Enterprises();
  }

  std::vector<ValueRow>& rows() { return rows_; }
  std::vector<std::pair<std::string, Report>>& reports() { return reports_; }

 private:
  void Add(const Organization& org, const char* element, const Period& p, std::string value) {
    ValueRow row;
    row.line = static_cast<int>(rows_.size()) + 1;
    row.org_code = org.code;
    row.element_code = element;
    row.period = p.ToString();
    row.value = std::move(value);
    rows_.push_back(std::move(row));
  }

  void Monthly(const Unit& u, const Period& p, SplitMix64& rng) {
    // About 860 admissions in the 33 months before the review across ~5,000 members;
    // non-state enterprises admit far fewer (the limitation the review names).
    const double rate = u.enterprise ? 0.0022 : 0.0056;
    Add(*u.org, "new_members", p, std::to_string(Poisson(u.members * rate, rng)));
    Add(*u.org, "cell_meeting_held", p, "có");
    const int attendance = u.weak ? rng.Between(700, 820) : rng.Between(870, 985);
    Add(*u.org, "meeting_attendance", p, Number(attendance / 10.0));
  }

  void Yearly(const Unit& u, const Period& p, SplitMix64& rng) {
    const int total = std::max(3, u.members + rng.Between(-2, 3));
    const int rated = total - (total > 20 ? rng.Between(0, 2) : 0);
    const int good_permille = u.weak ? rng.Between(820, 880) : rng.Between(905, 975);
    const int good = std::min(rated, (rated * good_permille + 500) / 1000);
    const int studied_permille = u.weak ? rng.Between(880, 930) : rng.Between(955, 1000);
    const int studied = std::min(total, (total * studied_permille + 500) / 1000);
    Add(*u.org, "members_total", p, std::to_string(total));
    Add(*u.org, "members_rated", p, std::to_string(rated));
    Add(*u.org, "members_good", p, std::to_string(good));
    Add(*u.org, "members_studied", p, std::to_string(studied));
    // Weak organizations are rated "hoàn thành nhiệm vụ" (one, once, "không hoàn thành"); the
    // others mostly "hoàn thành tốt", a fifth "hoàn thành xuất sắc".
    int rating = rng.Between(0, 9) < 2 ? 0 : 1;
    if (u.weak) rating = (p.year() == 2021 && u.late) ? 3 : 2;
    Add(*u.org, "org_rating", p, kRatings[rating]);
    Add(*u.org, "dissemination_on_time", p, "có");
  }

  // The bloc's own yearly figures on non-state enterprises: 72% at the start of the term,
  // rising slowly — far from the 100% the resolution sets.
  void Enterprises() {
    const Organization* root = tree_.Find(root_id_);
    const int eligible[] = {25, 27, 29};
    const int with_party[] = {18, 20, 22};
    for (int i = 0; i < 3; ++i) {
      const Period p = Period::Of(PeriodType::kYearly, 2020 + i).value();
      Add(*root, "nse_eligible", p, std::to_string(eligible[i]));
      Add(*root, "nse_with_party", p, std::to_string(with_party[i]));
      Report r;
      r.org_id = root->id;
      r.period = p;
      r.state = ReportState::kApproved;
      r.submitted_at = DemoInstant(AddDays(p.end(), 20), 15);
      r.approved_at = DemoInstant(AddDays(p.end(), 25), 10);
      reports_.push_back({kDemoEnterpriseSet, r});
    }
  }

  // The report of (unit, set, p) sent a few days before its due date, or late for the late
  // reporters now and then; approved by the bloc a few days later, except the last month.
  void Submitted(const Unit& u, const char* set, const Period& p, int deadline_days,
                 SplitMix64& rng) {
    const Date due = AddDays(p.end(), deadline_days);
    const bool late = u.late && rng.Between(0, 2) == 0;
    const Date sent = AddDays(due, late ? rng.Between(2, 15) : -rng.Between(0, 8));
    Report r;
    r.org_id = u.org->id;
    r.period = p;
    r.submitted_at = DemoInstant(sent, rng.Between(8, 16));
    const bool last_month = p.type() == PeriodType::kMonthly && p.end() >= Date{2023, 4, 1};
    r.state = last_month ? ReportState::kSubmitted : ReportState::kApproved;
    if (!last_month) r.approved_at = DemoInstant(AddDays(sent, rng.Between(1, 6)), 10);
    reports_.push_back({set, r});
  }

  const OrgTree& tree_;
  int64_t root_id_;
  std::vector<Unit> units_;
  std::vector<ValueRow> rows_;
  std::vector<std::pair<std::string, Report>> reports_;  // (set code, report)
};

}  // namespace

// The indicators of the demo targets, by target code (demo_plan.cc).
std::string DemoIndicator(const std::string& target_code) {
  static const std::map<std::string, std::string> kIndicators = {
      {"MT1", "100 * count_if(org_rating == \"HTXSNV\" or org_rating == \"HTTNV\") / "
              "count(org_rating)"},
      {"MT2", "100 * count_if(dissemination_on_time == 1) / count(dissemination_on_time)"},
      {"MT3", "new_members"},
      {"MT4", "100 * members_good / members_rated"},
      {"MT5", "100 * nse_with_party / nse_eligible"},
      {"MT6", "100 * members_studied / members_total"},
      {"MT7", "100 * count_if(cell_meeting_held >= 1) / count(cell_meeting_held)"},
  };
  auto it = kIndicators.find(target_code);
  return it == kIndicators.end() ? std::string() : it->second;
}

Status CreateDemoReporting(App& app, int64_t root_org_id, DemoSummary* summary) {
  const store::Actor actor = CliActor();
  DataService& data = app.data();
  std::map<std::string, int64_t> element_ids;
  for (const ElementDef& d : kElements) {
    DataElement e;
    e.code = d.code;
    e.name = d.name;
    e.type = d.type;
    e.period_type = d.period_type;
    e.org_aggregation = d.org_aggregation;
    e.time_aggregation = d.time_aggregation;
    e.unit = d.unit;
    if (d.type == ValueType::kCategory) e.categories.assign(std::begin(kRatings), std::end(kRatings));
    NQ_ASSIGN_OR_RETURN(DataElement stored, data.CreateElementAsSystem(e, actor));
    element_ids[stored.code] = stored.id;
  }
  std::map<std::string, int64_t> set_ids;
  for (const SetDef& d : Sets()) {
    DataSet s;
    s.code = d.code;
    s.name = d.name;
    s.period_type = d.period_type;
    for (const char* code : d.elements) s.element_ids.push_back(element_ids.at(code));
    s.reporting_kinds = d.kinds;
    s.deadline_days = d.deadline_days;
    s.rules = d.rules;
    NQ_ASSIGN_OR_RETURN(DataSet stored, data.CreateDataSetAsSystem(s, actor));
    set_ids[stored.code] = stored.id;
    ++summary->data_sets;
  }

  std::shared_ptr<const OrgTree> tree = app.orgs().tree();
  Generator gen(*tree, root_org_id);
  gen.Build();
  NQ_ASSIGN_OR_RETURN(ImportSummary imported, data.ImportValues(nullptr, gen.rows(), actor));
  if (!imported.errors.empty()) {
    const ImportError& first = imported.errors.front();
    return Status::Internal("demo.values",
                            "Dữ liệu minh họa không hợp lệ (dòng " +
                                std::to_string(first.line) + "): " + first.message);
  }
  summary->values = imported.inserted;
  for (auto& [set_code, report] : gen.reports()) {
    report.data_set_id = set_ids.at(set_code);
    NQ_RETURN_IF_ERROR(data.RecordReportAsSystem(report, actor));
  }
  return Status::Ok();
}

}  // namespace nq::cli
