// nqtrack task pages (pages_tasks.h): the key projects' timeline (ECharts) and the progress
// form's "reason required when lowering". No inline scripts (the Content-Security-Policy
// allows only 'self'): the chart's data comes in the data-chart attribute of #projects-chart,
// {as_of, projects: [{id, name, owner, start, end, state, state_label, milestones: [{title,
// due, done, state, state_label}]}]}, dates as "YYYY-MM-DD".
(function () {
  'use strict';

  // The task states' colours, as the badges wear them (web/tasks.css, web/task_view.h).
  var COLOURS = {
    done_on_time: '#198754',
    done_late: '#117a8b',
    open_in_time: '#0d6efd',
    overdue: '#dc3545',
    not_assigned: '#6c757d',
  };
  var STATE_ORDER = ['done_on_time', 'done_late', 'open_in_time', 'overdue'];
  var LABELS = {
    done_on_time: 'Hoàn thành đúng hạn',
    done_late: 'Hoàn thành trễ hạn',
    open_in_time: 'Chưa hoàn thành, trong hạn',
    overdue: 'Quá hạn',
    not_assigned: 'Chưa giao',
  };
  var DONE = 'Ngày hoàn thành thực tế';

  // "YYYY-MM-DD" as local midnight (the time axis labels in local time).
  function time(iso) {
    var p = iso.split('-').map(Number);
    return new Date(p[0], p[1] - 1, p[2]).getTime();
  }

  function dateVi(iso) {
    if (!iso) return '—';
    var p = iso.split('-').map(Number);
    return p[2] + '/' + p[1] + '/' + p[0];
  }

  function monthVi(t) {
    var d = new Date(t);
    return (d.getMonth() + 1) + '/' + d.getFullYear();
  }

  function renderBar(params, api) {
    var row = api.value(2);
    var start = api.coord([api.value(0), row]);
    var end = api.coord([api.value(1), row]);
    var height = api.size([0, 1])[1] * 0.3;
    var cs = params.coordSys;
    var shape = window.echarts.graphic.clipRectByRect(
      { x: start[0], y: start[1] - height / 2, width: Math.max(end[0] - start[0], 2), height: height },
      { x: cs.x, y: cs.y, width: cs.width, height: cs.height });
    return shape && { type: 'rect', shape: shape, style: api.style() };
  }

  function tooltip(p) {
    var d = p.data || {};
    var lines = [d.project.name, 'Đơn vị chủ trì: ' + d.project.owner];
    if (d.milestone) {
      var m = d.milestone;
      lines.push('Mốc: ' + m.title, 'Hạn: ' + dateVi(m.due),
        'Hoàn thành: ' + (m.done ? dateVi(m.done) : 'chưa'), 'Tình trạng: ' + m.state_label);
    } else if (d.project) {
      lines.push('Thời gian: ' + dateVi(d.project.start) + ' – ' + dateVi(d.project.end),
        'Tình trạng: ' + d.project.state_label);
    }
    return lines.join('\n');
  }

  // `labelWidth`: room for the projects' names left of the chart.
  function buildOption(data, labelWidth) {
    var projects = data.projects || [];
    var names = projects.map(function (p) { return p.name; });
    var bars = [];
    var marks = {};
    STATE_ORDER.concat(['not_assigned']).forEach(function (s) { marks[s] = []; });
    var done = [];
    var times = [time(data.as_of)];
    projects.forEach(function (p, i) {
      times.push(time(p.start), time(p.end));
      bars.push({
        value: [time(p.start), time(p.end), i],
        itemStyle: { color: COLOURS[p.state] || COLOURS.not_assigned, opacity: 0.28 },
        project: p,
      });
      (p.milestones || []).forEach(function (m) {
        times.push(time(m.due));
        (marks[m.state] || marks.not_assigned).push({ value: [time(m.due), i], project: p, milestone: m });
        if (m.done) {
          times.push(time(m.done));
          done.push({ value: [time(m.done), i], project: p, milestone: m });
        }
      });
    });
    var min = Math.min.apply(null, times);
    var max = Math.max.apply(null, times);
    var pad = Math.max((max - min) * 0.03, 86400000 * 15);
    var series = [{
      name: 'Thời gian thực hiện', type: 'custom', renderItem: renderBar,
      encode: { x: [0, 1], y: 2 }, data: bars, z: 1,
    }];
    STATE_ORDER.concat(['not_assigned']).forEach(function (s) {
      if (s === 'not_assigned' && marks[s].length === 0) return;
      series.push({
        name: LABELS[s], type: 'scatter', symbol: 'diamond', symbolSize: 13, z: 3,
        itemStyle: { color: COLOURS[s], borderColor: '#fff', borderWidth: 1 }, data: marks[s],
      });
    });
    series.push({
      name: DONE, type: 'scatter', symbol: 'circle', symbolSize: 7, z: 4,
      itemStyle: { color: '#212529' }, data: done,
      markLine: {
        symbol: 'none', silent: true,
        lineStyle: { color: '#a4161a', width: 2, type: 'dashed' },
        label: { formatter: 'Ngày xem: ' + dateVi(data.as_of), position: 'insideEndTop', color: '#a4161a' },
        data: [{ xAxis: time(data.as_of) }],
      },
    });
    return {
      animation: false,
      grid: { left: 16, right: 32, top: 48, bottom: 32, containLabel: true },
      legend: { top: 0, data: STATE_ORDER.map(function (s) { return LABELS[s]; }).concat([DONE]) },
      tooltip: { trigger: 'item', renderMode: 'richText', formatter: tooltip },
      xAxis: {
        type: 'time', min: min - pad, max: max + pad,
        axisLabel: { formatter: monthVi, hideOverlap: true },
        splitLine: { show: true, lineStyle: { color: '#eee' } },
      },
      yAxis: {
        type: 'category', data: names, inverse: true,
        axisLabel: { width: labelWidth, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: series,
    };
  }

  function drawTimeline() {
    var drawn = window.nqDrawChart('projects-chart', function (data, el) {
      // One row of about 44px per project (set through the CSSOM, which the CSP allows).
      el.style.height = Math.max(280, 110 + 44 * (data.projects || []).length) + 'px';
      return buildOption(data, Math.min(230, Math.round(el.clientWidth * 0.35)));
    });
    if (!drawn) return;
    drawn.chart.on('click', function (p) {
      if (p.data && p.data.project) {
        window.location.href = '/tasks/' + p.data.project.id + '?as_of=' + drawn.data.as_of;
      }
    });
  }

  // The progress form: a reason is required when the percent goes below the current one.
  function markReason() {
    var percent = document.getElementById('progress-percent');
    var reason = document.getElementById('progress-reason');
    if (!percent || !reason) return;
    var lower = percent.value !== '' &&
      Number(percent.value) < Number(percent.getAttribute('data-nq-current'));
    reason.required = lower;
    var mark = document.querySelector('label[for="progress-reason"] .nq-required-mark');
    if (mark) mark.hidden = !lower;
  }

  document.addEventListener('input', function (event) {
    if (event.target.id === 'progress-percent') markReason();
  });

  function start() {
    drawTimeline();
    markReason();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
