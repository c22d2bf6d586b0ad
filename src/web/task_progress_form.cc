#include "web/task_progress_form.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/utf8.h"
#include "web/multipart.h"

namespace nq::web {
namespace {

Status NotAForm() {
  return Status::Invalid("form.invalid",
                         "Biểu mẫu gửi lên không đúng định dạng (cần multipart/form-data)");
}

std::string Field(const FormData& form, std::string_view name) {
  return std::string(Trim(form.Get(name)));
}

}  // namespace

Result<ProgressBody> ReadProgressBody(const HttpRequest& request) {
  const std::string_view type = request.Header("content-type");
  ProgressBody out;
  if (type.substr(0, 33) == "application/x-www-form-urlencoded") {
    NQ_ASSIGN_OR_RETURN(out.fields, ParseForm(request.body));
    return out;
  }
  if (type.substr(0, 19) != "multipart/form-data") return NotAForm();
  const std::optional<std::string> boundary = MultipartBoundary(type);
  if (!boundary) return NotAForm();
  NQ_ASSIGN_OR_RETURN(std::vector<FormPart> parts, ParseMultipart(request.body, *boundary));
  std::vector<std::pair<std::string, std::string>> fields;
  for (FormPart& part : parts) {
    if (part.is_file) {
      if (part.file_name.empty() && part.data.empty()) continue;  // an input left empty
      if (part.name == "evidence") {
        out.files.push_back(EvidenceUpload{std::move(part.file_name), std::move(part.data)});
      }
      continue;
    }
    if (!IsValidUtf8(part.name) || !IsValidUtf8(part.data) ||
        part.data.find('\0') != std::string::npos) {
      return Status::Invalid("form.invalid", "Dữ liệu biểu mẫu không phải văn bản UTF-8 hợp lệ");
    }
    fields.emplace_back(std::move(part.name), std::move(part.data));
  }
  out.fields = FormData(std::move(fields));
  return out;
}

Result<ProgressInput> ReadProgressInput(const FormData& form, const AssignedTask& task) {
  ProgressInput in;
  std::optional<int64_t> percent;
  NQ_RETURN_IF_ERROR(FormInt(form, "percent", "Tiến độ (%)", 0, 100, &percent));
  in.percent = percent ? static_cast<int>(*percent) : task.progress_percent;
  in.note = Field(form, "note");
  in.reason = Field(form, "reason");
  NQ_RETURN_IF_ERROR(FormDate(form, "completed_on", "Ngày hoàn thành", &in.completed_on));
  const std::string period = Field(form, "period");
  if (task.deadline.recurrence != TaskRecurrence::kOnce && !period.empty()) {
    Result<Period> p = Period::Parse(period);
    if (!p.ok()) {
      return Status::Invalid("form.bad_period",
                             "Kỳ hoàn thành '" + period.substr(0, 20) + "' không hợp lệ");
    }
    in.period = *p;
  }
  switch (task.product) {
    case ProductKind::kDocument: {
      const std::string number = Field(form, "document_number");
      std::optional<Date> issued;
      NQ_RETURN_IF_ERROR(FormDate(form, "document_issued", "Ngày ban hành văn bản", &issued));
      if (number.empty() && !issued) break;
      // The title and, unless typed, the issuing body stay as the task defines them.
      ConcretizingDocument d = task.document.value_or(ConcretizingDocument{});
      d.number = number;
      d.issued = issued;
      const std::string body = Field(form, "document_body");
      if (!body.empty()) d.issuing_body = body;
      in.document = std::move(d);
      break;
    }
    case ProductKind::kReport:
      in.report_ref = Field(form, "report_ref");
      break;
    case ProductKind::kProject: {
      const size_t n = task.project ? task.project->milestones.size() : 0;
      for (size_t i = 0; i < n; ++i) {
        std::optional<Date> done;
        const std::string label =
            "Ngày hoàn thành mốc \"" + task.project->milestones[i].title + "\"";
        NQ_RETURN_IF_ERROR(FormDate(form, "milestone_" + std::to_string(i), label, &done));
        if (done) in.milestones_done.push_back(MilestoneDone{static_cast<int>(i), *done});
      }
      break;
    }
    case ProductKind::kNone:
      break;
  }
  return in;
}

}  // namespace nq::web
