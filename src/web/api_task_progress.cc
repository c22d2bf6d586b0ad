#include "web/api_task_progress.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/utf8.h"
#include "domain/evidence.h"
#include "web/api_common.h"
#include "web/multipart.h"
#include "web/task_json.h"
#include "web/task_progress_form.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

Result<HttpResponse> PostUpdate(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  const bool json = HasJsonContentType(c.request);
  if (!json && !IsMultipartFormData(c.request.Header("content-type"))) {
    HttpResponse r = JsonError(Status::Invalid(
        "request.content_type",
        "Báo cáo tiến độ phải gửi dạng application/json hoặc multipart/form-data (kèm tệp "
        "minh chứng)"));
    r.status = 415;
    return r;
  }
  // The task first: a user who may not see it learns nothing from the body's errors.
  NQ_ASSIGN_OR_RETURN(TaskDetail d, c.app().tasks().Get(c.principal(), id, Today()));
  ProgressInput in;
  std::vector<EvidenceUpload> files;
  if (json) {
    NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
    NQ_RETURN_IF_ERROR(ReadProgressJson(body, d.task, &in));
  } else {
    NQ_ASSIGN_OR_RETURN(std::optional<std::vector<FormPart>> parts, ReadMultipartForm(c.request));
    std::vector<FormPart> file_parts;
    const FormData fields = SplitFormParts(std::move(parts).value_or(std::vector<FormPart>{}),
                                           &file_parts);
    NQ_RETURN_IF_ERROR(ReadProgressForm(fields, std::move(file_parts), d.task,
                                        ProgressFormSender::kApi, &in, &files));
  }
  NQ_ASSIGN_OR_RETURN(TaskUpdate u,
                      c.app().tasks().PostProgress(c.principal(), id, in, std::move(files),
                                                   ActorFor(*c.session, c.request)));
  HttpResponse r = JsonResponse(201, TaskUpdateJson(u));
  r.SetHeader("Location", "/api/v1/tasks/" + std::to_string(id));
  return r;
}

Result<HttpResponse> GetEvidence(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(EvidenceFile f, c.app().tasks().GetEvidence(c.principal(), id));
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
size_t Utf8LeadLength(unsigned char lead) {
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

}  // namespace

std::string AttachmentDisposition(std::string_view file_name) {
  std::string ascii;
  std::string encoded;
  for (size_t i = 0; i < file_name.size();) {
    const auto lead = static_cast<unsigned char>(file_name[i]);
    const size_t n = std::min(Utf8LeadLength(lead), file_name.size() - i);
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
