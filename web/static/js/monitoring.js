// Draws the outcome shares per class, over all started trajectories next to
// the closed ones (Chart.js bars). Suppressed shares are null: not drawn.
document.addEventListener('DOMContentLoaded', () => {
  const source = document.getElementById('monitoring-data');
  const canvas = document.getElementById('outcomes-chart');
  if (!source || !canvas || typeof Chart === 'undefined') return;
  const data = JSON.parse(source.textContent);
  const colours = ['#1f5f8b', '#c77c0e'];
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: colours[i % colours.length] })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { min: 0, max: 1, ticks: { callback: (v) => `${Math.round(v * 100)}%` } } },
    },
  });
});
