// "Mijn traject": the jobseeker's own W² circles (Chart.js radar charts),
// outside and inside apart, one line per self-score (the newest four, the
// newest darkest). Data: #portal-scores-data, built by src/web/portal_pages.cc.
(function () {
  'use strict';
  var source = document.getElementById('portal-scores-data');
  if (!source || typeof Chart === 'undefined') return;
  var data = JSON.parse(source.textContent);
  var shades = ['#b9c7d6', '#8aa3bd', '#4f7ca3', '#1f5f8b'];
  ['outside', 'inside'].forEach(function (side) {
    var canvas = document.getElementById('p-radar-' + side);
    if (!canvas) return;
    var items = data.items.filter(function (i) { return i.side === side; });
    var offset = shades.length - data.snapshots.length;
    new Chart(canvas, {
      type: 'radar',
      data: {
        labels: items.map(function (i) { return i.label.length > 24 ? i.label.slice(0, 22) + '…' : i.label; }),
        datasets: data.snapshots.map(function (s, n) {
          return {label: s.label, data: items.map(function (i) { var v = s.now[i.code]; return v === undefined ? null : v; }),
                  borderColor: shades[offset + n], backgroundColor: 'transparent', borderWidth: n === data.snapshots.length - 1 ? 3 : 2,
                  pointRadius: 3};
        })
      },
      options: {
        animation: false,
        plugins: {title: {display: true, text: data.labels[side]}, legend: {position: 'bottom'}},
        scales: {r: {min: 0, max: 10, ticks: {stepSize: 2}, pointLabels: {font: {size: 11}}}}
      }
    });
  });
})();
