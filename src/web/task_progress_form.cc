#include "web/task_progress_form.h"

#include <charconv>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "common/utf8.h"
#include "domain/period.h"
#include "web/json_io.h"

namespace nq::web {
namespace {

constexpr std::string_view kEvidenceField = "evidence";
constexpr std::string_view kMilestonePrefix = "milestone_done_";
constexpr int kMaxMilestoneIndex = 200;
constexpr std::string_view kTextFields[] = {
    "percent",         "note",           "reason",          "completed_on",          "period",
    "document_number", "document_title", "document_issued", "document_issuing_body", "report_ref"};

bool IsMilestoneField(std::string_view name) {
  return name.substr(0, kMilestonePrefix.size()) == kMilestonePrefix;
}

bool IsTextField(std::string_view name) {
  for (std::string_view f : kTextFields) {
    if (name == f) return true;
  }
  return IsMilestoneField(name);
}

Status UnknownField(const std::string& name, std::string_view hint = "") {
  return Status::Invalid("form.unknown_field", "Trường \"" + name.substr(0, 64) +
                                                   "\" không được hỗ trợ" + std::string(hint));
}

// A decimal integer in [min, max] without sign or spaces; nullopt otherwise.
std::optional<int> DecimalIn(std::string_view v, int min, int max) {
  int n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || v[0] == '-' || ec != std::errc() || end != v.data() + v.size() || n < min ||
      n > max) {
    return std::nullopt;
  }
  return n;
}

// The API's rules for names, repetitions and text (see the header).
Status CheckApiParts(const FormData& fields, const std::vector<FormPart>& files) {
  std::set<std::string_view> seen;
  for (const auto& [name, value] : fields.fields()) {
    if (name == kEvidenceField) return WrongType(kEvidenceField, "tệp đính kèm");
    if (!IsTextField(name)) return UnknownField(name);
    if (!IsValidUtf8(value) || value.find('\0') != std::string::npos) {
      return WrongType(name, "văn bản UTF-8");
    }
    if (!seen.insert(name).second) {
      return Status::Invalid("form.duplicate_field",
                             "Trường \"" + name + "\" xuất hiện nhiều lần");
    }
  }
  for (const FormPart& part : files) {
    if (part.name != kEvidenceField) return UnknownField(part.name);
  }
  return Status::Ok();
}

// The form being read, with its sender's way of naming fields in errors.
struct Form {
  const FormData& fields;
  ProgressFormSender sender;

  // The value trimmed, "" when absent.
  std::string Text(std::string_view name) const { return std::string(Trim(fields.Get(name))); }

  // A date field; *out is left as it is when the field is absent.
  Status ReadDate(std::string_view name, std::string_view label, std::optional<Date>* out) const {
    if (sender == ProgressFormSender::kPage) return FormDate(fields, name, label, out);
    const std::string v = Text(name);
    if (v.empty()) return Status::Ok();
    const std::optional<Date> d = ParseIsoDate(v);
    if (!d) return BadDate(name);
    *out = d;
    return Status::Ok();
  }
};

Status ReadPercent(const Form& f, const AssignedTask& task, int* out) {
  if (f.sender == ProgressFormSender::kPage) {
    std::optional<int64_t> percent;
    NQ_RETURN_IF_ERROR(FormInt(f.fields, "percent", "Tiến độ (%)", 0, 100, &percent));
    *out = percent ? static_cast<int>(*percent) : task.progress_percent;
    return Status::Ok();
  }
  const std::string v = f.Text("percent");
  if (v.empty()) return MissingField("percent");
  const std::optional<int> percent = DecimalIn(v, 0, 100);
  if (!percent) return OutOfRange("percent", 0, 100);
  *out = *percent;
  return Status::Ok();
}

Status ReadPeriod(const Form& f, ProgressInput* in) {
  const std::string period = f.Text("period");
  if (period.empty()) return Status::Ok();
  Result<Period> p = Period::Parse(period);
  if (!p.ok()) {
    if (f.sender == ProgressFormSender::kApi) return p.status();
    return Status::Invalid("form.bad_period",
                           "Kỳ hoàn thành '" + period.substr(0, 20) + "' không hợp lệ");
  }
  in->period = *p;
  return Status::Ok();
}

Status ReadDocument(const Form& f, const AssignedTask& task, ProgressInput* in) {
  const ConcretizingDocument current = task.document.value_or(ConcretizingDocument{});
  ConcretizingDocument d = current;
  NQ_RETURN_IF_ERROR(f.ReadDate("document_issued", "Ngày ban hành văn bản", &d.issued));
  const std::pair<std::string_view, std::string*> texts[] = {
      {"document_number", &d.number},
      {"document_title", &d.title},
      {"document_issuing_body", &d.issuing_body}};
  for (const auto& [name, value] : texts) {
    if (std::string v = f.Text(name); !v.empty()) *value = std::move(v);
  }
  if (d != current) in->document = std::move(d);
  return Status::Ok();
}

Status ReadMilestones(const Form& f, const AssignedTask& task, ProgressInput* in) {
  std::set<std::string_view> seen;
  for (const auto& [name, value] : f.fields.fields()) {
    if (!IsMilestoneField(name) || !seen.insert(name).second) continue;
    const std::optional<int> index =
        DecimalIn(std::string_view(name).substr(kMilestonePrefix.size()), 0, kMaxMilestoneIndex);
    if (!index) {
      if (f.sender == ProgressFormSender::kPage) continue;
      return UnknownField(name, " (cần milestone_done_<số thứ tự mốc>)");
    }
    const auto i = static_cast<size_t>(*index);
    const std::string label =
        task.project && i < task.project->milestones.size()
            ? "Ngày hoàn thành mốc \"" + task.project->milestones[i].title + "\""
            : "Ngày hoàn thành mốc số " + std::to_string(i + 1);
    std::optional<Date> done;
    NQ_RETURN_IF_ERROR(f.ReadDate(name, label, &done));
    if (done) in->milestones_done.push_back(MilestoneDone{*index, *done});
  }
  return Status::Ok();
}

}  // namespace

Status ReadProgressForm(const FormData& fields, std::vector<FormPart> files,
                        const AssignedTask& task, ProgressFormSender sender, ProgressInput* in,
                        std::vector<EvidenceUpload>* uploads) {
  if (sender == ProgressFormSender::kApi) NQ_RETURN_IF_ERROR(CheckApiParts(fields, files));
  const Form f{fields, sender};
  NQ_RETURN_IF_ERROR(ReadPercent(f, task, &in->percent));
  in->note = f.Text("note");
  in->reason = f.Text("reason");
  in->report_ref = f.Text("report_ref");
  NQ_RETURN_IF_ERROR(f.ReadDate("completed_on", "Ngày hoàn thành", &in->completed_on));
  NQ_RETURN_IF_ERROR(ReadPeriod(f, in));
  NQ_RETURN_IF_ERROR(ReadDocument(f, task, in));
  NQ_RETURN_IF_ERROR(ReadMilestones(f, task, in));
  for (FormPart& part : files) {
    if (part.name != kEvidenceField) continue;                  // the page ignores it
    if (part.file_name.empty() && part.data.empty()) continue;  // a file input left empty
    uploads->push_back(EvidenceUpload{std::move(part.file_name), std::move(part.data)});
  }
  return Status::Ok();
}

}  // namespace nq::web
