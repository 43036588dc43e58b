// Draws the mindmap of competences (built by src/web/work_pages.cc): life
// situations and the key competences they show, as a graph (cytoscape).
// The same content is on the page as a list, for screen readers and print.
(function () {
  'use strict';
  var box = document.getElementById('mindmap');
  var source = document.getElementById('mindmap-data');
  if (!box || !source || typeof cytoscape === 'undefined') return;
  var doc = JSON.parse(source.textContent);
  var elements = [];
  doc.nodes.forEach(function (n) { elements.push({data: {id: n.id, label: n.label, kind: n.kind, decision: n.decision || ''}}); });
  doc.edges.forEach(function (e, i) { elements.push({data: {id: 'e' + i, source: e.from, target: e.to}}); });
  box.style.height = '28rem';
  cytoscape({
    container: box,
    elements: elements,
    // Situations in the middle, the competences they show around them.
    layout: {name: 'concentric', concentric: function (n) { return n.data('kind') === 'situation' ? 2 : 1; },
             levelWidth: function () { return 1; }, minNodeSpacing: 70, padding: 30},
    style: [
      {selector: 'node', style: {label: 'data(label)', 'font-size': 12, 'text-wrap': 'wrap', 'text-max-width': 140,
                                 'text-valign': 'bottom'}},
      {selector: 'node[kind = "situation"]', style: {shape: 'round-rectangle', 'background-color': '#1f5f8b', width: 26, height: 18}},
      {selector: 'node[kind = "competence"]', style: {'background-color': '#d5dbe3', width: 22, height: 22}},
      {selector: 'node[decision = "acquired"]', style: {'background-color': '#2e7d32'}},
      {selector: 'edge', style: {width: 2, 'line-color': '#8a96a6'}}
    ],
    maxZoom: 1.5,
    userZoomingEnabled: false
  });
})();
