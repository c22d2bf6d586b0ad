// nqtrack front end: small progressive enhancements over server-rendered pages.
// No inline scripts anywhere (the Content-Security-Policy allows only 'self'), so every
// behaviour is attached here from data attributes.
(function () {
  'use strict';

  // The session's CSRF token, published by the layout for scripts that send state changes.
  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  // htmx requests that change state carry the token as the API expects it.
  document.addEventListener('htmx:configRequest', function (event) {
    var verb = (event.detail.verb || '').toUpperCase();
    if (verb !== 'GET' && verb !== 'HEAD') {
      event.detail.headers['X-CSRF-Token'] = csrfToken();
    }
  });

  // "Mở tất cả" / "Thu gọn" on the organization tree.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-nq-tree]');
    if (!button) return;
    var open = button.getAttribute('data-nq-tree') === 'expand';
    var tree = document.getElementById('org-tree');
    if (!tree) return;
    tree.querySelectorAll('details').forEach(function (d, i) {
      // Collapsing keeps the first level visible.
      d.open = open || i === 0;
    });
  });

  // Buttons with data-nq-confirm ask before their form is sent.
  document.addEventListener('submit', function (event) {
    var button = event.submitter;
    if (!button || !button.hasAttribute('data-nq-confirm')) return;
    if (!window.confirm(button.getAttribute('data-nq-confirm'))) event.preventDefault();
  });

  // An empty search box clears the results at once (the server would answer with nothing).
  document.addEventListener('input', function (event) {
    if (event.target.id !== 'org-search') return;
    if (event.target.value.trim() === '') {
      var results = document.getElementById('org-results');
      if (results) results.innerHTML = '';
    }
  });
})();
