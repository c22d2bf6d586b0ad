#include "service/data_service_internal.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <utility>

#include "common/time.h"
#include "common/utf8.h"
#include "domain/formula.h"
#include "service/scope.h"

namespace nq::data_internal {
namespace {

}  // namespace

Status CheckDefinitionWriter(const Principal& p) { return CheckCanEditPlan(p); }

Status CheckValueWriter(const OrgTree& tree, const Principal* p, int64_t org_id) {
  if (p == nullptr) return tree.Contains(org_id) ? Status::Ok() : OrgNotFound();
  if (!CanEnterData(p->role)) {
    return RoleDenied();
  }
  return CheckInScope(tree, *p, org_id);
}

bool IsApprover(const OrgTree& tree, const Principal& p, int64_t org_id) {
  if (p.role != Role::kAdmin && p.role != Role::kCommittee) return false;
  if (!tree.InSubtree(p.org_id, org_id)) return false;
  if (p.org_id != org_id) return true;
  const Organization* org = tree.Find(org_id);
  return org != nullptr && !org->parent_id.has_value();
}

Status CheckApprover(const OrgTree& tree, const Principal& p, int64_t org_id) {
  if (p.role != Role::kAdmin && p.role != Role::kCommittee) return RoleDenied();
  NQ_RETURN_IF_ERROR(CheckInScope(tree, p, org_id));
  if (IsApprover(tree, p, org_id)) return Status::Ok();
  return Status::Forbidden("report.own_level",
                           "Báo cáo của tổ chức do cấp trên trực tiếp duyệt hoặc mở lại");
}

std::string ReportKey(int64_t org_id, int64_t data_set_id, const Period& period) {
  return std::to_string(org_id) + "/" + std::to_string(data_set_id) + "/" + period.ToString();
}

Report DraftReport(int64_t org_id, int64_t data_set_id, const Period& period) {
  Report r;
  r.org_id = org_id;
  r.data_set_id = data_set_id;
  r.period = period;
  return r;
}

bool IsLocked(const Report& r) { return r.state != ReportState::kDraft; }

Status ElementNotFound() {
  return Status::NotFound("element.not_found", "Không tìm thấy chỉ tiêu báo cáo");
}

Status DataSetNotFound() {
  return Status::NotFound("dataset.not_found", "Không tìm thấy biểu mẫu báo cáo");
}

Status PeriodTypeMismatch(const std::string& name, PeriodType expected, const Period& period) {
  return Status::Invalid("value.period_type",
                         "Kỳ báo cáo " + period.ToString() + " không đúng loại kỳ của '" + name +
                             "' (" + PeriodTypeLabel(expected) + ")");
}

Status NotExpected(const Organization& org, const DataSet& s, const Period& period) {
  return Status::Invalid("value.not_expected", "Tổ chức " + org.code + " không báo cáo biểu mẫu '" +
                                                   s.name + "' trong kỳ " + period.Label());
}

Status Locked() {
  return Status::Conflict("value.locked",
                          "Số liệu đã gửi/đã duyệt, không thể sửa; đề nghị cấp trên mở lại");
}

// --- Definitions ------------------------------------------------------------------------------

Result<Definitions> Definitions::Load(store::Tx& tx) {
  Definitions d;
  NQ_ASSIGN_OR_RETURN(d.elements, tx.ListDataElements());
  NQ_ASSIGN_OR_RETURN(d.sets, tx.ListDataSets());
  for (size_t i = 0; i < d.elements.size(); ++i) {
    d.element_by_id[d.elements[i].id] = i;
    d.element_by_code[d.elements[i].code] = i;
  }
  for (size_t i = 0; i < d.sets.size(); ++i) {
    d.set_by_id[d.sets[i].id] = i;
    for (int64_t e : d.sets[i].element_ids) d.set_by_element[e] = i;
  }
  return d;
}

const DataElement* Definitions::Element(int64_t id) const {
  auto it = element_by_id.find(id);
  return it == element_by_id.end() ? nullptr : &elements[it->second];
}

const DataElement* Definitions::ElementByCode(const std::string& code) const {
  auto it = element_by_code.find(code);
  return it == element_by_code.end() ? nullptr : &elements[it->second];
}

const DataSet* Definitions::SetOf(int64_t element_id) const {
  auto it = set_by_element.find(element_id);
  return it == set_by_element.end() ? nullptr : &sets[it->second];
}

const DataSet* Definitions::Set(int64_t id) const {
  auto it = set_by_id.find(id);
  return it == set_by_id.end() ? nullptr : &sets[it->second];
}

std::vector<DataElement> Definitions::ElementsOf(const DataSet& s) const {
  std::vector<DataElement> out;
  for (int64_t id : s.element_ids) {
    if (const DataElement* e = Element(id)) out.push_back(*e);
  }
  return out;
}

Result<std::vector<DataValue>> ReportValues(store::Tx& tx, const DataSet& s, int64_t org_id,
                                            const Period& period) {
  store::Tx::ValueQuery q;
  q.org_ids = {org_id};
  q.element_ids = s.element_ids;
  q.from = period.start();
  q.to = period.start();
  q.period_type = period.type();
  NQ_ASSIGN_OR_RETURN(std::vector<DataValue> values, tx.ListValues(q));
  std::erase_if(values, [&](const DataValue& v) { return v.period != period; });
  return values;
}

// --- validation rules -------------------------------------------------------------------------

std::vector<RuleViolation> CheckRules(const DataSet& s, const std::vector<DataElement>& elements,
                                      const std::unordered_map<int64_t, double>& values) {
  auto find_code = [&](std::string_view code) -> const DataElement* {
    for (const DataElement& e : elements) {
      if (e.code == code) return &e;
    }
    return nullptr;
  };
  auto lookup = [&](std::string_view code) -> std::optional<double> {
    const DataElement* e = find_code(code);
    if (e == nullptr) return std::nullopt;
    auto it = values.find(e->id);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
  auto category_index = [&](std::string_view code,
                            std::string_view text) -> std::optional<double> {
    const DataElement* e = find_code(code);
    if (e == nullptr) return std::nullopt;
    for (size_t i = 0; i < e->categories.size(); ++i) {
      if (EqualsIgnoreCaseAscii(e->categories[i], text)) return static_cast<double>(i);
    }
    return std::nullopt;
  };

  std::vector<RuleViolation> out;
  for (const ValidationRule& rule : s.rules) {
    Result<Formula> f = Formula::Parse(rule.condition);
    if (!f.ok()) {
      out.push_back({rule.code, rule.message + " (" + f.status().message() + ")"});
      continue;
    }
    Result<std::optional<double>> r = f->EvaluatePlain(lookup, category_index);
    if (!r.ok()) {
      if (r.status().key() == "formula.div_zero") continue;  // nothing to compare yet
      out.push_back({rule.code, rule.message + " (" + r.status().message() + ")"});
      continue;
    }
    if (r->has_value() && **r == 0) out.push_back({rule.code, rule.message});
  }
  return out;
}

std::vector<RuleViolation> CheckRules(const DataSet& s, const std::vector<DataElement>& elements,
                                      const std::vector<DataValue>& values) {
  std::unordered_map<int64_t, double> by_element;
  for (const DataValue& v : values) by_element[v.element_id] = v.value;
  return CheckRules(s, elements, by_element);
}

std::string JoinViolations(const std::vector<RuleViolation>& v) {
  std::string out;
  for (const RuleViolation& r : v) {
    if (!out.empty()) out += "; ";
    out += r.code + ": " + r.message;
  }
  return out;
}

// --- one value write --------------------------------------------------------------------------

Result<PlannedWrite> PlanWrite(store::Tx& tx, const OrgTree& tree, const Definitions& defs,
                               const Principal* p, const ValueInput& in, const store::Actor& a,
                               std::unordered_map<std::string, Report>* reports) {
  NQ_RETURN_IF_ERROR(CheckValueWriter(tree, p, in.org_id));
  const DataElement* e = defs.Element(in.element_id);
  if (e == nullptr) return ElementNotFound();
  if (in.period.type() != e->period_type) {
    return PeriodTypeMismatch(e->name, e->period_type, in.period);
  }
  PlannedWrite w;
  w.set = defs.SetOf(e->id);
  if (w.set != nullptr) {
    const Organization& org = *tree.Find(in.org_id);
    if (!Reports(*w.set, org, in.period)) return NotExpected(org, *w.set, in.period);
    const std::string key = ReportKey(in.org_id, w.set->id, in.period);
    auto it = reports->find(key);
    if (it == reports->end()) {
      NQ_ASSIGN_OR_RETURN(std::optional<Report> stored,
                          tx.GetReport(in.org_id, w.set->id, in.period));
      it = reports->emplace(key, stored.value_or(DraftReport(in.org_id, w.set->id, in.period)))
               .first;
    }
    if (IsLocked(it->second)) return Locked();
  }
  NQ_ASSIGN_OR_RETURN(w.old, tx.GetValue(in.org_id, in.element_id, in.period));

  w.value.org_id = in.org_id;
  w.value.element_id = in.element_id;
  w.value.period = in.period;
  w.value.estimate = in.estimate;
  w.value.comment = in.comment;
  w.value.updated_by = a.user_id;
  w.value.updated_at = NowUnix();
  if (in.text.empty()) {
    w.erase = true;
    w.changed = w.old.has_value();
    return w;
  }
  NQ_ASSIGN_OR_RETURN(w.value.value, ParseValue(*e, in.text));
  w.changed = !w.old.has_value() || w.old->value != w.value.value ||
              w.old->estimate != w.value.estimate || w.old->comment != w.value.comment;
  if (!w.changed) w.value = *w.old;  // keep who and when of the stored value
  return w;
}

Status ApplyWrite(store::Tx& tx, const PlannedWrite& w) {
  if (!w.changed) return Status::Ok();
  if (w.erase) return tx.DeleteValue(w.value.org_id, w.value.element_id, w.value.period);
  return tx.UpsertValue(w.value);
}

}  // namespace nq::data_internal
