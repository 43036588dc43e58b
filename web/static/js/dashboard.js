// Draws the team's phase distribution (Chart.js bar chart) on the
// coordinator's dashboard; the same numbers stand in the table below it.
// Data: #dashboard-data, built by src/web/dashboard_routes.cc.
(function () {
  'use strict';
  var source = document.getElementById('dashboard-data');
  var canvas = document.getElementById('phases-chart');
  if (!source || !canvas || typeof Chart === 'undefined') return;
  var data = JSON.parse(source.textContent);
  new Chart(canvas, {
    type: 'bar',
    data: {labels: data.labels, datasets: [{label: data.label, data: data.counts, backgroundColor: '#1f5f8b'}]},
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: {legend: {display: false}},
      scales: {y: {beginAtZero: true, ticks: {precision: 0}}}
    }
  });
})();
