#include "web/api_records.h"

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/utf8.h"
#include "web/api_common.h"
#include "web/record_csv.h"
#include "web/record_json.h"
#include "web/record_write.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

constexpr int64_t kMaxLimit = 10000;
constexpr int64_t kMaxOffset = std::numeric_limits<int>::max();
constexpr int kDefaultJsonLimit = 200;

RecordService& Records(const ApiCall& c) { return c.app().records(); }

// The Content-Type's media type, lower case, without parameters.
std::string MediaType(const HttpRequest& r) {
  std::string_view type = r.Header("content-type");
  return AsciiLowerCopy(Trim(type.substr(0, type.find(';'))));
}

Result<HttpResponse> ListTypes(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(std::vector<RecordTypeView> types, Records(c).ListTypes(c.principal()));
  Json items = Json::array();
  for (const RecordTypeView& v : types) items.push_back(RecordTypeJson(v.type, v.records, false));
  return JsonResponse(200, Json{{"items", std::move(items)}});
}

Result<HttpResponse> GetType(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(RecordTypeView v, Records(c).GetTypeView(c.principal(), id));
  return JsonResponse(200, RecordTypeJson(v.type, v.records, true));
}

Result<HttpResponse> CreateType(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  RecordType t;
  NQ_RETURN_IF_ERROR(ReadRecordTypeJson(body, /*create=*/true, &t));
  NQ_ASSIGN_OR_RETURN(RecordType created,
                      Records(c).CreateType(c.principal(), t, ActorFor(*c.session, c.request)));
  HttpResponse r = JsonResponse(201, RecordTypeJson(created, 0, true));
  r.SetHeader("Location", "/api/v1/record-types/" + std::to_string(created.id));
  return r;
}

Result<HttpResponse> ReviseType(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  NQ_ASSIGN_OR_RETURN(RecordType t, Records(c).GetType(c.principal(), id));
  NQ_RETURN_IF_ERROR(ReadRecordTypeJson(body, /*create=*/false, &t));
  NQ_ASSIGN_OR_RETURN(RecordType revised,
                      Records(c).ReviseType(c.principal(), id, t, ActorFor(*c.session, c.request)));
  NQ_ASSIGN_OR_RETURN(RecordTypeView v, Records(c).GetTypeView(c.principal(), revised.id));
  return JsonResponse(200, RecordTypeJson(v.type, v.records, true));
}

Result<HttpResponse> ListRecords(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  std::string format = "json";
  if (c.request.HasQueryParam("format")) {
    NQ_RETURN_IF_ERROR(QueryText(c.request, "format", 8, &format));
    if (format != "json" && format != "csv") {
      return Status::Invalid("query.invalid", "Tham số \"format\" phải là json hoặc csv");
    }
  }
  const bool csv = format == "csv";
  RecordFilter f;
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "org_id", 1, kMaxId, &f.org_id));
  NQ_RETURN_IF_ERROR(QueryDate(c.request, "from", &f.from));
  NQ_RETURN_IF_ERROR(QueryDate(c.request, "to", &f.to));
  std::optional<int64_t> limit;
  std::optional<int64_t> offset;
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "limit", 1, kMaxLimit, &limit));
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "offset", 0, kMaxOffset, &offset));
  f.limit = static_cast<int>(limit.value_or(csv ? kMaxLimit : kDefaultJsonLimit));
  f.offset = static_cast<int>(offset.value_or(0));
  NQ_ASSIGN_OR_RETURN(RecordList list, Records(c).ListRecords(c.principal(), id, f,
                                                              ActorFor(*c.session, c.request)));
  const std::shared_ptr<const OrgTree> tree = c.app().orgs().tree();
  if (csv) {
    HttpResponse r;
    r.body = RecordsCsv(list.type, list.items, *tree);
    r.SetHeader("Content-Type", "text/csv; charset=utf-8");
    r.SetHeader("Content-Disposition",
                "attachment; filename=\"" + RecordsFileName(list.type, "csv") + "\"");
    r.SetHeader("X-Total-Count", std::to_string(list.total));
    r.SetHeader("X-Withheld-Count", std::to_string(list.withheld));
    return r;
  }
  Json items = Json::array();
  for (const Record& rec : list.items) items.push_back(RecordJson(list.type, rec, *tree));
  const RecordTypeVersion* current = list.type.Current();
  Json body;
  body["type"] = Json{{"id", list.type.id},
                      {"code", list.type.code},
                      {"name", list.type.name},
                      {"privacy", RecordPrivacyCode(list.type.privacy)},
                      {"version", current ? current->number : 0}};
  body["total"] = list.total;
  body["withheld"] = list.withheld;
  body["limit"] = f.limit;
  body["offset"] = f.offset;
  body["items"] = std::move(items);
  return JsonResponse(200, body);
}

// 422 with every problem of a refused record.
HttpResponse InvalidRecord(const Status& s, const std::vector<FieldProblem>& problems) {
  Json list = Json::array();
  for (const FieldProblem& p : problems) list.push_back(ProblemJson(p));
  Json error{{"code", CodeName(s.code())},
             {"key", s.key()},
             {"message", s.message()},
             {"problems", std::move(list)}};
  return JsonResponse(422, Json{{"error", std::move(error)}});
}

Result<HttpResponse> CreateRecord(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t type_id, PathId(c.params));
  if (!HasJsonContentType(c.request)) return ReadJsonBody(c.request).status();
  NQ_ASSIGN_OR_RETURN(RecordBody body, ReadRecordBody(c.request.body));
  std::vector<FieldProblem> problems;
  Result<Record> created = Records(c).CreateRecord(c.principal(), type_id, body.org_id,
                                                   body.values, ActorFor(*c.session, c.request),
                                                   &problems);
  if (!created.ok()) {
    if (!problems.empty()) return InvalidRecord(created.status(), problems);
    return created.status();
  }
  NQ_ASSIGN_OR_RETURN(RecordType t, Records(c).GetType(c.principal(), type_id));
  HttpResponse r = JsonResponse(201, RecordJson(t, *created, *c.app().orgs().tree()));
  r.SetHeader("Location", "/api/v1/records/" + std::to_string(created->id));
  return r;
}

Result<HttpResponse> GetRecord(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(Record rec,
                      Records(c).GetRecord(c.principal(), id, ActorFor(*c.session, c.request)));
  NQ_ASSIGN_OR_RETURN(RecordType t, Records(c).GetType(c.principal(), rec.type_id));
  return JsonResponse(200, RecordJson(t, rec, *c.app().orgs().tree()));
}

Result<HttpResponse> DeleteRecord(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_RETURN_IF_ERROR(Records(c).DeleteRecord(c.principal(), id, ActorFor(*c.session, c.request)));
  return NoContent();
}

Result<HttpResponse> Import(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t type_id, PathId(c.params));
  std::optional<bool> dry_run;
  NQ_RETURN_IF_ERROR(QueryBool(c.request, "dry_run", &dry_run));
  const std::string media = MediaType(c.request);
  RecordsCsvInput in;
  if (media == "text/csv") {
    in = ReadRecordsCsv(c.request.body);
  } else if (media == "application/json") {
    NQ_ASSIGN_OR_RETURN(in.rows, ReadImportJson(c.request.body, kMaxImportRows));
  } else {
    return Status::Invalid("import.content_type",
                           "Nội dung nhập phải là tệp CSV (Content-Type: text/csv) hoặc JSON "
                           "(application/json)");
  }
  if (in.rows.size() > kMaxImportRows) {
    return Status::TooLarge("import.too_many_rows",
                            "Tệp nhập có quá " + std::to_string(kMaxImportRows) + " dòng");
  }
  NQ_ASSIGN_OR_RETURN(
      RecordImportReport report,
      ImportRecordRows(c.app(), c.principal(), type_id, in.rows, std::move(in.problems),
                       dry_run.value_or(false), ActorFor(*c.session, c.request)));
  const int status = report.problems.empty() ? 200 : 422;
  return JsonResponse(status, ImportReportJson(report, dry_run.value_or(false)));
}

}  // namespace

void AddRecordApi(Router& router, WebContext& ctx) {
  router.Add("GET", "/api/v1/record-types", ApiRoute(ctx, ListTypes));
  router.Add("POST", "/api/v1/record-types", ApiRoute(ctx, CreateType));
  router.Add("GET", "/api/v1/record-types/{id}", ApiRoute(ctx, GetType));
  router.Add("PUT", "/api/v1/record-types/{id}", ApiRoute(ctx, ReviseType));
  router.Add("GET", "/api/v1/record-types/{id}/records", ApiRoute(ctx, ListRecords));
  router.Add("POST", "/api/v1/record-types/{id}/records", ApiRoute(ctx, CreateRecord));
  router.Add("POST", "/api/v1/record-types/{id}/import", ApiRoute(ctx, Import));
  router.Add("GET", "/api/v1/records/{id}", ApiRoute(ctx, GetRecord));
  router.Add("DELETE", "/api/v1/records/{id}", ApiRoute(ctx, DeleteRecord));
}

}  // namespace nq::web
