// nqtrack dashboard: the chart of one target (ECharts). No inline scripts (the
// Content-Security-Policy allows only 'self'): the chart's data comes in the data-chart
// attribute of #target-chart, the body of GET /api/v1/resolutions/{id}/targets/{code}. The
// organization picker of the dashboard pages submits through app.js (data-nq-autosubmit).
(function () {
  'use strict';

  var numberVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
  var yearVi = new Intl.NumberFormat('vi-VN', { useGrouping: false, maximumFractionDigits: 0 });

  function fmt(x, unit) {
    if (x === null || x === undefined || !isFinite(x)) return '—';
    var s = numberVi.format(x);
    if (!unit) return s;
    return unit === '%' ? s + '%' : s + ' ' + unit;
  }

  // A date "YYYY-MM-DD" as a fractional year (1/1/2021 = 2021, 31/12/2021 ≈ 2021,997).
  function yearPosition(iso) {
    var parts = iso.split('-').map(Number);
    var start = Date.UTC(parts[0], 0, 1);
    var next = Date.UTC(parts[0] + 1, 0, 1);
    return parts[0] + (Date.UTC(parts[0], parts[1] - 1, parts[2]) - start) / (next - start);
  }

  function dateVi(iso) {
    var parts = iso.split('-').map(Number);
    return parts[2] + '/' + parts[1] + '/' + parts[0];
  }

  function pathData(path) {
    return (path || []).map(function (p) { return [yearPosition(p.date), p.value, p.date]; });
  }

  function buildOption(d) {
    var years = d.years || [];
    var first = years.length ? years[0].year : yearPosition(d.term.start);
    var last = years.length ? years[years.length - 1].year : yearPosition(d.term.end);
    var unit = d.unit;
    var bars = years.map(function (y) {
      return {
        value: [y.year + 0.5, y.value],
        itemStyle: { opacity: y.closed ? 1 : 0.55 },
        estimate: y.estimate,
      };
    });
    var series = [{
      name: 'Số liệu năm',
      type: 'bar',
      barMaxWidth: 38,
      data: bars,
      itemStyle: { color: '#3d6fb6' },
      markLine: {
        symbol: 'none',
        silent: true,
        lineStyle: { color: '#a4161a', width: 2, type: 'solid' },
        label: {
          position: 'insideEndTop',
          formatter: function (p) { return 'Chỉ tiêu ' + fmt(p.value, unit); },
        },
        data: [{ yAxis: d.target_value }].concat(
          d.target_high !== null && d.target_high !== undefined ? [{ yAxis: d.target_high }] : []),
      },
    }];
    if (d.kind === 'cumulative') {
      var sum = 0;
      var running = [];
      years.forEach(function (y) {
        if (y.value === null) return;
        sum += y.value;
        // A closed year ends its point at the year end, the open one at the as-of date.
        var end = y.closed || d.as_of > y.year + '-12-31' ? y.year + '-12-31' : d.as_of;
        running.push([yearPosition(end), sum, end]);
      });
      series.push({
        name: 'Lũy kế', type: 'line', data: running, symbolSize: 6,
        itemStyle: { color: '#2b7a3d' }, lineStyle: { width: 2 },
      });
    }
    series.push({
      name: 'Lộ trình yêu cầu', type: 'line', data: pathData(d.expected_path), symbol: 'none',
      lineStyle: { type: 'dashed', width: 2, color: '#6c757d' }, itemStyle: { color: '#6c757d' },
    });
    series.push({
      name: 'Dự báo', type: 'line', data: pathData(d.projection_path), symbolSize: 5,
      lineStyle: { type: 'dotted', width: 3, color: '#d48a00' }, itemStyle: { color: '#d48a00' },
    });
    return {
      animation: false,
      grid: { left: 64, right: 24, top: 40, bottom: 40 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'item',
        renderMode: 'richText',  // no HTML with inline styles (CSP)
        formatter: function (p) {
          var v = p.value || p.data.value;
          var when = p.seriesType === 'bar' ? 'Năm ' + yearVi.format(Math.floor(v[0]))
            : dateVi(p.data[2]);
          var est = p.data && p.data.estimate ? ' (ước đạt)' : '';
          return p.seriesName + '\n' + when + ': ' + fmt(v[1], unit) + est;
        },
      },
      xAxis: {
        type: 'value', min: first, max: last + 1, interval: 1,
        axisLabel: { formatter: function (x) { return x <= last ? yearVi.format(x) : ''; } },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: function (x) { return fmt(x, unit === '%' ? '%' : ''); } },
      },
      series: series,
    };
  }

  function drawChart() {
    window.nqDrawChart('target-chart', function (data) { return buildOption(data); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawChart);
  } else {
    drawChart();
  }
})();
