// Draws the instruments on a page (built by src/web/instrument_routes.cc):
// every .drawing element names the JSON script holding its document in
// data-source. The balance is a beam with load blocks on top and support
// blocks beneath (SVG), the ecogram a graph (cytoscape), the life-event line
// a time axis. A .print-button prints the page.
(function () {
  'use strict';
  var labelSource = document.getElementById('instrument-labels');
  var labels = labelSource ? JSON.parse(labelSource.textContent) : {};
  var svgNS = 'http://www.w3.org/2000/svg';

  function el(name, attrs, text) {
    var e = document.createElementNS(svgNS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function balance(box, doc) {
    var blocks = (doc.blocks || []).slice();
    blocks.push({kind: 'load', label: '?', size: doc.unnamed_size || 1, unnamed: true});
    var svg = el('svg', {viewBox: '0 0 800 360', width: '100%'});
    svg.appendChild(el('rect', {x: 40, y: 175, width: 720, height: 12, fill: '#1c2430'}));  // the beam
    svg.appendChild(el('polygon', {points: '400,187 385,215 415,215', fill: '#1c2430'}));   // the pivot
    var x = {load: 50, support: 50};
    blocks.forEach(function (b) {
      var w = 18 * b.size + 30, h = 14 * b.size + 14;
      var y = b.kind === 'load' ? 175 - h : 187;
      var fill = b.unnamed ? '#ffffff' : b.kind === 'load' ? '#fdebdc' : '#e6f2e7';
      svg.appendChild(el('rect', {x: x[b.kind], y: y, width: w, height: h, fill: fill, stroke: '#545f6e',
                                  'stroke-dasharray': b.unnamed ? '6 4' : ''}));
      svg.appendChild(el('text', {x: x[b.kind] + 6, y: y + 18, 'font-size': 14}, b.label));
      x[b.kind] += w + 8;
    });
    box.appendChild(svg);
  }

  function ecogram(box, doc) {
    if (typeof cytoscape === 'undefined') return;
    var colours = {close: '#2e7d32', reciprocal: '#1f5f8b', conflict: '#b3261e', broken: '#8a96a6'};
    var elements = [{data: {id: 'self', label: labels.self}}];
    (doc.nodes || []).forEach(function (n) { elements.push({data: {id: n.id, label: n.label, kind: n.kind}}); });
    (doc.ties || []).forEach(function (t, i) {
      elements.push({data: {id: 'tie' + i, source: t.from, target: t.to, colour: colours[t.type] || '#545f6e',
                            dashed: t.type === 'broken' ? 'dashed' : 'solid'}});
    });
    box.style.height = '26rem';
    cytoscape({
      container: box,
      elements: elements,
      layout: {name: 'concentric', concentric: function (n) { return n.id() === 'self' ? 2 : 1; }, minNodeSpacing: 40},
      style: [
        {selector: 'node', style: {label: 'data(label)', 'background-color': '#d5dbe3', 'text-valign': 'bottom', 'font-size': 12}},
        {selector: 'node[kind = "organisation"]', style: {shape: 'round-rectangle'}},
        {selector: '#self', style: {'background-color': '#1f5f8b', width: 46, height: 46}},
        {selector: 'edge', style: {width: 3, 'line-color': 'data(colour)', 'line-style': 'data(dashed)'}}
      ],
      maxZoom: 1.4,
      userZoomingEnabled: false
    });
  }

  function lifeEvents(box, doc) {
    var list = document.createElement('ol');
    list.className = 'life-line';
    (doc.events || []).forEach(function (e) {
      var item = document.createElement('li');
      item.className = 'tone-' + e.tone;
      var date = document.createElement('strong');
      date.textContent = e.date;
      item.appendChild(date);
      item.appendChild(document.createTextNode(' ' + e.text));
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  var painters = {'drawing-balance': balance, 'drawing-ecogram': ecogram, 'drawing-life_events': lifeEvents};
  document.querySelectorAll('.drawing[data-source]').forEach(function (box) {
    var source = document.getElementById(box.getAttribute('data-source'));
    if (!source) return;
    var doc = JSON.parse(source.textContent);
    Object.keys(painters).forEach(function (cls) { if (box.classList.contains(cls)) painters[cls](box, doc); });
  });
  document.querySelectorAll('.print-button').forEach(function (b) {
    b.addEventListener('click', function () { window.print(); });
  });
})();
