#include "web/view.h"

#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>

#include "common/escape.h"
#include "web/embedded.h"

namespace nq::web {
namespace {

// mstch keeps its escape function in a global; it is set once, before the first render, and only
// read afterwards.
void InstallEscape() {
  static std::once_flag once;
  // HTML escaping for {{value}}: the five characters that matter in text and in quoted attribute
  // values. (mstch's default also turns '/' into "&#x2F;", which makes dates and paths in the
  // HTML unreadable for no gain.)
  std::call_once(once, [] {
    mstch::config::escape = [](const std::string& s) { return EscapeMarkup(s); };
  });
}

// Every embedded template by name, for mstch's partial lookup. Built once.
const std::map<std::string, std::string>& Partials() {
  static const std::map<std::string, std::string> partials = [] {
    std::map<std::string, std::string> m;
    for (const EmbeddedFile& f : AllEmbedded()) {
      if (FindTemplate(f.path) == &f) m.emplace(std::string(f.path), std::string(f.data));
    }
    return m;
  }();
  return partials;
}

}  // namespace

std::string RenderTemplate(std::string_view name, const mstch::node& context) {
  InstallEscape();
  const auto& partials = Partials();
  const auto it = partials.find(std::string(name));
  if (it == partials.end()) throw std::logic_error("no template named " + std::string(name));
  return mstch::render(it->second, context, partials);
}

std::string RenderPage(const PageFrame& frame, std::string_view name, const mstch::map& context) {
  std::string body = RenderTemplate(name, context);
  mstch::map layout{
      {"title", frame.title},
      {"content", std::move(body)},
      {"signed_in", frame.signed_in},
      {"user_full_name", frame.user_full_name},
      {"user_org_name", frame.user_org_name},
      {"user_role_label", frame.user_role_label},
      {"csrf_token", frame.csrf_token},
      {"can_manage_users", frame.can_manage_users},
      {"nav_home", frame.active_nav == "home"},
      {"nav_orgs", frame.active_nav == "orgs"},
      {"nav_dashboard", frame.active_nav == "dashboard"},
      {"nav_tasks", frame.active_nav == "tasks"},
      {"nav_records", frame.active_nav == "records"},
      {"nav_entry", frame.active_nav == "entry"},
      {"nav_data_sets", frame.active_nav == "data_sets"},
      {"nav_completeness", frame.active_nav == "completeness"},
      {"nav_users", frame.active_nav == "users"},
      {"nav_account", frame.active_nav == "account"},
  };
  return RenderTemplate("layout", layout);
}

HttpResponse PageResponse(int status, const PageFrame& frame, std::string_view name,
                          const mstch::map& context) {
  return HttpResponse::Html(status, RenderPage(frame, name, context));
}

}  // namespace nq::web
