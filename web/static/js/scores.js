// Draws the W² circles (Chart.js radar charts), outside and inside apart:
// the newest (or chosen) snapshot at its three moments, and, when a second
// snapshot is chosen, its "now" as an overlay. Data: #scores-data, built by
// src/web/score_routes.cc.
(function () {
  'use strict';
  var source = document.getElementById('scores-data');
  if (!source || typeof Chart === 'undefined') return;
  var data = JSON.parse(source.textContent);
  if (!data.b) return;
  var colours = {start: '#8a96a6', now: '#1f5f8b', future: '#2e7d32', compare: '#b3261e'};

  function series(snapshot, side, moment) {
    return snapshot.items.filter(function (i) { return i.side === side; }).map(function (i) {
      var s = snapshot.scores[i.code] || {};
      return s[moment] === null || s[moment] === undefined ? null : s[moment];
    });
  }

  ['outside', 'inside'].forEach(function (side) {
    var canvas = document.getElementById('radar-' + side);
    if (!canvas) return;
    var labels = data.b.items.filter(function (i) { return i.side === side; }).map(function (i) { return i.label; });
    var datasets = ['start', 'now', 'future'].map(function (moment) {
      return {label: data.b_label + ': ' + data.labels[moment], data: series(data.b, side, moment),
              borderColor: colours[moment], backgroundColor: 'transparent', pointRadius: 3, borderWidth: moment === 'now' ? 3 : 2,
              borderDash: moment === 'future' ? [6, 4] : []};
    });
    if (data.a) {
      datasets.push({label: data.a_label + ': ' + data.labels.now, data: series(data.a, side, 'now'),
                     borderColor: colours.compare, backgroundColor: 'rgba(179,38,30,0.08)', pointRadius: 3, borderWidth: 2});
    }
    new Chart(canvas, {
      type: 'radar',
      data: {labels: labels, datasets: datasets},
      options: {
        animation: false,
        plugins: {title: {display: true, text: data.labels[side]}, legend: {position: 'bottom'}},
        scales: {r: {min: 0, max: 10, ticks: {stepSize: 2}}}
      }
    });
  });
})();
