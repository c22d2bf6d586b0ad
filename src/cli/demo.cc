// CreateDemo: the whole demo, in the order the layers need it — organizations, users, one
// organization closed during the term, then the plan, the reports, the assigned tasks and the
// issued mid-term review.
#include <utility>

#include "cli/commands.h"
#include "cli/demo_data.h"

namespace nq::cli {

std::vector<DemoUser> DemoUsers() {
  return {
      {"admin", "Nguyễn Thị Thu Hà", Role::kAdmin, kDemoRootCode, "Văn phòng Đảng ủy Khối",
       Board::kOffice},
      {"bantochuc", "Trần Văn Minh", Role::kCommittee, kDemoRootCode, "Ban Tổ chức Đảng ủy Khối",
       Board::kOrganization},
      {"lanhdao", "Lê Hoàng Phúc", Role::kViewer, kDemoRootCode, "Phó Bí thư Đảng ủy Khối"},
      {"baocao.stc", "Phạm Thị Ngọc Hân", Role::kReporter, "BTR.STC",
       "Văn phòng Đảng ủy Sở Tài chính"},
      {"baocao.syt", "Võ Minh Trí", Role::kReporter, "BTR.SYT", "Văn phòng Đảng ủy Sở Y tế"},
  };
}

Result<DemoSummary> CreateDemo(App& app) {
  if (app.orgs().tree()->size() > 0) {
    return Status::Conflict("demo.not_empty",
                            "Cơ sở dữ liệu đã có dữ liệu; dữ liệu minh họa chỉ tạo trên cơ sở dữ "
                            "liệu trống");
  }
  const store::Actor actor = CliActor();
  NQ_RETURN_IF_ERROR(app.orgs().ImportAsSystem(DemoOrganizationRows(), actor).status());

  DemoSummary summary;
  std::shared_ptr<const OrgTree> tree = app.orgs().tree();
  const Organization* root = tree->FindByCode(kDemoRootCode);
  if (root == nullptr) {
    return Status::Internal("demo.no_root", "Không tìm thấy tổ chức gốc của dữ liệu minh họa");
  }
  const int64_t root_id = root->id;

  Principal admin;
  Principal committee;
  for (const DemoUser& u : DemoUsers()) {
    const Organization* org = tree->FindByCode(u.org_code);
    if (org == nullptr) return UnknownOrgCode(u.org_code);
    UserInput in;
    in.username = u.username;
    in.full_name = u.full_name;
    in.role = u.role;
    in.org_id = org->id;
    in.board = u.board;
    in.password = kDemoPassword;
    NQ_ASSIGN_OR_RETURN(UserView view, app.users().CreateAsSystem(in));
    const Principal p{view.id, view.username, view.full_name, view.role, view.org_id, view.board};
    if (u.role == Role::kAdmin) admin = p;
    if (u.role == Role::kCommittee) committee = p;
    summary.users.push_back(u);
  }

  // The admin closes one organization (merged into another), through the same checks as the UI.
  const Organization* closed = tree->FindByCode(kDemoClosedCode);
  if (closed == nullptr) return UnknownOrgCode(kDemoClosedCode);
  NQ_RETURN_IF_ERROR(app.orgs().Close(admin, closed->id, kDemoClosedOn, actor).status());

  NQ_RETURN_IF_ERROR(CreateDemoPlan(app, root_id, &summary));
  NQ_RETURN_IF_ERROR(CreateDemoReporting(app, root_id, &summary));
  NQ_RETURN_IF_ERROR(CreateDemoRecords(app, root_id, &summary));
  NQ_RETURN_IF_ERROR(CreateDemoTasks(app, &summary));
  NQ_RETURN_IF_ERROR(CreateDemoReview(app, committee, &summary));

  tree = app.orgs().tree();
  for (size_t i = 0; i < tree->size(); ++i) {
    const Organization& org = tree->At(static_cast<int>(i));
    ++summary.organizations;
    if (org.kind == OrgKind::kBaseCommittee || org.kind == OrgKind::kBaseCell) {
      ++summary.grassroots;
    }
    summary.members += org.members;
    summary.workers += org.workers;
  }
  return summary;
}

}  // namespace nq::cli
