// One record (/records/view/{id}) and its deletion (pages_records.h).
#include <memory>
#include <string>
#include <utility>

#include "common/time.h"
#include "web/api_common.h"
#include "web/pages_records_internal.h"
#include "web/record_json.h"
#include "web/web_auth.h"

namespace nq::web::record_pages {
namespace {

// The lines of a text, for a page that shows its line breaks.
mstch::array Lines(const std::string& text) {
  mstch::array out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(mstch::map{{"line", std::move(line)}, {"last", end == text.size()}});
    start = end + 1;
  }
  return out;
}

// Who wrote the record, as far as the principal may know: the system, themselves, or a user an
// admin may look up; else the user's number.
std::string AuthorName(const PageCall& c, int64_t user_id) {
  if (user_id == 0) return "Hệ thống";
  if (user_id == c.principal().user_id) return c.principal().full_name;
  Result<UserView> u = c.app().users().Get(c.principal(), user_id);
  if (u.ok()) return u->full_name + " (" + u->username + ")";
  return "Người dùng số " + std::to_string(user_id);
}

}  // namespace

Result<HttpResponse> RecordPage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(
      Record r, c.app().records().GetRecord(c.principal(), id, ActorFor(c.session, c.request)));
  NQ_ASSIGN_OR_RETURN(RecordType t, c.app().records().GetType(c.principal(), r.type_id));
  const std::shared_ptr<const OrgTree> tree = c.app().orgs().tree();
  // The labels of the record's own version: an old record keeps its meaning.
  const RecordTypeVersion* own = t.Version(r.version);
  if (own == nullptr) own = t.Current();
  mstch::array fields;
  if (own != nullptr) {
    for (const FieldDef& f : own->fields) {
      const auto it = r.values.find(f.code);
      const bool present = it != r.values.end();
      fields.push_back(mstch::map{
          {"code", f.code},
          {"label", f.label},
          {"lines", present ? Lines(DisplayFieldValue(f, it->second, *tree)) : mstch::array{}},
          {"empty", !present}});
    }
  }
  // Values the version does not define (none, normally) are still shown, by code.
  for (const auto& [code, value] : r.values) {
    if (own != nullptr && own->Find(code) != nullptr) continue;
    fields.push_back(mstch::map{
        {"code", code}, {"label", code}, {"lines", Lines(CanonicalText(value))}, {"empty", false}});
  }
  const Organization* org = tree->Find(r.org_id);
  const std::optional<Date> date = RecordDate(t, r);
  mstch::map context{
      {"type", TypeContext(t)},
      {"record_id", std::to_string(r.id)},
      {"record_version", std::to_string(r.version)},
      {"is_old_version", t.Current() != nullptr && r.version != t.Current()->number},
      {"org_name", org ? org->name : "Tổ chức số " + std::to_string(r.org_id)},
      {"org_code", org ? org->code : std::string()},
      {"date", date ? FormatVi(*date) : std::string()},
      {"author", AuthorName(c, r.created_by)},
      {"created_at", FormatInstantVi(r.created_at)},
      {"fields", std::move(fields)},
      {"can_write", CanEnterData(c.principal().role)},
      {"csrf_token", c.session.csrf_token},
  };
  return PageResponse(200, FrameFor(c, t.name + " — hồ sơ số " + std::to_string(r.id), "records"),
                      "record", context);
}

Result<HttpResponse> PostDelete(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_RETURN_IF_ERROR(RequireDataEntry(c));
  const store::Actor actor = ActorFor(c.session, c.request);
  NQ_ASSIGN_OR_RETURN(Record r, c.app().records().GetRecord(c.principal(), id, actor));
  NQ_ASSIGN_OR_RETURN(RecordType t, c.app().records().GetType(c.principal(), r.type_id));
  if (c.form.Get("confirm").empty()) {
    return Status::Invalid("record.confirm_delete", "Hãy đánh dấu ô xác nhận trước khi xóa hồ sơ");
  }
  NQ_RETURN_IF_ERROR(c.app().records().DeleteRecord(c.principal(), id, actor));
  return HttpResponse::Redirect(TypeUrl(t) + "?deleted=1");
}

}  // namespace nq::web::record_pages
