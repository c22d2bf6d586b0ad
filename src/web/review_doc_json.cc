#include "web/review_doc_json.h"

#include <optional>
#include <string>
#include <vector>

#include "common/time.h"

namespace nq::web {
namespace {

Json HeaderJson(const ReviewDocHeader& h) {
  return Json{{"place", h.place},
              {"superior_body", h.superior_body},
              {"issuing_body", h.issuing_body},
              {"on_behalf", h.on_behalf},
              {"signer_title", h.signer_title},
              {"signer_name", h.signer_name},
              {"recipients", h.recipients}};
}

Json InstantJson(int64_t at) { return at == 0 ? Json(nullptr) : Json(FormatIsoInstant(at)); }

}  // namespace

Json ReviewTextJson(const ReviewText& t) {
  return Json{{"section", t.section},
              {"version", t.version},
              {"body", t.body},
              {"username", t.username},
              {"at", FormatIsoInstant(t.at)}};
}

Json ReviewDocRowJson(const ReviewDoc& d, const std::string& org_name) {
  const std::string number_symbol = ReviewNumberSymbol(d);
  return Json{{"id", d.id},
              {"resolution_id", d.resolution_id},
              {"term_id", d.term_id},
              {"org_id", d.org_id},
              {"org_name", org_name},
              {"kind", d.kind},
              {"as_of", FormatIso(d.as_of)},
              {"state", ReviewDocStateCode(d.state)},
              {"state_label", ReviewDocStateLabel(d.state)},
              {"number", d.number ? Json(*d.number) : Json(nullptr)},
              {"symbol", d.symbol.empty() ? Json(nullptr) : Json(d.symbol)},
              {"number_symbol", number_symbol.empty() ? Json(nullptr) : Json(number_symbol)},
              {"issued_on", DateOrNull(d.issued_on)},
              {"header", HeaderJson(d.header)},
              {"created_at", InstantJson(d.created_at)},
              {"issued_at", InstantJson(d.issued_at)},
              {"can_edit", false}};
}

Json ReviewDocJson(const ReviewDocDetail& d) {
  Json out = ReviewDocRowJson(d.doc, d.org.name);
  out["resolution_number"] = d.resolution.number;
  out["can_edit"] = d.can_edit;
  Json texts = Json::object();
  for (std::string_view section : kReviewSections) {
    auto it = d.latest.find(section);
    texts[std::string(section)] = it == d.latest.end() ? Json(nullptr) : ReviewTextJson(it->second);
  }
  out["texts"] = std::move(texts);
  return out;
}

Status ReadReviewDocHeader(JsonObjectReader& in, ReviewDocHeader* h) {
  NQ_RETURN_IF_ERROR(in.GetString("place", &h->place));
  NQ_RETURN_IF_ERROR(in.GetString("superior_body", &h->superior_body));
  NQ_RETURN_IF_ERROR(in.GetString("issuing_body", &h->issuing_body));
  NQ_RETURN_IF_ERROR(in.GetString("on_behalf", &h->on_behalf));
  NQ_RETURN_IF_ERROR(in.GetString("signer_title", &h->signer_title));
  NQ_RETURN_IF_ERROR(in.GetString("signer_name", &h->signer_name));
  std::optional<std::vector<std::string>> recipients;
  NQ_RETURN_IF_ERROR(in.GetStrings("recipients", 20, &recipients));
  if (recipients) h->recipients = std::move(*recipients);
  return Status::Ok();
}

}  // namespace nq::web
