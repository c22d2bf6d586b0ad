#include "web/api_task_progress.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/utf8.h"
#include "domain/evidence.h"
#include "web/api_common.h"
#include "web/task_json.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

constexpr std::string_view kEvidenceField = "evidence";
constexpr std::string_view kMilestonePrefix = "milestone_done_";
constexpr int kMaxMilestoneIndex = 200;
constexpr const char* kTextFields[] = {
    "percent",         "note",           "reason",          "completed_on",          "period",
    "document_number", "document_title", "document_issued", "document_issuing_body", "report_ref"};

TaskService& Tasks(const ApiCall& c) { return c.app().tasks(); }

using Fields = std::map<std::string, std::string, std::less<>>;

bool IsTextField(std::string_view name) {
  for (const char* f : kTextFields) {
    if (name == f) return true;
  }
  return name.substr(0, kMilestonePrefix.size()) == kMilestonePrefix;
}

// The value of a field, "" when absent (a field sent empty counts as absent).
std::string_view Value(const Fields& fields, std::string_view name) {
  const auto it = fields.find(name);
  return it == fields.end() ? std::string_view() : std::string_view(it->second);
}

Status FieldDate(const Fields& fields, std::string_view name, std::optional<Date>* out) {
  const std::string_view v = Value(fields, name);
  if (v.empty()) return Status::Ok();
  const std::optional<Date> d = ParseIsoDate(v);
  if (!d) return BadDate(name);
  *out = d;
  return Status::Ok();
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

// The text fields and files of the parts, refusing unknown names and repeated fields.
Status SplitParts(std::vector<FormPart> parts, Fields* fields, std::vector<EvidenceUpload>* files) {
  for (FormPart& part : parts) {
    if (part.name == kEvidenceField) {
      if (!part.is_file) return WrongType(kEvidenceField, "tệp đính kèm");
      if (part.file_name.empty() && part.data.empty()) continue;  // a file input left empty
      files->push_back(EvidenceUpload{std::move(part.file_name), std::move(part.data)});
      continue;
    }
    if (part.is_file || !IsTextField(part.name)) {
      return Status::Invalid("form.unknown_field",
                             "Trường \"" + part.name.substr(0, 64) + "\" không được hỗ trợ");
    }
    if (!IsValidUtf8(part.data) || part.data.find('\0') != std::string::npos) {
      return WrongType(part.name, "văn bản UTF-8");
    }
    if (fields->count(part.name) > 0) {
      return Status::Invalid("form.duplicate_field",
                             "Trường \"" + part.name + "\" xuất hiện nhiều lần");
    }
    if (!part.data.empty()) fields->emplace(std::move(part.name), std::move(part.data));
  }
  return Status::Ok();
}

Status ReadMilestones(const Fields& fields, ProgressInput* in) {
  for (const auto& [name, value] : fields) {
    if (name.compare(0, kMilestonePrefix.size(), kMilestonePrefix) != 0) continue;
    const std::optional<int> index =
        DecimalIn(std::string_view(name).substr(kMilestonePrefix.size()), 0, kMaxMilestoneIndex);
    if (!index) {
      return Status::Invalid("form.unknown_field", "Trường \"" + name.substr(0, 64) +
                                                       "\" không được hỗ trợ (cần "
                                                       "milestone_done_<số thứ tự mốc>)");
    }
    std::optional<Date> done;
    NQ_RETURN_IF_ERROR(FieldDate(fields, name, &done));
    in->milestones_done.push_back(MilestoneDone{*index, *done});
  }
  return Status::Ok();
}

bool IsMultipart(const HttpRequest& r) {
  std::string type(Trim(r.Header("content-type").substr(0, r.Header("content-type").find(';'))));
  for (char& ch : type) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  return type == "multipart/form-data";
}

Result<HttpResponse> PostUpdate(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  const bool json = HasJsonContentType(c.request);
  if (!json && !IsMultipart(c.request)) {
    HttpResponse r = JsonError(Status::Invalid(
        "request.content_type",
        "Báo cáo tiến độ phải gửi dạng application/json hoặc multipart/form-data (kèm tệp "
        "minh chứng)"));
    r.status = 415;
    return r;
  }
  // The task first: a user who may not see it learns nothing from the body's errors.
  NQ_ASSIGN_OR_RETURN(TaskDetail d, Tasks(c).Get(c.principal(), id, Today()));
  ProgressInput in;
  std::vector<EvidenceUpload> files;
  if (json) {
    NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
    NQ_RETURN_IF_ERROR(ReadProgressJson(body, d.task, &in));
  } else {
    const std::optional<std::string> boundary = MultipartBoundary(c.request.Header("content-type"));
    if (!boundary) {
      return Status::Invalid("multipart.invalid",
                             "Nội dung multipart/form-data thiếu tham số boundary hợp lệ");
    }
    NQ_ASSIGN_OR_RETURN(std::vector<FormPart> parts, ParseMultipart(c.request.body, *boundary));
    NQ_RETURN_IF_ERROR(ReadProgressParts(std::move(parts), d.task, &in, &files));
  }
  NQ_ASSIGN_OR_RETURN(TaskUpdate u, Tasks(c).PostProgress(c.principal(), id, in, files,
                                                          ActorFor(*c.session, c.request)));
  HttpResponse r = JsonResponse(201, TaskUpdateJson(u));
  r.SetHeader("Location", "/api/v1/tasks/" + std::to_string(id));
  return r;
}

Result<HttpResponse> GetEvidence(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(EvidenceFile f, Tasks(c).GetEvidence(c.principal(), id));
  HttpResponse r;
  r.status = 200;
  r.body = std::move(f.bytes);
  r.SetHeader("Content-Type", EvidenceContentType(f.info.type));
  r.SetHeader("Content-Disposition", AttachmentDisposition(f.info.file_name));
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Cache-Control", "private, no-store");
  return r;
}

// RFC 8187 attr-char: what filename* may carry unencoded.
bool IsAttrChar(unsigned char ch) {
  if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
    return true;
  }
  return std::string_view("!#$&+-.^_`|~").find(static_cast<char>(ch)) != std::string_view::npos;
}

// Bytes of the UTF-8 sequence that `lead` starts (1 for a stray byte).
size_t SequenceLength(unsigned char lead) {
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

}  // namespace

Status ReadProgressParts(std::vector<FormPart> parts, const AssignedTask& task, ProgressInput* in,
                         std::vector<EvidenceUpload>* files) {
  Fields fields;
  NQ_RETURN_IF_ERROR(SplitParts(std::move(parts), &fields, files));
  const std::string_view percent = Value(fields, "percent");
  if (percent.empty()) return MissingField("percent");
  const std::optional<int> p = DecimalIn(percent, 0, 100);
  if (!p) return OutOfRange("percent", 0, 100);
  in->percent = *p;
  in->note = Value(fields, "note");
  in->reason = Value(fields, "reason");
  in->report_ref = Value(fields, "report_ref");
  NQ_RETURN_IF_ERROR(FieldDate(fields, "completed_on", &in->completed_on));
  if (const std::string_view period = Value(fields, "period"); !period.empty()) {
    NQ_ASSIGN_OR_RETURN(in->period, Period::Parse(period));
  }
  std::optional<Date> issued;
  NQ_RETURN_IF_ERROR(FieldDate(fields, "document_issued", &issued));
  const std::string_view number = Value(fields, "document_number");
  const std::string_view title = Value(fields, "document_title");
  const std::string_view body = Value(fields, "document_issuing_body");
  if (issued || !number.empty() || !title.empty() || !body.empty()) {
    ConcretizingDocument d = task.document.value_or(ConcretizingDocument{});
    if (issued) d.issued = issued;
    if (!number.empty()) d.number = number;
    if (!title.empty()) d.title = title;
    if (!body.empty()) d.issuing_body = body;
    in->document = std::move(d);
  }
  return ReadMilestones(fields, in);
}

std::string AttachmentDisposition(std::string_view file_name) {
  std::string ascii;
  std::string encoded;
  for (size_t i = 0; i < file_name.size();) {
    const auto lead = static_cast<unsigned char>(file_name[i]);
    const size_t n = std::min(SequenceLength(lead), file_name.size() - i);
    const std::string_view cp = file_name.substr(i, n);
    if (n == 1 && lead >= 0x20 && lead < 0x7F) {
      ascii += lead == '"' || lead == '\\' || lead == '%' ? '_' : static_cast<char>(lead);
    } else if (n > 1) {
      // A Vietnamese letter folds to its base letter; a lone combining mark folds to nothing.
      const std::string folded = FoldForSearch(cp);
      const bool letter = folded.size() == 1 && static_cast<unsigned char>(folded[0]) < 0x80 &&
                          std::isalnum(static_cast<unsigned char>(folded[0]));
      if (letter) {
        ascii += folded;
      } else if (!folded.empty()) {
        ascii += '_';
      }
    } else {
      ascii += '_';
    }
    for (char ch : cp) {
      const auto b = static_cast<unsigned char>(ch);
      if (IsAttrChar(b)) {
        encoded += ch;
      } else {
        static constexpr char kHex[] = "0123456789ABCDEF";
        encoded += '%';
        encoded += kHex[b >> 4];
        encoded += kHex[b & 0xF];
      }
    }
    i += n;
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

void AddTaskProgressApi(Router& router, WebContext& ctx) {
  router.Add("POST", "/api/v1/tasks/{id}/updates", ApiRoute(ctx, PostUpdate));
  router.Add("GET", "/api/v1/evidence/{id}", ApiRoute(ctx, GetEvidence));
}

}  // namespace nq::web
