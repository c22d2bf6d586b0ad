#include "service/analytics_service.h"

#include <algorithm>
#include <string>
#include <utility>

#include "common/log.h"
#include "service/scope.h"

namespace nq {
namespace {

analytics::ElementShape ShapeOf(const DataElement& e) {
  return analytics::ElementShape{e.id, e.period_type, e.org_aggregation, e.time_aggregation};
}

Status TargetNotFound(const std::string& code) {
  return Status::NotFound("target.not_found", "Không tìm thấy mục tiêu '" + code + "'");
}

Date YearEnd(int year) { return Date{year, 12, 31}; }

// Adds stored records to the index at once; when the bulk load refuses one (an organization or
// type the index lacks), loads them one by one so that only the bad ones are left out, each
// named in the log.
void LoadRecords(analytics::RecordIndex& index, const std::vector<Record>& records) {
  const Status loaded = index.Load(records);
  if (loaded.ok()) return;
  log::Warn("analytics: bulk load of records refused (" + loaded.ToString() +
            "); loading one by one");
  for (const Record& r : records) {
    const Status st = index.Insert(r);
    if (!st.ok()) log::Warn("analytics: record left out of the index: " + st.ToString());
  }
}

}  // namespace

Result<std::unique_ptr<AnalyticsService>> AnalyticsService::Create(store::Database* db,
                                                                   OrgService* orgs,
                                                                   PlanService* plans) {
  std::unique_ptr<AnalyticsService> s(new AnalyticsService());
  s->db_ = db;
  s->orgs_ = orgs;
  s->plans_ = plans;
  // The version is read before the tree, so the tree is at least as new as the version.
  s->tree_version_ = orgs->version();
  s->index_ = std::make_unique<analytics::ValueIndex>(*orgs->tree());

  NQ_ASSIGN_OR_RETURN(auto tx, db->Begin(store::Actor{}, store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(std::vector<DataElement> elements, tx->ListDataElements());
  for (const DataElement& e : elements) s->index_->DefineElement(ShapeOf(e));
  NQ_ASSIGN_OR_RETURN(std::vector<DataValue> values, tx->ListValues(store::Tx::ValueQuery{}));
  Status loaded = s->index_->Load(values);
  if (!loaded.ok()) {
    // One value the index cannot hold (e.g. a period before 2000) must not keep the server
    // down: load the others one by one and name the ones left out in the log.
    log::Warn("analytics: bulk load refused (" + loaded.ToString() + "); loading one by one");
    for (const DataValue& v : values) {
      Status st = s->index_->Set(v.org_id, v.element_id, v.period, v.value, v.estimate);
      if (!st.ok()) log::Warn("analytics: value left out of the index: " + st.ToString());
    }
  }
  s->catalog_ = std::make_shared<const analytics::ElementCatalog>(std::move(elements));

  s->records_ = std::make_unique<analytics::RecordIndex>(*orgs->tree());
  NQ_ASSIGN_OR_RETURN(std::vector<RecordType> types, tx->ListRecordTypes());
  for (const RecordType& t : types) s->records_->DefineType(t);
  NQ_ASSIGN_OR_RETURN(std::vector<Record> records, tx->ListRecords(store::Tx::RecordQuery{}));
  LoadRecords(*s->records_, records);
  return s;
}

std::shared_ptr<const analytics::ElementCatalog> AnalyticsService::catalog() const {
  std::shared_lock lock(catalog_mu_);
  return catalog_;
}

void AnalyticsService::SyncTree() const {
  std::lock_guard lock(tree_mu_);
  const uint64_t v = orgs_->version();
  if (v == tree_version_) return;
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  index_->ReplaceTree(*tree);
  records_->ReplaceTree(*tree);
  tree_version_ = v;
}

void AnalyticsService::OnElementChanged(const DataElement& e) {
  std::optional<PeriodType> old_type;
  {
    std::unique_lock lock(catalog_mu_);
    std::vector<DataElement> elements = catalog_->elements();
    auto it = std::find_if(elements.begin(), elements.end(),
                           [&](const DataElement& x) { return x.id == e.id; });
    if (it == elements.end()) {
      elements.push_back(e);
    } else {
      old_type = it->period_type;
      *it = e;
    }
    catalog_ = std::make_shared<const analytics::ElementCatalog>(std::move(elements));
  }
  index_->DefineElement(ShapeOf(e));
  if (!old_type.has_value() || *old_type == e.period_type) return;
  // The index dropped the element's values with its old period type: reload what is stored.
  SyncTree();
  Result<std::unique_ptr<store::Tx>> tx = db_->Begin(store::Actor{}, store::TxMode::kRead);
  if (!tx.ok()) {
    log::Error("analytics: cannot reload element " + e.code + ": " + tx.status().ToString());
    return;
  }
  store::Tx::ValueQuery q;
  q.element_id = e.id;
  Result<std::vector<DataValue>> values = (*tx)->ListValues(q);
  if (!values.ok()) {
    log::Error("analytics: cannot reload element " + e.code + ": " + values.status().ToString());
    return;
  }
  for (const DataValue& v : *values) {
    Status st = index_->Set(v.org_id, v.element_id, v.period, v.value, v.estimate);
    if (!st.ok()) log::Warn("analytics: value left out of the index: " + st.ToString());
  }
}

void AnalyticsService::OnValueSet(const DataValue& v) {
  SyncTree();  // the value may belong to an organization created since the last read
  Status st = index_->Set(v.org_id, v.element_id, v.period, v.value, v.estimate);
  if (!st.ok()) log::Warn("analytics: value left out of the index: " + st.ToString());
}

void AnalyticsService::OnValueErased(int64_t org_id, int64_t element_id, const Period& period) {
  SyncTree();
  Status st = index_->Erase(org_id, element_id, period);
  if (!st.ok()) log::Warn("analytics: value not erased from the index: " + st.ToString());
}

void AnalyticsService::OnRecordTypeChanged(const RecordType& t) {
  if (!records_->DefineType(t)) return;
  // The index dropped the type's records: reload what is stored.
  SyncTree();
  Result<std::unique_ptr<store::Tx>> tx = db_->Begin(store::Actor{}, store::TxMode::kRead);
  if (!tx.ok()) {
    log::Error("analytics: cannot reload records of " + t.code + ": " + tx.status().ToString());
    return;
  }
  store::Tx::RecordQuery q;
  q.type_id = t.id;
  Result<std::vector<Record>> records = (*tx)->ListRecords(q);
  if (!records.ok()) {
    log::Error("analytics: cannot reload records of " + t.code + ": " +
               records.status().ToString());
    return;
  }
  LoadRecords(*records_, *records);
}

void AnalyticsService::OnRecordInserted(const Record& r) {
  SyncTree();  // the record may belong to an organization created since the last read
  Status st = records_->Insert(r);
  if (!st.ok()) log::Warn("analytics: record left out of the index: " + st.ToString());
}

void AnalyticsService::OnRecordErased(int64_t record_id) {
  if (!records_->Erase(record_id)) {
    log::Warn("analytics: record " + std::to_string(record_id) + " was not in the index");
  }
}

namespace {

// The subtree to assess: `root` when given (in scope), else the resolution's committee when it
// is in scope, else the principal's scope root.
Result<int64_t> ChooseRoot(const OrgTree& tree, const Principal& p, const ResolutionDetail& d,
                           std::optional<int64_t> root) {
  if (root.has_value()) {
    NQ_RETURN_IF_ERROR(CheckInScope(tree, p, *root));
    return *root;
  }
  if (tree.InSubtree(p.org_id, d.term.org_id)) return d.term.org_id;
  NQ_RETURN_IF_ERROR(CheckInScope(tree, p, p.org_id));
  return p.org_id;
}

// `tree` must outlive the input (the index checks organizations against it instead of copying its own).
analytics::ResolutionInput InputOf(const ResolutionDetail& d, int64_t root, const Date& as_of,
                                   const OrgTree& tree, const analytics::RecordIndex* records) {
  analytics::ResolutionInput in;
  in.tree = &tree;
  in.term_start = d.term.start;
  in.term_end = d.term.end;
  in.targets = d.targets;
  in.root_org = root;
  in.committee_org = d.term.org_id;
  in.as_of = as_of;
  in.config = d.settings;
  in.records = records;
  return in;
}

}  // namespace

Result<ResolutionDashboard> AnalyticsService::Assess(const Principal& p, int64_t resolution_id,
                                                     const Date& as_of,
                                                     std::optional<int64_t> root) const {
  NQ_ASSIGN_OR_RETURN(ResolutionDetail detail, plans_->GetResolution(p, resolution_id));
  SyncTree();
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_ASSIGN_OR_RETURN(int64_t top, ChooseRoot(*tree, p, detail, root));
  const std::shared_ptr<const analytics::ElementCatalog> cat = catalog();
  const analytics::ResolutionInput in = InputOf(detail, top, as_of, *tree, records_.get());
  NQ_ASSIGN_OR_RETURN(analytics::ResolutionResult result,
                      analytics::AssessResolution(*index_, *cat, in));
  ResolutionDashboard out;
  out.root = *tree->Find(top);
  out.plan = std::move(detail);
  out.result = std::move(result);
  return out;
}

Result<TargetChart> AnalyticsService::TargetDetail(const Principal& p, int64_t resolution_id,
                                                   const std::string& target_code,
                                                   const Date& as_of,
                                                   std::optional<int64_t> root) const {
  NQ_ASSIGN_OR_RETURN(ResolutionDetail detail, plans_->GetResolution(p, resolution_id));
  auto target_it = std::find_if(detail.targets.begin(), detail.targets.end(),
                                [&](const Target& t) { return t.code == target_code; });
  if (target_it == detail.targets.end()) return TargetNotFound(target_code);
  const Target target = *target_it;
  SyncTree();
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_ASSIGN_OR_RETURN(int64_t top, ChooseRoot(*tree, p, detail, root));
  const std::shared_ptr<const analytics::ElementCatalog> cat = catalog();
  const analytics::ResolutionInput in = InputOf(detail, top, as_of, *tree, records_.get());

  TargetChart chart;
  NQ_ASSIGN_OR_RETURN(chart.result, analytics::AssessTargetFor(*index_, *cat, in, target, top));
  const analytics::TargetAssessment& as = chart.result.assessment;
  const Date start = detail.term.start;
  const Date end = detail.term.end;

  // Expected path: linear from the baseline (or 0) at the start to the target at the end.
  const double from = target.baseline.value_or(0);
  const double to = as.target_value;
  const double span = static_cast<double>(DaysFromCivil(end) - DaysFromCivil(start));
  auto expected_at = [&](const Date& d) {
    const double f = span <= 0 ? 1.0
                               : std::clamp(static_cast<double>(DaysFromCivil(d) -
                                                                DaysFromCivil(start)) /
                                                span,
                                            0.0, 1.0);
    return from + (to - from) * f;
  };
  std::vector<Date> dates{start};
  for (int y = start.year; y < end.year; ++y) {
    if (YearEnd(y) > start) dates.push_back(YearEnd(y));
  }
  if (as_of > start && as_of < end) dates.push_back(as_of);
  dates.push_back(end);
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  for (const Date& d : dates) chart.expected_path.emplace_back(d, expected_at(d));

  // Projection path: from the last actual (at the end of its year, or as_of) to the end.
  if (as.actual.has_value() && as.projection.has_value()) {
    std::optional<int> last_year;
    for (const analytics::YearPoint& y : chart.result.years) {
      if (y.value.has_value()) last_year = y.year;
    }
    Date last = last_year.has_value() ? std::min(YearEnd(*last_year), as_of) : as_of;
    last = std::clamp(last, start, end);
    chart.projection_path.emplace_back(last, *as.actual);
    if (last < end) chart.projection_path.emplace_back(end, *as.projection);
  }

  for (int64_t child : tree->Children(top)) {
    Result<analytics::TargetResult> r = analytics::AssessTargetFor(*index_, *cat, in, target,
                                                                   child);
    if (!r.ok()) continue;  // a child the index does not know yet: nothing to show
    chart.children.emplace_back(*tree->Find(child), std::move(r).value());
  }
  return chart;
}

Result<std::vector<analytics::SeriesPoint>> AnalyticsService::ElementSeries(
    const Principal& p, int64_t element_id, int64_t root, const analytics::Window& w) const {
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_RETURN_IF_ERROR(CheckInScope(*tree, p, root));
  if (catalog()->FindId(element_id) == nullptr) {
    return Status::NotFound("element.not_found", "Không tìm thấy chỉ tiêu báo cáo");
  }
  SyncTree();
  return index_->Series(element_id, root, w);
}

}  // namespace nq
