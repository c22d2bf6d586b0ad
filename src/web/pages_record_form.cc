// The form of a record type's current version (/records/{code}/new), generated from its fields
// (pages_records.h).
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/utf8.h"
#include "web/api_common.h"
#include "web/json_io.h"
#include "web/pages_records_internal.h"
#include "web/record_write.h"
#include "web/web_auth.h"

namespace nq::web::record_pages {
namespace {

std::string InputName(const FieldDef& f) { return "f." + f.code; }

mstch::array ChoiceOptions(const std::vector<std::pair<std::string, std::string>>& items,
                           const std::string& value) {
  mstch::array out;
  for (const auto& [code, label] : items) {
    out.push_back(mstch::map{{"value", code}, {"label", label}, {"selected", code == value}});
  }
  return out;
}

// The options of a yes/no select; the value typed is matched loosely ("Có", "co", "1").
mstch::array YesNoOptions(const std::string& value) {
  const std::string folded = FoldForSearch(value);
  std::string chosen;
  if (folded == "co" || folded == "1" || folded == "true" || folded == "x") chosen = "có";
  if (folded == "khong" || folded == "0" || folded == "false") chosen = "không";
  return ChoiceOptions({{"có", "Có"}, {"không", "Không"}}, chosen);
}

mstch::array CategoryOptions(const FieldDef& f, const std::string& value) {
  std::vector<std::pair<std::string, std::string>> items;
  for (const CategoryOption& o : f.options) items.emplace_back(o.code, o.label);
  return ChoiceOptions(items, value);
}

// The context of one input: what kind, its value as typed, its problems.
Result<mstch::map> FieldContext(const PageCall& c, const FieldDef& f, const std::string& value,
                                const std::vector<std::string>& errors) {
  std::string error;
  for (const std::string& e : errors) error += (error.empty() ? "" : " ") + e;
  mstch::map m{{"code", f.code},
               {"name", InputName(f)},
               {"input_id", "rf-" + f.code},
               {"label", f.label},
               {"required", f.required},
               {"help", f.help},
               {"value", value},
               {"error", error},
               {"type_label", std::string(FieldTypeLabel(f.type))},
               {"is_textarea", f.type == FieldType::kText},
               {"is_input", f.type == FieldType::kMember || f.type == FieldType::kDocument},
               {"is_number", f.type == FieldType::kNumber},
               {"is_date", f.type == FieldType::kDate},
               {"is_yes_no", f.type == FieldType::kYesNo},
               {"is_category", f.type == FieldType::kCategory},
               {"is_org", f.type == FieldType::kOrganization}};
  if (IsTextLike(f.type)) m.emplace("max_length", std::to_string(MaxLengthOf(f)));
  if (f.type == FieldType::kYesNo) m.emplace("options", YesNoOptions(value));
  if (f.type == FieldType::kCategory) m.emplace("options", CategoryOptions(f, value));
  if (f.type == FieldType::kOrganization) {
    NQ_ASSIGN_OR_RETURN(mstch::array orgs, ScopeOrgOptions(
                                               c, [](const Organization&) { return true; }, value));
    m.emplace("options", std::move(orgs));
  }
  return m;
}

// The form page with the values of `form` (empty on GET) and `problems` beside their fields.
Result<HttpResponse> RenderForm(const PageCall& c, const RecordType& t, int status,
                                const std::vector<FieldProblem>& problems) {
  const RecordTypeVersion* v = t.Current();
  if (v == nullptr) {
    return Status::Internal("record_type.no_version", "Loại hồ sơ chưa có phiên bản nào");
  }
  std::map<std::string, std::vector<std::string>> by_field;
  mstch::array general;
  for (const FieldProblem& p : problems) {
    if (!p.field.empty() && v->Find(p.field) != nullptr) {
      by_field[p.field].push_back(p.message);
    } else {
      general.push_back(mstch::map{{"message", p.message}});
    }
  }
  mstch::array fields;
  for (const FieldDef& f : v->fields) {
    NQ_ASSIGN_OR_RETURN(mstch::map field,
                        FieldContext(c, f, c.form.Get(InputName(f)), by_field[f.code]));
    fields.push_back(std::move(field));
  }
  const std::string org =
      c.form.Has("org_id") ? c.form.Get("org_id") : std::to_string(c.principal().org_id);
  NQ_ASSIGN_OR_RETURN(mstch::array org_options,
                      ScopeOrgOptions(
                          c, [](const Organization&) { return true; }, org));
  const bool has_problems = !problems.empty();
  mstch::map context{{"type", TypeContext(t)},
                     {"csrf_token", c.session.csrf_token},
                     {"fields", std::move(fields)},
                     {"org_options", std::move(org_options)},
                     {"general_errors", std::move(general)},
                     {"has_problems", has_problems},
                     {"problem_count", std::to_string(problems.size())}};
  return PageResponse(status, FrameFor(c, "Thêm hồ sơ — " + t.name, "records"), "record_form",
                      context);
}

}  // namespace

Result<HttpResponse> NewPage(const PageCall& c) {
  NQ_RETURN_IF_ERROR(RequireDataEntry(c));
  NQ_ASSIGN_OR_RETURN(RecordType t, TypeFromPath(c));
  return RenderForm(c, t, 200, {});
}

Result<HttpResponse> PostNew(const PageCall& c) {
  NQ_RETURN_IF_ERROR(RequireDataEntry(c));
  NQ_ASSIGN_OR_RETURN(RecordType t, TypeFromPath(c));
  const RecordTypeVersion* v = t.Current();
  if (v == nullptr) {
    return Status::Internal("record_type.no_version", "Loại hồ sơ chưa có phiên bản nào");
  }
  std::optional<int64_t> org_id;
  const Status org_status = FormInt(c.form, "org_id", "Tổ chức ghi hồ sơ", 1,
                                    std::numeric_limits<int64_t>::max(), &org_id);
  if (!org_status.ok() || !org_id) {
    FieldProblem p;
    p.key = "record.org_required";
    p.message = org_status.ok() ? "Hãy chọn tổ chức ghi hồ sơ" : org_status.message();
    return RenderForm(c, t, 400, {p});
  }
  std::map<std::string, std::string> input;
  for (const FieldDef& f : v->fields) {
    const std::string text(Trim(c.form.Get(InputName(f))));
    if (!text.empty()) input[f.code] = text;
  }
  std::vector<FieldProblem> problems;
  Result<Record> created = c.app().records().CreateRecord(c.principal(), t.id, *org_id, input,
                                                         ActorFor(c.session, c.request), &problems);
  if (created.ok()) return HttpResponse::Redirect(TypeUrl(t) + "?created=1");
  const Status& s = created.status();
  if (!problems.empty()) return RenderForm(c, t, 422, problems);
  if (s.code() != Code::kInvalid) return s;
  FieldProblem p;
  p.key = s.key();
  p.message = s.message();
  return RenderForm(c, t, HttpStatusFor(s.code()), {p});
}

}  // namespace nq::web::record_pages
