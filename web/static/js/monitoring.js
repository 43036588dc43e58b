// Draws the monitoring charts (Chart.js bars): the outcome shares per class,
// over all started trajectories next to the closed ones, and the W² averages
// outside and inside on the first and the latest table. Suppressed figures
// are null: not drawn, never shown as zero.
document.addEventListener('DOMContentLoaded', () => {
  const source = document.getElementById('monitoring-data');
  if (!source || typeof Chart === 'undefined') return;
  const charts = JSON.parse(source.textContent);
  const colours = ['#1f5f8b', '#c77c0e'];
  const bars = (id, data, y) => {
    const canvas = document.getElementById(id);
    if (!canvas) return;
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: data.series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: colours[i % colours.length] })),
      },
      options: { responsive: true, maintainAspectRatio: false, scales: { y } },
    });
  };
  bars('outcomes-chart', charts.outcomes, { min: 0, max: 1, ticks: { callback: (v) => `${Math.round(v * 100)}%` } });
  bars('w2-chart', charts.w2, { min: 0, max: 10 });
});
