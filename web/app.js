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

  // Draws the ECharts chart of the element `id` from its JSON `data-chart` attribute:
  // option(data, element) builds the chart's option (the element may be sized first). Marks the
  // element data-ready="true" once drawn and keeps the chart fitted to the window. Returns
  // {chart, data}, or null when there is no such element or ECharts is not loaded.
  window.nqDrawChart = function (id, option) {
    var el = document.getElementById(id);
    if (!el || typeof window.echarts === 'undefined') return null;
    var data;
    try {
      data = JSON.parse(el.getAttribute('data-chart'));
    } catch (e) {
      el.textContent = 'Không đọc được dữ liệu biểu đồ.';
      return null;
    }
    var opt = option(data, el);
    var chart = window.echarts.init(el, null, { renderer: 'canvas', locale: 'EN' });
    chart.setOption(opt);
    el.setAttribute('data-ready', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
    return { chart: chart, data: data };
  };

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

// Data pages (pages_entry.cc, pages_completeness.cc): pickers and the entry form.
(function () {
  'use strict';

  // A picker's <select> opens its choice at once (the form is a GET).
  document.addEventListener('change', function (event) {
    var select = event.target.closest('select[data-nq-autosubmit]');
    if (select && select.form) select.form.submit();
  });

  function entryInputs(from) {
    var table = from.closest('[data-nq-entry]');
    if (!table) return [];
    return Array.prototype.slice.call(table.querySelectorAll('input.nq-entry-input'));
  }

  function moveFrom(input, step) {
    var inputs = entryInputs(input);
    var next = inputs[inputs.indexOf(input) + step];
    if (!next) return false;
    next.focus();
    next.select();
    return true;
  }

  // Keyboard: the value column is walked top to bottom. Enter, Tab and the down arrow go to
  // the next value, Shift+Tab and the up arrow to the previous one; Tab leaves the column after
  // the last value as usual. Enter on the last value sends it at once.
  document.addEventListener('keydown', function (event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains('nq-entry-input')) return;
    var step = 0;
    if (event.key === 'Enter' || event.key === 'ArrowDown') step = 1;
    else if (event.key === 'ArrowUp') step = -1;
    else if (event.key === 'Tab') step = event.shiftKey ? -1 : 1;
    if (step === 0) return;
    if (moveFrom(input, step)) {
      event.preventDefault();  // leaving the input fires its change event
    } else if (event.key === 'Enter') {
      event.preventDefault();
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });

  // A refused value (400, 409) still shows its message in the row's status cell.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var elt = event.detail.elt;
    if (!elt || !elt.closest || !elt.closest('[data-nq-entry]')) return;
    var status = event.detail.xhr.status;
    if (status === 400 || status === 409) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // The input of a refused value is marked until it is accepted.
  document.addEventListener('htmx:afterRequest', function (event) {
    var elt = event.detail.elt;
    if (!elt || !elt.closest || !elt.closest('[data-nq-entry]')) return;
    var row = elt.closest('tr');
    var input = row ? row.querySelector('input.nq-entry-input') : null;
    if (!input) return;
    var failed = event.detail.xhr.status >= 400;
    input.classList.toggle('is-invalid', failed);
    input.setAttribute('aria-invalid', failed ? 'true' : 'false');
  });
})();
