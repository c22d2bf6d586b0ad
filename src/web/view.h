// View: HTML pages from mstch templates (templates/NAME.mustache, embedded in the binary and
// found with FindTemplate).
//
// A page is its body template rendered with the page's own context, then placed inside the
// "layout" template as {{{content}}} together with the frame: title, navigation, the signed-in
// user's name, organization and role, and the CSRF token for the logout form. Every embedded
// template is also available as a partial ({{> org_node}}), so templates may recurse.
//
// Escaping: templates must print every value that comes from users or the database with
// {{name}} (HTML-escaped: & < > " '). Triple braces are for HTML built here only:
// the rendered body in the layout.
//
// Errors: a missing template is a programming error; RenderTemplate throws std::logic_error,
// which the catch boundary of the app handler turns into a 500.
// Thread-safety: all functions are thread-safe (templates are read-only after first use).
#pragma once

#include <mstch/mstch.hpp>
#include <string>
#include <string_view>

#include "web/http.h"

namespace nq::web {

// The chrome around a page: what the layout needs besides the body.
struct PageFrame {
  std::string title;       // shown in <title> after the product name
  std::string active_nav;  // "home", "orgs", "tasks", "users", "account", "" (menu highlight)
  // The signed-in user; when signed_in is false the layout shows no menu or user block.
  bool signed_in = false;
  std::string user_full_name;
  std::string user_org_name;
  std::string user_role_label;
  std::string csrf_token;         // for the logout form
  bool can_manage_users = false;  // shows "Người dùng" in the menu
};

// Renders the template `name` with `context`. Throws std::logic_error if there is no such
// template.
std::string RenderTemplate(std::string_view name, const mstch::node& context);

// Renders the body template `name` with `context`, then the layout around it.
std::string RenderPage(const PageFrame& frame, std::string_view name, const mstch::map& context);

// RenderPage as an HTML response with the given status.
HttpResponse PageResponse(int status, const PageFrame& frame, std::string_view name,
                          const mstch::map& context);

}  // namespace nq::web
