// The list of record types (/records), the records of one type (/records/{code}), what the
// record pages share, and the registration of every record page (pages_records.h). One record
// is in pages_record_view.cc, the form in pages_record_form.cc, the import in
// pages_record_import.cc.
#include "web/pages_records.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/format.h"
#include "common/time.h"
#include "common/utf8.h"
#include "web/api_common.h"
#include "web/pages_records_internal.h"
#include "web/record_csv.h"
#include "web/record_json.h"
#include "web/web_auth.h"

namespace nq::web {
namespace record_pages {

Result<RecordType> TypeFromPath(const PageCall& c) {
  return c.app().records().GetTypeByCode(c.principal(), c.params.Get("code"));
}

std::string TypeUrl(const RecordType& t) { return "/records/" + PercentEncode(t.code); }

mstch::map TypeContext(const RecordType& t) {
  const RecordTypeVersion* current = t.Current();
  return mstch::map{{"id", std::to_string(t.id)},
                    {"code", t.code},
                    {"name", t.name},
                    {"description", t.description},
                    {"url", TypeUrl(t)},
                    {"personal", t.privacy == RecordPrivacy::kPersonal},
                    {"privacy_label", std::string(RecordPrivacyLabel(t.privacy))},
                    {"version", std::to_string(current ? current->number : 0)}};
}

std::string Shorten(std::string_view text, size_t max_chars) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;  // a continuation byte
    if (count == max_chars) return std::string(text.substr(0, i)) + "…";
    ++count;
  }
  return std::string(text);
}

Status RequireDataEntry(const PageCall& c) {
  if (CanEnterData(c.principal().role)) return Status::Ok();
  return Status::Forbidden("role.denied", "Vai trò của bạn chỉ được xem, không được ghi hồ sơ");
}

namespace {

constexpr int kPageSize = 50;
constexpr size_t kCellChars = 80;
Result<HttpResponse> TypesPage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(std::vector<RecordTypeView> types,
                      c.app().records().ListTypes(c.principal()));
  mstch::array cards;
  for (const RecordTypeView& v : types) {
    mstch::map card = TypeContext(v.type);
    card.emplace("count", FormatIntVi(v.readable));
    card.emplace("withheld", v.withheld > 0 ? FormatIntVi(v.withheld) : std::string());
    cards.push_back(std::move(card));
  }
  mstch::map context{{"types", std::move(cards)},
                     {"type_count", FormatIntVi(static_cast<int64_t>(types.size()))}};
  return PageResponse(200, FrameFor(c, "Hồ sơ công tác đảng", "records"), "records", context);
}

// The list's filters as asked.
struct ListQuery {
  std::optional<int64_t> org;
  std::optional<Date> from;
  std::optional<Date> to;
  int64_t page = 1;

  // The query string of these filters (without the page), starting with '&' when not empty.
  std::string Filters(std::string_view org_name = "org") const {
    std::string q;
    if (org) q += "&" + std::string(org_name) + "=" + std::to_string(*org);
    if (from) q += "&from=" + FormatIso(*from);
    if (to) q += "&to=" + FormatIso(*to);
    return q;
  }
};

Status QueryDateViOrIso(const HttpRequest& r, std::string_view name, std::string_view label,
                        std::optional<Date>* out) {
  const std::string text(Trim(r.QueryParam(name)));
  if (text.empty()) return Status::Ok();
  *out = ParseDateIsoOrVi(text);
  if (!*out) {
    return Status::Invalid("query.invalid",
                           std::string(label) + " phải là ngày dạng 17/5/2023 hoặc 2023-05-17");
  }
  return Status::Ok();
}

Result<ListQuery> ReadListQuery(const HttpRequest& r) {
  ListQuery q;
  if (!r.QueryParam("org").empty()) {
    NQ_RETURN_IF_ERROR(QueryInt(r, "org", 1, std::numeric_limits<int64_t>::max(), &q.org));
  }
  NQ_RETURN_IF_ERROR(QueryDateViOrIso(r, "from", "Từ ngày", &q.from));
  NQ_RETURN_IF_ERROR(QueryDateViOrIso(r, "to", "Đến ngày", &q.to));
  std::optional<int64_t> page;
  if (!r.QueryParam("page").empty()) NQ_RETURN_IF_ERROR(QueryInt(r, "page", 1, 100000, &page));
  q.page = page.value_or(1);
  return q;
}

mstch::map RowContext(const RecordType& t, const Record& r, const OrgTree& tree) {
  const RecordTypeVersion* current = t.Current();
  mstch::array cells;
  if (current != nullptr) {
    for (const FieldDef& column : current->fields) {
      const auto it = r.values.find(column.code);
      std::string text;
      if (it != r.values.end()) {
        const FieldDef* f = RecordField(t, r, column.code);
        text = DisplayFieldValue(f ? *f : column, it->second, tree);
      }
      const bool number = column.type == FieldType::kNumber;
      cells.push_back(mstch::map{{"text", Shorten(text, kCellChars)},
                                 {"full", text},
                                 {"number", number},
                                 {"empty", text.empty()}});
    }
  }
  const Organization* org = tree.Find(r.org_id);
  return mstch::map{{"id", std::to_string(r.id)},
                    {"url", "/records/view/" + std::to_string(r.id)},
                    {"org_name", org ? org->name : std::string()},
                    {"cells", std::move(cells)}};
}

std::string ListNotice(const HttpRequest& r) {
  if (r.HasQueryParam("created")) return "Đã ghi hồ sơ.";
  if (r.HasQueryParam("deleted")) return "Đã xóa hồ sơ.";
  return "";
}

}  // namespace

Result<HttpResponse> ListPage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(RecordType t, TypeFromPath(c));
  NQ_ASSIGN_OR_RETURN(ListQuery q, ReadListQuery(c.request));
  RecordFilter f;
  f.org_id = q.org;
  f.from = q.from;
  f.to = q.to;
  f.limit = kPageSize;
  f.offset = static_cast<int>((q.page - 1) * kPageSize);
  NQ_ASSIGN_OR_RETURN(RecordList list, c.app().records().ListRecords(
                                           c.principal(), t.id, f, ActorFor(c.session, c.request)));
  NQ_ASSIGN_OR_RETURN(mstch::array org_options,
                      ScopeOrgOptions(
                          c, [](const Organization&) { return true; },
                          q.org ? std::to_string(*q.org) : std::string()));
  const std::shared_ptr<const OrgTree> tree = c.app().orgs().tree();
  const RecordType& type = list.type.id != 0 ? list.type : t;
  mstch::array columns;
  if (const RecordTypeVersion* current = type.Current()) {
    for (const FieldDef& fd : current->fields) {
      columns.push_back(mstch::map{{"label", fd.label},
                                   {"number", fd.type == FieldType::kNumber},
                                   {"required", fd.required}});
    }
  }
  mstch::array rows;
  for (const Record& r : list.items) rows.push_back(RowContext(type, r, *tree));

  const int64_t pages = std::max<int64_t>(1, (list.total + kPageSize - 1) / kPageSize);
  const std::string base = TypeUrl(type) + "?";
  const std::string filters = q.Filters();
  const std::string api = "/api/v1/record-types/" + std::to_string(type.id) + "/records?";
  const std::string api_filters = q.Filters("org_id");
  const int64_t first = list.total == 0 ? 0 : (q.page - 1) * kPageSize + 1;
  const int64_t last = std::min<int64_t>(list.total, q.page * kPageSize);
  mstch::map context{
      {"type", TypeContext(type)},
      {"can_write", CanEnterData(c.principal().role)},
      {"notice", ListNotice(c.request)},
      {"org_options", std::move(org_options)},
      {"from", q.from ? FormatIso(*q.from) : std::string()},
      {"to", q.to ? FormatIso(*q.to) : std::string()},
      {"columns", std::move(columns)},
      {"column_count", std::to_string(2 + (type.Current() ? type.Current()->fields.size() : 0))},
      {"rows", std::move(rows)},
      {"has_rows", !list.items.empty()},
      {"total", FormatIntVi(list.total)},
      {"range", list.total == 0 ? std::string() : FormatIntVi(first) + "–" + FormatIntVi(last)},
      {"withheld", list.withheld > 0 ? FormatIntVi(list.withheld) : std::string()},
      {"page", FormatIntVi(q.page)},
      {"pages", FormatIntVi(pages)},
      {"has_pages", pages > 1},
      {"prev_url",
       q.page > 1 ? base + "page=" + std::to_string(q.page - 1) + filters : std::string()},
      {"next_url",
       q.page < pages ? base + "page=" + std::to_string(q.page + 1) + filters : std::string()},
      {"csv_url", api + "format=csv" + api_filters},
      {"json_url", api + "format=json&limit=10000" + api_filters},
      {"csv_name", RecordsFileName(type, "csv")},
      {"json_name", RecordsFileName(type, "json")},
  };
  return PageResponse(200, FrameFor(c, type.name, "records"), "record_list", context);
}

}  // namespace record_pages

void AddRecordPages(Router& router, WebContext& ctx) {
  using namespace record_pages;  // NOLINT(google-build-using-namespace): the handlers
  router.Add("GET", "/records", PageRoute(ctx, TypesPage));
  router.Add("GET", "/records/view/{id}", PageRoute(ctx, RecordPage));
  router.Add("POST", "/records/view/{id}/delete", PageRoute(ctx, PostDelete));
  router.Add("GET", "/records/{code}", PageRoute(ctx, ListPage));
  router.Add("GET", "/records/{code}/new", PageRoute(ctx, NewPage));
  router.Add("POST", "/records/{code}/new", PageRoute(ctx, PostNew));
  router.Add("GET", "/records/{code}/import", PageRoute(ctx, ImportPage));
  router.Add("POST", "/records/{code}/import", PageRoute(ctx, PostImport));
}

}  // namespace nq::web
