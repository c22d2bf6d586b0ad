// WebContext: what every API and page handler shares — the App, the options and the caches of
// the web layer. One per MakeAppHandler() call; handlers hold it by reference through the
// routing table, which keeps it alive.
//
// Thread-safety: the members are thread-safe (App after Open(), OrgTreeCache by its mutex,
// AuditService by design, options read-only).
#pragma once

#include "service/app.h"
#include "service/audit_service.h"
#include "web/api_org_tree.h"
#include "web/app_handler.h"
#include "web/http.h"

namespace nq::web {

struct WebContext {
  WebContext(App& a, const AppOptions& o) : app(a), options(o), audit(&a.db(), &a.orgs()) {}

  App& app;
  const AppOptions options;
  OrgTreeCache tree_cache;
  AuditService audit;  // not part of App: only the web layer reads the log

  // Whether cookies set in reply to `request` carry the Secure attribute.
  bool SecureCookies(const HttpRequest& request) const {
    return request.secure || options.force_secure_cookies;
  }
};

}  // namespace nq::web
