// Draws the trajectory timeline (Chart.js): the phase as a stepped line over
// time, crises as a band below it, contacts held and missed as dots.
// The data comes from <script type="application/json" id="timeline-data">,
// built by src/web/spiral_pages.cc; x values are days since 1970-01-01.
(function () {
  'use strict';
  var source = document.getElementById('timeline-data');
  var canvas = document.getElementById('timeline');
  if (!source || !canvas || typeof Chart === 'undefined') return;
  var data = JSON.parse(source.textContent);
  if (!data.steps.length) { canvas.hidden = true; return; }

  var labels = {};
  data.states.forEach(function (s) { labels[s.rank] = s.label; });
  // Rows below the phases: crises, contacts held, missed appointments.
  var CRISIS_Y = -1, HELD_Y = -2, MISSED_Y = -3;
  labels[CRISIS_Y] = data.labels.crisis;
  labels[HELD_Y] = data.labels.held;
  labels[MISSED_Y] = data.labels.missed;
  var day = 86400000;
  function date(x) { return new Date(x * day).toISOString().slice(0, 10); }

  var crisisPoints = [];
  data.crises.forEach(function (c) {
    crisisPoints.push({x: c.from, y: CRISIS_Y, cause: c.cause}, {x: c.to, y: CRISIS_Y, cause: c.cause}, {x: null, y: null});
  });
  var held = data.contacts.filter(function (c) { return !c.missed; }).map(function (c) { return {x: c.x, y: HELD_Y}; });
  var missed = data.contacts.filter(function (c) { return c.missed; }).map(function (c) { return {x: c.x, y: MISSED_Y}; });
  var first = data.steps[0].x;

  new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        {label: data.labels.phase, data: data.steps, stepped: 'before', borderColor: '#1f5f8b', backgroundColor: '#1f5f8b',
         pointRadius: 4, borderWidth: 3},
        {label: data.labels.crisis, data: crisisPoints, borderColor: '#b3261e', backgroundColor: '#b3261e', borderWidth: 8,
         pointRadius: 0, spanGaps: false},
        {label: data.labels.held, data: held, showLine: false, pointRadius: 3, borderColor: '#2e7d32', backgroundColor: '#2e7d32'},
        {label: data.labels.missed, data: missed, showLine: false, pointStyle: 'crossRot', pointRadius: 5, borderColor: '#b3261e'}
      ]
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      scales: {
        x: {type: 'linear', min: Math.min(first, held.length ? held[0].x : first) - 7, max: data.today + 7,
            ticks: {callback: function (v) { return date(v); }, maxTicksLimit: 8}},
        y: {min: MISSED_Y - 1, max: 20, ticks: {stepSize: 1, autoSkip: false,
            callback: function (v) { var l = labels[v] || ''; return l.length > 34 ? l.slice(0, 33) + '…' : l; }}}
      },
      plugins: {
        legend: {position: 'bottom'},
        tooltip: {callbacks: {
          title: function (items) { return date(items[0].parsed.x); },
          label: function (item) {
            var raw = item.raw || {};
            if (item.datasetIndex === 0) return (labels[raw.y] || '') + (raw.label ? ' (' + raw.label + ')' : '');
            if (item.datasetIndex === 1) return data.labels.crisis + ': ' + (raw.cause || '');
            return item.dataset.label;
          }
        }}
      }
    }
  });
})();
