// The limitations of section II that rest on records (party_building.h "Findings").
#include <algorithm>

#include "common/format.h"
#include "review/party_building.h"
#include "review/party_building_digest.h"
#include "review/review.h"

namespace nq::review {
namespace {

using party_internal::CellFacts;
using party_internal::Digest;
using party_internal::UnitFacts;

constexpr size_t kMaxReachEvidence = 10;

EvidenceRef OrgEvidence(const Organization& o, std::string detail) {
  return EvidenceRef{EvidenceRef::Kind::kOrganization, o.id, o.code, o.name, std::move(detail)};
}

std::string Percent(double x) { return FormatNumberVi(x, 1) + "%"; }

void Dissemination(const Digest& d, const Date& as_of, std::vector<Finding>* out) {
  Finding f{"dissemination_late", "", {}};
  for (const UnitFacts& u : d.units) {
    std::string detail;
    for (const DocumentDissemination& doc : d.figures.documents) {
      if (!doc.issued) continue;
      const Date deadline = AddDays(*doc.issued, kDisseminationDeadlineDays);
      auto s = u.first_session.find(doc.document);
      std::string part;
      if (s != u.first_session.end() && deadline < s->second) {
        part = doc.document + " sau " +
               std::to_string(DaysFromCivil(s->second) - DaysFromCivil(*doc.issued)) + " ngày";
      } else if (s == u.first_session.end() && deadline < as_of && IsActiveOn(*u.org, deadline)) {
        part = doc.document + " chưa quán triệt";
      }
      if (!part.empty()) detail += (detail.empty() ? "" : "; ") + part;
    }
    if (!detail.empty()) f.evidence.push_back(OrgEvidence(*u.org, detail));
  }
  if (f.evidence.empty()) return;
  f.text = std::to_string(f.evidence.size()) +
           " tổ chức cơ sở đảng quán triệt, triển khai văn bản của cấp trên chậm so với thời hạn " +
           std::to_string(kDisseminationDeadlineDays) + " ngày kể từ ngày ban hành, hoặc chưa tổ "
           "chức quán triệt.";
  out->push_back(std::move(f));
}

void WorkerReach(const Digest& d, std::vector<Finding>* out) {
  const std::optional<double> reach = d.figures.worker_reach;
  if (!reach || *reach >= kLowWorkerReachPercent) return;
  std::vector<const UnitFacts*> low;
  for (const UnitFacts& u : d.units) {
    if (u.workers_total > 0 && 100 * u.workers_reached / u.workers_total < kLowWorkerReachPercent) {
      low.push_back(&u);
    }
  }
  std::stable_sort(low.begin(), low.end(), [](const UnitFacts* a, const UnitFacts* b) {
    return a->workers_reached / a->workers_total < b->workers_reached / b->workers_total;
  });
  Finding f{"worker_reach_low", "", {}};
  f.text = "Việc tuyên truyền, phổ biến nghị quyết đến người lao động chưa có cách làm hiệu quả: "
           "mới " + Percent(*reach) + " lượt người lao động được tuyên truyền, phổ biến (" +
           std::to_string(low.size()) + " tổ chức cơ sở đảng dưới " +
           FormatNumberVi(kLowWorkerReachPercent, 0) + "%" +
           (low.size() > kMaxReachEvidence
                ? ", " + std::to_string(kMaxReachEvidence) + " tổ chức thấp nhất kể dưới đây"
                : std::string()) +
           ").";
  for (size_t i = 0; i < low.size() && i < kMaxReachEvidence; ++i) {
    const UnitFacts& u = *low[i];
    f.evidence.push_back(OrgEvidence(
        *u.org, Percent(100 * u.workers_reached / u.workers_total) + " (" +
                    FormatNumberVi(u.workers_reached, 0) + "/" +
                    FormatNumberVi(u.workers_total, 0) + " người lao động)"));
  }
  out->push_back(std::move(f));
}

void Cells(const Digest& d, std::vector<Finding>* out) {
  const PartyBuilding& p = d.figures;
  if (p.regular_meetings + p.thematic_meetings == 0 || p.window_months == 0) return;
  const std::string window = "từ tháng " + std::to_string(p.window_from.month) + "/" +
                             std::to_string(p.window_from.year) + " đến tháng " +
                             std::to_string(p.window_to.month) + "/" +
                             std::to_string(p.window_to.year);
  Finding irregular{"cells_irregular", "", {}};
  Finding uneven{"thematic_uneven", "", {}};
  for (const CellFacts& c : d.cells) {
    const int months = static_cast<int>(c.months.size());
    if (months < p.window_months) {
      irregular.evidence.push_back(OrgEvidence(
          *c.org, "sinh hoạt thường kỳ " + std::to_string(months) + "/" +
                      std::to_string(p.window_months) + " tháng"));
    }
    const int quarters = static_cast<int>(c.quarters.size());
    if (2 * quarters < p.window_quarters) {
      uneven.evidence.push_back(OrgEvidence(
          *c.org, "sinh hoạt chuyên đề " + std::to_string(quarters) + "/" +
                      std::to_string(p.window_quarters) + " quý"));
    }
  }
  if (!irregular.evidence.empty()) {
    irregular.text = std::to_string(irregular.evidence.size()) + "/" + std::to_string(p.cells) +
                     " chi bộ chưa duy trì sinh hoạt thường kỳ đủ hằng tháng (" + window + ").";
    out->push_back(std::move(irregular));
  }
  if (!uneven.evidence.empty()) {
    uneven.text = "Sinh hoạt chuyên đề chưa đều: " + std::to_string(uneven.evidence.size()) + "/" +
                  std::to_string(p.cells) + " chi bộ sinh hoạt chuyên đề chưa được một nửa số quý (" +
                  window + ").";
    out->push_back(std::move(uneven));
  }
}

void Pledges(const Digest& d, std::vector<Finding>* out) {
  Finding f{"pledges_not_kept", "", {}};
  for (const UnitFacts& u : d.units) {
    if (u.pledges_not_kept.empty()) continue;
    std::string years;
    for (int y : u.pledges_not_kept) years += (years.empty() ? "năm " : ", ") + std::to_string(y);
    f.evidence.push_back(OrgEvidence(*u.org, years));
  }
  if (f.evidence.empty()) return;
  f.text = "Người đứng đầu " + std::to_string(f.evidence.size()) +
           " tổ chức cơ sở đảng chưa thực hiện đúng cam kết nêu gương (cấp ủy đánh giá).";
  out->push_back(std::move(f));
}

void Admissions(const Digest& d, std::vector<Finding>* out) {
  if (d.figures.admissions.empty()) return;
  double nse_members = 0, nse_admitted = 0, other_members = 0, other_admitted = 0;
  std::vector<const UnitFacts*> nse;
  for (const UnitFacts& u : d.units) {
    if (u.org->sector == Sector::kNonStateEnterprise) {
      nse_members += u.members;
      nse_admitted += u.admitted;
      nse.push_back(&u);
    } else {
      other_members += u.members;
      other_admitted += u.admitted;
    }
  }
  if (nse_members <= 0 || other_members <= 0 || other_admitted <= 0) return;
  const double nse_rate = 100 * nse_admitted / nse_members;
  const double other_rate = 100 * other_admitted / other_members;
  if (nse_rate >= other_rate / 2) return;
  Finding f{"admissions_nse_low", "", {}};
  f.text = "Phát triển đảng viên trong doanh nghiệp ngoài khu vực Nhà nước còn khó khăn: " +
           FormatNumberVi(nse_rate, 1) + " đảng viên mới trên 100 đảng viên, so với " +
           FormatNumberVi(other_rate, 1) + " ở các loại hình khác.";
  for (const UnitFacts* u : nse) {
    f.evidence.push_back(OrgEvidence(*u->org, "kết nạp " + std::to_string(u->admitted) +
                                                  " đảng viên (" + std::to_string(u->members) +
                                                  " đảng viên)"));
  }
  out->push_back(std::move(f));
}

void RatingsFailed(const Digest& d, std::vector<Finding>* out) {
  Finding f{"ratings_failed", "", {}};
  for (const UnitFacts& u : d.units) {
    if (u.rated_failed.empty()) continue;
    std::string years;
    for (int y : u.rated_failed) years += (years.empty() ? "năm " : ", ") + std::to_string(y);
    f.evidence.push_back(OrgEvidence(*u.org, years));
  }
  if (f.evidence.empty()) return;
  f.text = std::to_string(f.evidence.size()) +
           " tổ chức cơ sở đảng bị xếp loại không hoàn thành nhiệm vụ.";
  out->push_back(std::move(f));
}

}  // namespace

namespace party_internal {

void AppendFindings(const Digest& d, const Date& as_of, std::vector<Finding>* out) {
  Dissemination(d, as_of, out);
  WorkerReach(d, out);
  Cells(d, out);
  Pledges(d, out);
  Admissions(d, out);
  RatingsFailed(d, out);
}

}  // namespace party_internal

}  // namespace nq::review
