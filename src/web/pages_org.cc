#include "web/pages_org.h"

#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "common/format.h"
#include "common/utf8.h"
#include "web/api_common.h"
#include "web/json_io.h"
#include "web/pages_common.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

// Which form a failed POST came from, its message and the values as typed.
struct FormFailure {
  enum class Which { kNone, kEdit, kChild, kMove, kClose } which = Which::kNone;
  std::string message;
  const FormData* form = nullptr;
};

std::string OrgNotice(const HttpRequest& r) {
  if (r.HasQueryParam("saved")) return "Đã lưu thay đổi.";
  if (r.HasQueryParam("created")) return "Đã thêm tổ chức.";
  if (r.HasQueryParam("moved")) return "Đã chuyển tổ chức sang tổ chức cấp trên mới.";
  if (r.HasQueryParam("closed")) return "Đã giải thể tổ chức và các tổ chức trực thuộc.";
  return "";
}

// Values of the edit form (`o` is the organization) or of the create form (`o` null, `parent`
// the organization the new one goes under), or the values as typed when the form is re-shown.
mstch::map FormValues(const Organization* o, const Organization& parent, const FormData* typed) {
  auto pick = [&](const char* name, std::string stored) {
    return typed ? typed->Get(name) : std::move(stored);
  };
  // A new organization under a bloc is usually a grassroots cell, under a committee a sub-cell,
  // in the parent's sector.
  const OrgKind child_kind =
      parent.kind == OrgKind::kBlocCommittee ? OrgKind::kBaseCell : OrgKind::kSubCell;
  const Sector child_sector = parent.sector == Sector::kNone ? Sector::kStateAgency : parent.sector;
  const std::string kind = pick("kind", OrgKindCode(o ? o->kind : child_kind));
  const std::string sector = pick("sector", SectorCode(o ? o->sector : child_sector));
  return mstch::map{
      {"code", pick("code", o ? o->code : "")},
      {"name", pick("name", o ? o->name : "")},
      {"kinds", KindOptions(kind)},
      {"sectors", SectorOptions(sector)},
      {"members", pick("members", o ? std::to_string(o->members) : "0")},
      {"workers", pick("workers", o ? std::to_string(o->workers) : "0")},
      {"sort_order", pick("sort_order", o ? std::to_string(o->sort_order) : "0")},
      {"valid_from", pick("valid_from", o ? FormatIso(o->valid_from) : FormatIso(Today()))},
  };
}

Result<HttpResponse> RenderOrg(const PageCall& c, int64_t id, int status,
                               const FormFailure& failure) {
  NQ_ASSIGN_OR_RETURN(Organization org, c.app().orgs().Get(c.principal(), id));
  NQ_ASSIGN_OR_RETURN(std::vector<Organization> path,
                      c.app().orgs().PathInScope(c.principal(), id));
  NQ_ASSIGN_OR_RETURN(std::vector<Organization> scope, c.app().orgs().Subtree(c.principal()));
  const std::shared_ptr<const OrgTree> tree = c.app().orgs().tree();
  const Date today = Today();
  const std::vector<int64_t> totals = SubtreeMembers(scope, today);

  mstch::array breadcrumb;
  for (const Organization& o : path) {
    breadcrumb.push_back(
        mstch::map{{"id", std::to_string(o.id)}, {"name", o.name}, {"last", o.id == id}});
  }
  int64_t subtree_members = 0;
  mstch::array children;
  mstch::array parents;
  for (size_t i = 0; i < scope.size(); ++i) {
    const Organization& o = scope[i];
    if (o.id == id) subtree_members = totals[i];
    if (o.parent_id && *o.parent_id == id) {
      children.push_back(mstch::map{
          {"id", std::to_string(o.id)},
          {"name", o.name},
          {"kind", std::string(OrgKindCode(o.kind))},
          {"kind_label", std::string(OrgKindLabel(o.kind))},
          {"members", FormatIntVi(totals[i])},
          {"closed", o.valid_to.has_value()},
      });
    }
    // Possible new parents: open organizations outside the organization's own subtree.
    if (!tree->InSubtree(id, o.id) && IsActiveOn(o, today)) {
      const int depth = tree->Depth(o.id) - tree->Depth(c.principal().org_id);
      std::string label;
      for (int d = 0; d < depth; ++d) label += "— ";
      parents.push_back(mstch::map{
          {"value", std::to_string(o.id)},
          {"label", label + o.name},
          {"selected", org.parent_id && *org.parent_id == o.id},
      });
    }
  }
  const bool has_children = !children.empty();
  const bool can_edit = CanEditOrganizations(c.principal().role);
  using Which = FormFailure::Which;
  auto error_of = [&](Which w) { return failure.which == w ? failure.message : std::string(); };

  mstch::map context{
      {"org",
       mstch::map{
           {"code", org.code},
           {"name", org.name},
           {"kind", std::string(OrgKindCode(org.kind))},
           {"kind_label", std::string(OrgKindLabel(org.kind))},
           {"sector_label", std::string(SectorLabel(org.sector))},
           {"members", FormatIntVi(org.members)},
           {"workers", FormatIntVi(org.workers)},
           {"has_children", has_children},
           {"subtree_members", FormatIntVi(subtree_members)},
           {"valid_from", FormatVi(org.valid_from)},
           {"closed", org.valid_to.has_value()},
           {"valid_to", org.valid_to ? FormatVi(*org.valid_to) : std::string()},
       }},
      {"org_id", std::to_string(org.id)},
      {"breadcrumb", std::move(breadcrumb)},
      {"children", std::move(children)},
      {"child_count", std::to_string(tree->Children(id).size())},
      {"has_children_list", has_children},
      {"notice", failure.which == Which::kNone ? OrgNotice(c.request) : std::string()},
      {"csrf_token", c.session.csrf_token},
      {"can_edit", can_edit},
      // Only committees have organizations under them; a closed one gets no new ones.
      {"can_add_child",
       can_edit && !org.valid_to.has_value() &&
           (org.kind == OrgKind::kBlocCommittee || org.kind == OrgKind::kBaseCommittee)},
      {"can_move_close", can_edit && org.parent_id.has_value() && id != c.principal().org_id},
      {"is_closed", org.valid_to.has_value()},
      {"edit", FormValues(&org, org, failure.which == Which::kEdit ? failure.form : nullptr)},
      {"edit_error", error_of(Which::kEdit)},
      {"child", FormValues(nullptr, org, failure.which == Which::kChild ? failure.form : nullptr)},
      {"child_error", error_of(Which::kChild)},
      {"parents", std::move(parents)},
      {"move_error", error_of(Which::kMove)},
      {"close_date", failure.which == Which::kClose ? failure.form->Get("date") : FormatIso(today)},
      {"close_error", error_of(Which::kClose)},
  };
  return PageResponse(status, FrameFor(c, org.name, "orgs"), "org", context);
}

Result<HttpResponse> OrgPage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  return RenderOrg(c, id, 200, FormFailure{});
}

// The outcome of a form POST: a redirect on success; the page again with the message beside
// the form for a rejected input; the error page for scope, role and server failures.
Result<HttpResponse> AfterPost(const PageCall& c, int64_t id, const Status& status,
                               FormFailure::Which which, const std::string& success_location) {
  if (status.ok()) return HttpResponse::Redirect(success_location);
  if (status.code() != Code::kInvalid && status.code() != Code::kConflict) return status;
  return RenderOrg(c, id, HttpStatusFor(status.code()),
                   FormFailure{which, status.message(), &c.form});
}

// Reads the edit/create form into `in`.
Status ReadOrgForm(const FormData& f, OrgInput* in) {
  in->code = std::string(Trim(f.Get("code")));
  in->name = std::string(Trim(f.Get("name")));
  in->kind = ParseOrgKind(f.Get("kind"));
  if (!in->kind) return Status::Invalid("form.bad_kind", "Loại hình tổ chức không hợp lệ");
  in->sector = ParseSector(f.Get("sector"));
  if (!in->sector) return Status::Invalid("form.bad_sector", "Khu vực không hợp lệ");
  std::optional<int64_t> n;
  NQ_RETURN_IF_ERROR(FormInt(f, "members", "Số đảng viên", 0, 1000000, &n));
  if (n) in->members = static_cast<int>(*n);
  n.reset();
  NQ_RETURN_IF_ERROR(FormInt(f, "workers", "Số người lao động", 0, 100000000, &n));
  if (n) in->workers = static_cast<int>(*n);
  n.reset();
  NQ_RETURN_IF_ERROR(FormInt(f, "sort_order", "Thứ tự", -1000000, 1000000, &n));
  if (n) in->sort_order = static_cast<int>(*n);
  NQ_RETURN_IF_ERROR(FormDate(f, "valid_from", "Ngày hiệu lực", &in->valid_from));
  return Status::Ok();
}

Result<HttpResponse> PostEdit(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  OrgInput in;
  Status s = ReadOrgForm(c.form, &in);
  if (s.ok()) {
    s = c.app().orgs().Update(c.principal(), id, in, ActorFor(c.session, c.request)).status();
  }
  return AfterPost(c, id, s, FormFailure::Which::kEdit, "/orgs/" + std::to_string(id) + "?saved=1");
}

Result<HttpResponse> PostChild(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  OrgInput in;
  in.parent_id = id;
  Status s = ReadOrgForm(c.form, &in);
  std::string location;
  if (s.ok()) {
    Result<Organization> created =
        c.app().orgs().CreateOrg(c.principal(), in, ActorFor(c.session, c.request));
    s = created.status();
    if (created.ok()) location = "/orgs/" + std::to_string(created->id) + "?created=1";
  }
  return AfterPost(c, id, s, FormFailure::Which::kChild, location);
}

Result<HttpResponse> PostMove(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  std::optional<int64_t> parent;
  Status s = FormInt(c.form, "parent_id", "Tổ chức cấp trên", 1,
                     std::numeric_limits<int64_t>::max(), &parent);
  if (s.ok() && !parent) {
    s = Status::Invalid("form.missing", "Vui lòng chọn tổ chức cấp trên mới");
  }
  if (s.ok()) {
    s = c.app().orgs().Move(c.principal(), id, *parent, ActorFor(c.session, c.request)).status();
  }
  return AfterPost(c, id, s, FormFailure::Which::kMove, "/orgs/" + std::to_string(id) + "?moved=1");
}

Result<HttpResponse> PostClose(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  std::optional<Date> date;
  Status s = FormDate(c.form, "date", "Ngày hết hiệu lực", &date);
  if (s.ok() && !date) s = Status::Invalid("form.missing", "Vui lòng chọn ngày hết hiệu lực");
  if (s.ok()) {
    s = c.app().orgs().Close(c.principal(), id, *date, ActorFor(c.session, c.request)).status();
  }
  return AfterPost(c, id, s, FormFailure::Which::kClose,
                   "/orgs/" + std::to_string(id) + "?closed=1");
}

}  // namespace

void AddOrgPages(Router& router, WebContext& ctx) {
  router.Add("GET", "/orgs/{id}", PageRoute(ctx, OrgPage));
  router.Add("POST", "/orgs/{id}", PageRoute(ctx, PostEdit));
  router.Add("POST", "/orgs/{id}/children", PageRoute(ctx, PostChild));
  router.Add("POST", "/orgs/{id}/move", PageRoute(ctx, PostMove));
  router.Add("POST", "/orgs/{id}/close", PageRoute(ctx, PostClose));
}

}  // namespace nq::web
