#include "store/audit_text.h"

#include <cstdint>

#include "common/json_text.h"
#include "common/time.h"

namespace nq::store {

std::string OrganizationJson(const Organization& org) {
  return JsonObjectText()
      .Add("id", static_cast<int64_t>(org.id))
      .Add("code", org.code)
      .Add("name", org.name)
      .Add("kind", OrgKindCode(org.kind))
      .Add("sector", SectorCode(org.sector))
      .Add("parent_id", org.parent_id)
      .Add("sort_order", static_cast<int64_t>(org.sort_order))
      .Add("members", static_cast<int64_t>(org.members))
      .Add("workers", static_cast<int64_t>(org.workers))
      .Add("valid_from", FormatIso(org.valid_from))
      .Add("valid_to", org.valid_to)
      .str();
}

std::string UserJson(const User& user, bool password_changed) {
  JsonObjectText j;
  j.Add("id", static_cast<int64_t>(user.id))
      .Add("username", user.username)
      .Add("full_name", user.full_name)
      .Add("role", RoleCode(user.role))
      .Add("org_id", static_cast<int64_t>(user.org_id))
      .Add("board", BoardCode(user.board))
      .Add("disabled", user.disabled)
      .Add("created_at", static_cast<int64_t>(user.created_at));
  if (password_changed) j.Add("password_changed", true);
  return j.str();
}

std::string TermJson(const Term& term) {
  return JsonObjectText()
      .Add("id", static_cast<int64_t>(term.id))
      .Add("name", term.name)
      .Add("start", FormatIso(term.start))
      .Add("end", FormatIso(term.end))
      .Add("org_id", static_cast<int64_t>(term.org_id))
      .str();
}

std::string ResolutionJson(const Resolution& r) {
  return JsonObjectText()
      .Add("id", static_cast<int64_t>(r.id))
      .Add("term_id", static_cast<int64_t>(r.term_id))
      .Add("number", r.number)
      .Add("title", r.title)
      .Add("adopted", FormatIso(r.adopted))
      .str();
}

std::string TargetJson(const Target& t) {
  return JsonObjectText()
      .Add("id", static_cast<int64_t>(t.id))
      .Add("resolution_id", static_cast<int64_t>(t.resolution_id))
      .Add("code", t.code)
      .Add("position", static_cast<int64_t>(t.position))
      .Add("text", t.text)
      .Add("field", FieldCode(t.field))
      .Add("comparator", ComparatorCode(t.comparator))
      .Add("kind", TargetKindCode(t.kind))
      .Add("indicator", t.indicator)
      .Add("value", t.value)
      .Add("value_high", t.value_high)
      .Add("value_formula", t.value_formula)
      .Add("unit", t.unit)
      .Add("baseline", t.baseline)
      .str();
}

std::string ResolutionTaskJson(const ResolutionTask& t) {
  std::string codes;
  for (const std::string& c : t.target_codes) {
    if (!codes.empty()) codes += ',';
    codes += c;
  }
  return JsonObjectText()
      .Add("id", static_cast<int64_t>(t.id))
      .Add("resolution_id", static_cast<int64_t>(t.resolution_id))
      .Add("kind", ResolutionTaskKindCode(t.kind))
      .Add("position", static_cast<int64_t>(t.position))
      .Add("title", t.title)
      .Add("description", t.description)
      .Add("target_codes", codes)
      .str();
}

}  // namespace nq::store
