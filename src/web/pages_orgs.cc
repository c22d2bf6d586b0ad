#include "web/pages_orgs.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/format.h"
#include "common/utf8.h"
#include "web/pages_common.h"

namespace nq::web {
namespace {

constexpr int kSearchLimit = 50;
constexpr size_t kMaxSearchQueryBytes = 200;

// Builds the template node of orgs[i] and, recursively, of its children.
mstch::map TreeNode(const std::vector<Organization>& orgs,
                    const std::vector<std::vector<size_t>>& children,
                    const std::vector<int64_t>& totals, size_t i, int depth) {
  const Organization& o = orgs[i];
  mstch::array kids;
  for (size_t child : children[i])
    kids.push_back(TreeNode(orgs, children, totals, child, depth + 1));
  const bool has_children = !kids.empty();
  return mstch::map{
      {"id", std::to_string(o.id)},
      {"name", o.name},
      {"kind", std::string(OrgKindCode(o.kind))},
      {"kind_label", std::string(OrgKindLabel(o.kind))},
      {"members", FormatIntVi(totals[i])},
      {"closed", o.valid_to.has_value()},
      {"closed_on", o.valid_to ? FormatVi(*o.valid_to) : std::string()},
      {"has_children", has_children},
      {"open", depth == 0},
      {"children", std::move(kids)},
  };
}

Result<HttpResponse> TreePage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(std::vector<Organization> orgs, c.app().orgs().Subtree(c.principal()));
  const Date today = Today();
  const std::vector<int64_t> totals = SubtreeMembers(orgs, today);
  std::unordered_map<int64_t, size_t> index;
  std::vector<std::vector<size_t>> children(orgs.size());
  int64_t active = 0, workers = 0;
  for (size_t i = 0; i < orgs.size(); ++i) {
    index[orgs[i].id] = i;
    if (orgs[i].parent_id) {
      const auto parent = index.find(*orgs[i].parent_id);
      if (parent != index.end()) children[parent->second].push_back(i);
    }
    if (IsActiveOn(orgs[i], today)) {
      ++active;
      workers += orgs[i].workers;
    }
  }
  mstch::map context{
      {"org_count", FormatIntVi(active)},
      {"members", FormatIntVi(totals.front())},
      {"workers", FormatIntVi(workers)},
      {"root", TreeNode(orgs, children, totals, 0, 0)},
  };
  return PageResponse(200, FrameFor(c, "Tổ chức đảng", "orgs"), "orgs", context);
}

Result<HttpResponse> Search(const PageCall& c) {
  std::string query = c.request.QueryParam("q");
  if (query.size() > kMaxSearchQueryBytes || !IsValidUtf8(query)) {
    return Status::Invalid("query.invalid", "Từ khóa tìm kiếm không hợp lệ");
  }
  query = std::string(Trim(query));
  mstch::map context{{"has_query", !query.empty()}, {"query", query}};
  if (!query.empty()) {
    OrgListQuery q;
    q.search = query;
    q.include_closed = true;
    q.limit = kSearchLimit;
    NQ_ASSIGN_OR_RETURN(OrgListPage page, c.app().orgs().List(c.principal(), q));
    const std::shared_ptr<const OrgTree> tree = c.app().orgs().tree();
    mstch::array items;
    for (const Organization& o : page.items) {
      // The path from the scope root down to the parent: where the match sits.
      std::string path;
      bool inside = false;
      for (int64_t step : tree->Path(o.id)) {
        inside = inside || step == c.principal().org_id;
        if (!inside || step == o.id) continue;
        const Organization* a = tree->Find(step);
        if (!a) continue;
        if (!path.empty()) path += " › ";
        path += a->name;
      }
      if (path.empty()) path = "Mã " + o.code;
      items.push_back(mstch::map{
          {"id", std::to_string(o.id)},
          {"name", o.name},
          {"kind", std::string(OrgKindCode(o.kind))},
          {"kind_label", std::string(OrgKindLabel(o.kind))},
          {"path", path},
          {"closed", o.valid_to.has_value()},
          {"closed_on", o.valid_to ? FormatVi(*o.valid_to) : std::string()},
      });
    }
    std::string summary = "Tìm thấy " + FormatIntVi(page.total) + " tổ chức";
    if (page.total > kSearchLimit)
      summary += ", hiển thị " + std::to_string(kSearchLimit) + " đầu tiên";
    context.emplace("has_items", !items.empty());
    context.emplace("items", std::move(items));
    context.emplace("summary", summary);
  }
  return HttpResponse::Html(200, RenderTemplate("org_search_results", context));
}

}  // namespace

void AddOrgTreePages(Router& router, WebContext& ctx) {
  router.Add("GET", "/orgs", PageRoute(ctx, TreePage));
  router.Add("GET", "/orgs/search", PageRoute(ctx, Search));
}

}  // namespace nq::web
