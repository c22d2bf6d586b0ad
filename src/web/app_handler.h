// The application's single HTTP entry: every request the server accepts goes through the handler
// made here (STYLE.md rule 8: one catch boundary per entry point).
//
// The handler routes
//   /api/v1/...  the JSON API (docs/openapi.yaml): session, orgs, users, resolutions, audit;
//   /static/...  embedded front-end assets (ServeStatic: ETag, long-lived caching);
//   everything else: the HTML pages (sign-in, home, organizations, users, account).
// It adds the security headers to every response (X-Content-Type-Options, X-Frame-Options,
// Referrer-Policy, a Content-Security-Policy allowing only 'self', and Cache-Control no-store
// for everything but static assets), answers unknown paths with 404 and wrong methods with 405
// (JSON under /api/, HTML pages elsewhere), and catches every exception a handler throws: the
// client gets a 500 (JSON or page, in Vietnamese, without details) and the log gets the message.
//
// Sign-in state lives in the cookie "nq_session"; state-changing requests need the session's
// CSRF token (header X-CSRF-Token for the API, form field _csrf for pages). See web_auth.h.
//
// Thread-safety: the returned handler is thread-safe and may serve many requests at once. It
// keeps a reference to `app`, which must outlive it.
#pragma once

#include "service/app.h"
#include "web/http.h"

namespace nq::web {

struct AppOptions {
  // Marks the cookies Secure even for requests the server did not mark secure (TLS terminated
  // by a proxy that forwards plain HTTP). Requests with HttpRequest::secure always get Secure.
  bool force_secure_cookies = false;
  // Serves /static/* from the embedded assets. Off only in tests that want pages alone.
  bool serve_static = true;
};

// Builds the routing table once and returns the handler.
Handler MakeAppHandler(App& app, const AppOptions& options);

}  // namespace nq::web
