// awskg's page, part 4: the graph view. Items are styled by their state
// ("highlight", "dim", "link" or ""); a paint changes only the items whose look
// changes, in one batched DataSet update per set.
/* global data, has, map, asSet, state, kindOn, relationOn, byId, edgeById, large, ui, fill, nodeLabel,
   kindLabel, relationLabel, element, writeHash, arrowLabel -- state.js */
/* global progressOf -- progress.js */
/* exported nodes, edges, shown, nodesView, edgesView, reveal, showAll, showTopic, paint, paintEverything,
   graphBox, network, zoomBy, focusNode, showNodes, refreshFilters, setFilter, renderCounts, renderLegend */
const DIM_NODE = { background: "#f1f3f5", border: "#dee2e6" };
const DIM_FONT = "#adb5bd";
const BADGES = { done: "✓ ", learning: "◐ " };
const MARK_BORDERS = { done: "#2b8a3e", learning: "#e67700" };

function nodeStyle(n, look) {
  const style = data.kinds[n.kind];
  const summary = (state.lang === "ko" && n.summary_ko) || n.summary || "";
  const status = progressOf(n.id);
  const lit = look !== "dim";
  return {
    id: n.id,
    label: (BADGES[status] || "") + nodeLabel(n),
    group: n.kind,
    shape: style.shape,
    state: look,
    status: status,
    title: nodeLabel(n) + " — " + kindLabel(n.kind) + (summary ? "\n" + summary : ""),
    color: lit
      ? { background: style.color, border: MARK_BORDERS[status] || style.border, highlight: { background: style.color, border: "#0b5cad" } }
      : { background: DIM_NODE.background, border: DIM_NODE.border, highlight: { background: DIM_NODE.background, border: "#0b5cad" } },
    borderWidth: look === "highlight" && large ? 4 : status ? 3 : 1,
    font: { color: lit ? "#1b1f24" : DIM_FONT }
  };
}
function edgeStyle(e, look) {
  const style = data.relations[e.relation];
  const lit = look !== "dim";
  return {
    id: e.id,
    label: arrowLabel(e),
    state: look,
    color: { color: look === "link" ? "#0b5cad" : style.color, highlight: "#0b5cad", opacity: lit ? 1 : 0.15 },
    dashes: style.dashes,
    font: { color: lit ? "#343a40" : "rgba(0,0,0,0)" },
    width: look === "link" ? 4.5 : look === "highlight" ? 3 : 1.6
  };
}

// The look every item starts with, given once: a kind's shape and colours as a vis-network
// group, an edge's and a label's defaults as the network's options (below). A first item
// carries only what is its own: vis-network merges an item's options item by item.
const LOOKS = {
  nodeFont: "#1b1f24", edgeFont: "#343a40", edgeHighlight: "#0b5cad",
  groups: Object.fromEntries(Object.keys(data.kinds).map((k) => [k, {
    shape: data.kinds[k].shape,
    color: { background: data.kinds[k].color, border: data.kinds[k].border, highlight: { background: data.kinds[k].color, border: "#0b5cad" } }
  }]))
};
function firstNode(n) {
  if (progressOf(n.id)) { return nodeStyle(n, ""); } // a marked concept's border is its own
  const summary = (state.lang === "ko" && n.summary_ko) || n.summary || "";
  return { id: n.id, label: nodeLabel(n), group: n.kind, state: "", status: "", title: nodeLabel(n) + " — " + kindLabel(n.kind) + (summary ? "\n" + summary : "") };
}
// one colour per relation, shared by its edges' first items (an update gives an item its own)
const RELATION_COLORS = map();
Object.keys(data.relations).forEach((r) => { RELATION_COLORS[r] = { color: data.relations[r].color }; });
function firstEdge(e) {
  const style = data.relations[e.relation];
  const item = { id: e.id, from: e.from, to: e.to, label: arrowLabel(e), state: "", color: RELATION_COLORS[e.relation] };
  if (style.dashes) { item.dashes = style.dashes; }
  return item;
}

// what each item was last drawn as: "look|mark|language"
const drawnNodes = map();
const drawnEdges = map();
const painted = { nodeFallback: "", edgeFallback: "", nodes: map(), edges: map(), full: false };
const initialNodes = data.nodes.map((n) => {
  drawnNodes[n.id] = "||" + state.lang + "|" + progressOf(n.id);
  const item = firstNode(n);
  if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
  return item;
});
const nodes = new vis.DataSet(initialNodes);
const edges = new vis.DataSet(data.edges.map((e) => {
  drawnEdges[e.id] = "|" + state.lang;
  return firstEdge(e);
}));
// What the map draws: the concepts of the kinds switched on that are shown. A page with an
// overview opens on it (data.start); the rest is shown as the learner goes (reveal), by
// topic (showTopic) or all at once (showAll).
const shown = { all: !data.overview, nodes: asSet(data.overview ? data.start : []) };
const isShown = (id) => shown.all || shown.nodes[id] === true;
// Whether the views pass every item (every kind and relation on, every concept shown): worked
// out once per refresh of the views (refreshViews), not per item, since a big map's views
// look at every item several times as they load.
const passing = { all: shown.all };
const nodesView = new vis.DataView(nodes, { filter: (item) => passing.all || (kindOn[byId[item.id].kind] && isShown(item.id)) });
const edgesView = new vis.DataView(edges, {
  filter: (item) => {
    if (passing.all) { return true; }
    const e = edgeById[item.id];
    return relationOn[e.relation] && kindOn[byId[e.from].kind] && kindOn[byId[e.to].kind] && isShown(e.from) && isShown(e.to);
  }
});
function refreshViews() {
  const on = (table) => Object.keys(table).every((name) => table[name]);
  passing.all = shown.all && on(kindOn) && on(relationOn);
  nodesView.refresh();
  edgesView.refresh();
}
// Show these concepts too; true when something new appeared.
function reveal(ids) {
  if (shown.all) { return false; }
  const fresh = ids.filter((id) => byId[id] && !shown.nodes[id]);
  if (!fresh.length) { return false; }
  fresh.forEach((id) => { shown.nodes[id] = true; });
  refreshViews();
  renderCounts();
  return true;
}
function showAll() {
  if (!shown.all) {
    shown.all = true;
    refreshViews();
    renderCounts();
  }
  showNodes(Object.keys(byId), 0.05);
  return true;
}
// a topic of the overview: its concepts and every concept drawn with it (the page's layout groups them)
function showTopic(head) {
  const topic = data.topics.find((t) => t.head === head);
  if (!topic) { return false; }
  reveal(topic.members);
  showNodes(topic.members, 0.5, topic.nodes);
  return true;
}

// paint(lit nodes, lit edges, tour link edges): sets given as prototype-free maps, or null for none.
// Small maps dim everything else; big maps only light the few, so a selection touches few items.
function paint(keepNodes, keepEdges, linkEdges) {
  const nodeFallback = keepNodes && !large ? "dim" : "";
  const edgeFallback = keepEdges && !large ? "dim" : "";
  const wantNodes = map();
  const wantEdges = map();
  Object.keys(keepNodes || {}).forEach((id) => { if (byId[id]) { wantNodes[id] = "highlight"; } });
  Object.keys(keepEdges || {}).forEach((id) => { if (edgeById[id]) { wantEdges[id] = "highlight"; } });
  Object.keys(linkEdges || {}).forEach((id) => { if (edgeById[id]) { wantEdges[id] = "link"; } });
  const full = painted.full || nodeFallback !== painted.nodeFallback || edgeFallback !== painted.edgeFallback;
  const nodeIds = full ? Object.keys(byId) : Object.keys(Object.assign(map(), painted.nodes, wantNodes));
  const edgeIds = full ? Object.keys(edgeById) : Object.keys(Object.assign(map(), painted.edges, wantEdges));
  const nodeUpdates = [];
  nodeIds.forEach((id) => {
    const look = wantNodes[id] || nodeFallback;
    const signature = look + "||" + state.lang + "|" + progressOf(id);
    if (drawnNodes[id] !== signature) {
      drawnNodes[id] = signature;
      nodeUpdates.push(nodeStyle(byId[id], look));
    }
  });
  const edgeUpdates = [];
  edgeIds.forEach((id) => {
    const look = wantEdges[id] || edgeFallback;
    const signature = look + "|" + state.lang;
    if (drawnEdges[id] !== signature) {
      drawnEdges[id] = signature;
      edgeUpdates.push(edgeStyle(edgeById[id], look));
    }
  });
  Object.assign(painted, { nodeFallback: nodeFallback, edgeFallback: edgeFallback, nodes: wantNodes, edges: wantEdges, full: false });
  if (large) {
    quietUpdate(nodes, network.body.nodes, nodeUpdates);
    quietUpdate(edges, network.body.edges, edgeUpdates);
    // drawn once, in the next frame, with whatever else changes before it (the view, the canvas size)
    if (nodeUpdates.length || edgeUpdates.length) { network.body.emitter.emit("_requestRedraw"); }
    return;
  }
  if (nodeUpdates.length) { nodes.update(nodeUpdates); }
  if (edgeUpdates.length) { edges.update(edgeUpdates); }
}
// On a big map a DataSet update makes vis-network walk every node and edge
// (cluster state, value ranges). A restyle changes no structure: give the new look
// to the drawn items and to the DataSet's records directly, then draw once.
function quietUpdate(dataset, drawn, updates) {
  const records = dataset._data;
  updates.forEach((item) => {
    const record = records && records.get(item.id);
    if (record) { Object.assign(record, item); }
    if (drawn[item.id]) { drawn[item.id].setOptions(item); }
  });
  if (!records && updates.length) { dataset.update(updates); }
}
// marks or the language changed: the next paint looks at every item (and still updates only what differs)
function paintEverything() { painted.full = true; }

const graphBox = document.getElementById("graph");
const network = new vis.Network(graphBox, {}, {
  groups: LOOKS.groups,
  nodes: {
    borderWidth: 1, margin: 8, widthConstraint: { maximum: 150 },
    font: { size: 16, face: "system-ui, sans-serif", color: LOOKS.nodeFont },
    // labels by zoom level: below 7 px on screen a label is not drawn
    scaling: { label: { enabled: false, drawThreshold: 7 } }
  },
  edges: {
    arrows: { to: { enabled: true, scaleFactor: 0.55 } },
    color: { highlight: LOOKS.edgeHighlight, opacity: 1 },
    font: { size: 11, align: "middle", strokeWidth: 3, strokeColor: "#ffffff", color: LOOKS.edgeFont },
    scaling: { label: { enabled: false, drawThreshold: 8 } },
    smooth: false,
    width: 1.6,
    selectionWidth: 1
  },
  physics: false, // the layout is Python's (exports/layout.py): the page only draws it
  interaction: {
    hover: !large, tooltipDelay: 250, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
    zoomView: true, dragView: true, navigationButtons: false, keyboard: false
  }
});
// Given data, vis-network fits the whole map to the screen, and to do so measures every
// concept's label: on a big map most of the load. The page picks its first view itself
// (firstView), and a concept is measured when it is first drawn, so the data goes in unfitted.
network.body.emitter.off("fit");
network.setData({ nodes: nodesView, edges: edgesView });
network.body.emitter.on("fit", (options, initial) => network.view.fit(options, initial));
network.body.emitter.emit("_requestRedraw"); // the first frame, which the fit would have asked for

// Big maps draw straight edges (no physics, no curves). An edge is drawn only when its
// segment crosses the screen (not merely its bounding box: long edges are most of a big
// map's edges), only the part of it on screen, and its label only when the label's
// middle is on or near the screen: what is off screen costs the rasterizer nothing.
function viewArea(canvas, margin) {
  const frame = canvas.frame.canvas;
  const from = canvas.DOMtoCanvas({ x: -margin, y: -margin });
  const to = canvas.DOMtoCanvas({ x: frame.clientWidth + margin, y: frame.clientHeight + margin });
  return { left: from.x, top: from.y, right: to.x, bottom: to.y };
}
// the part [t0, t1] of the segment a→b inside the area (Liang–Barsky), or null when none is
function clipSegment(a, b, area) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const sides = [[-dx, a.x - area.left], [dx, area.right - a.x], [-dy, a.y - area.top], [dy, area.bottom - a.y]];
  for (let i = 0; i < 4; i++) {
    const p = sides[i][0];
    const q = sides[i][1];
    if (p === 0) {
      if (q < 0) { return null; }
    } else {
      const r = q / p;
      if (p < 0) { if (r > t1) { return null; } if (r > t0) { t0 = r; } } else { if (r < t0) { return null; } if (r < t1) { t1 = r; } }
    }
  }
  return [t0, t1];
}
// vis-network's line cut to the area; a dashed line's cut starts on a whole dash period,
// so the dashes stay where the whole line would have them. The line runs between the end
// points the edge's arrows left last frame (fresh), else between the nodes' centres: an edge
// that was sketched may have been left behind by a dragged node.
function drawClippedLine(ctx, edge, area, fresh) {
  const type = edge.edgeType;
  const values = edge.getFormattingValues();
  if (values.hidden) { return; }
  const p = (fresh && type.fromPoint) || edge.from;
  const q = (fresh && type.toPoint) || edge.to;
  const cut = clipSegment(p, q, area);
  if (!cut) { return; }
  const length = Math.hypot(q.x - p.x, q.y - p.y);
  let t0 = cut[0];
  if (values.dashes !== false && t0 > 0 && length > 0) {
    const dashes = Array.isArray(values.dashes) ? values.dashes : [5, 5];
    const period = dashes.reduce((sum, d) => sum + d, 0) * (dashes.length % 2 ? 2 : 1);
    if (period > 0) { t0 = Math.floor((t0 * length) / period) * period / length; }
  }
  const at = (t) => ({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t });
  type.fromPoint = at(t0);
  type.toPoint = at(cut[1]);
  try { type.drawLine(ctx, values, edge.selected, edge.hover); } finally { type.fromPoint = p; type.toPoint = q; }
}
const LABEL_REACH = 100; // canvas units around the screen where an edge label's middle may still show
// More unlit edges than this on screen are a tangle no one reads: they are sketched.
const FULL_EDGES = 400;
// Big maps sketch the edges that are not lit when zoomed far out (below 0.45) or when more
// than FULL_EDGES of them cross the screen: plain 1 px lines in one path per colour, with
// no dashes, arrows or labels. Lit edges (a selection's, a tour's, a path's) are always
// drawn in full.
if (large && network.renderer && network.renderer._drawEdges) {
  const renderer = network.renderer;
  renderer.fullEdges = [];
  renderer._drawEdges = function drawVisibleEdges(ctx) {
    const body = this.body;
    const scale = Math.max(body.view.scale, 0.05);
    const area = viewArea(this.canvas, 20);
    const labelArea = viewArea(this.canvas, 20 + LABEL_REACH * scale);
    const lit = [];
    const unlit = [];
    const ids = body.edgeIndices;
    for (let i = 0; i < ids.length; i++) {
      const edge = body.edges[ids[i]];
      if (edge.connected !== true) { continue; }
      if (!clipSegment(edge.from, edge.to, edge.from === edge.to ? labelArea : area)) { continue; } // a loop: its node near the screen
      (painted.edges[edge.id] ? lit : unlit).push(edge);
    }
    const sketch = body.view.scale < 0.45 || unlit.length > FULL_EDGES;
    const full = sketch ? lit : lit.concat(unlit);
    if (sketch) {
      const batches = new Map();
      unlit.forEach((edge) => {
        const a = edge.from;
        const b = edge.to;
        if (a === b) { return; }
        const cut = clipSegment(a, b, area);
        const colour = edge.options.color.color;
        if (!batches.has(colour)) { batches.set(colour, []); }
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        batches.get(colour).push(a.x + dx * cut[0], a.y + dy * cut[0], a.x + dx * cut[1], a.y + dy * cut[1]);
      });
      ctx.lineWidth = 1 / scale;
      batches.forEach((points, colour) => {
        ctx.strokeStyle = colour;
        ctx.beginPath();
        for (let i = 0; i < points.length; i += 4) { ctx.moveTo(points[i], points[i + 1]); ctx.lineTo(points[i + 2], points[i + 3]); }
        ctx.stroke();
      });
    }
    const before = new Set(renderer.fullEdges);
    full.forEach((edge) => {
      const a = edge.from;
      const b = edge.to;
      if (a === b) { edge.draw(ctx); return; }
      drawClippedLine(ctx, edge, area, before.has(edge));
      const mx = (a.x + b.x) / 2;
      const my = (a.y + b.y) / 2;
      if (mx >= labelArea.left && mx <= labelArea.right && my >= labelArea.top && my <= labelArea.bottom) { edge.drawLabel(ctx); }
    });
    renderer.fullEdges = full;
  };
}

// Arrows: only on the edges drawn in full.
if (large && network.renderer && network.renderer._drawArrows) {
  network.renderer._drawArrows = function drawVisibleArrows(ctx) {
    (this.fullEdges || []).forEach((edge) => { if (edge.connected === true) { edge.drawArrows(ctx); } });
  };
}
// Nodes: vis-network measures every off-screen node's label each frame; skip the ones far off screen.
if (large && network.renderer && network.renderer._drawNodes) {
  const drawAllNodes = network.renderer._drawNodes;
  network.renderer._drawNodes = function drawVisibleNodes(ctx, alwaysShow) {
    if (alwaysShow === true) { return drawAllNodes.call(this, ctx, alwaysShow); }
    const body = this.body;
    const frame = this.canvas.frame.canvas;
    const reach = 200 / Math.max(body.view.scale, 0.05); // wider than any node's half-size on screen
    const from = this.canvas.DOMtoCanvas({ x: 0, y: 0 });
    const to = this.canvas.DOMtoCanvas({ x: frame.clientWidth, y: frame.clientHeight });
    const area = { top: from.y - 20, left: from.x - 20, bottom: to.y + 20, right: to.x + 20 };
    const later = [];
    const external = [];
    const draw = (node) => {
      const drawn = node.draw(ctx);
      if (drawn && drawn.drawExternalLabel) { external.push(drawn.drawExternalLabel); }
    };
    body.nodeIndices.forEach((id) => {
      const node = body.nodes[id];
      if (node.x < from.x - reach || node.x > to.x + reach || node.y < from.y - reach || node.y > to.y + reach) { return; }
      if (node.hover || node.isSelected()) { later.push(node); return; }
      if (!node.shape.width) { node.updateBoundingBox(ctx, node.selected); } // not measured yet: no fit measured it
      if (node.isBoundingBoxOverlappingWith(area) === true) { draw(node); } else { node.updateBoundingBox(ctx, node.selected); }
    });
    later.forEach(draw);
    return { drawExternalLabels: () => external.forEach((f) => f()) };
  };
}

// the canvas follows its box (the panel or a rotated phone resizes it); a resize clears the
// canvas, so a big map is drawn again at once when, and only when, its size is not the one drawn
const sizeOf = (canvas) => canvas.width + "x" + canvas.height;
let drawnSize = "";
network.on("afterDrawing", () => { drawnSize = sizeOf(network.canvas.frame.canvas); });
if (window.ResizeObserver) {
  new ResizeObserver(() => {
    network.setSize("100%", "100%");
    if (!large || sizeOf(network.canvas.frame.canvas) !== drawnSize) { network.redraw(); }
  }).observe(graphBox);
}
function zoomBy(factor) {
  network.moveTo({ scale: network.getScale() * factor, animation: { duration: 200 } });
}
function fitAll() { network.fit({ animation: { duration: 300 } }); }
// The part of the map the learner can see, in the map's own pixels: not under the phone's
// bottom sheets (the card's, the quiz's), the open menu or the start card. Everything the page moves to lands here.
function visibleArea() {
  const box = graphBox.getBoundingClientRect();
  const area = { left: 0, top: 0, right: box.width, bottom: box.height };
  [document.getElementById("panel"), document.getElementById("quiz-sheet")].forEach((over) => {
    const sheet = over.hidden ? null : over.getBoundingClientRect();
    if (sheet && sheet.left <= box.left + 1 && sheet.right >= box.right - 1 && sheet.top < box.bottom) {
      area.bottom = Math.max(area.top + 60, Math.min(area.bottom, sheet.top - box.top));
    }
  });
  const menu = document.body.classList.contains("menu-open") ? document.getElementById("legend").getBoundingClientRect() : null;
  if (menu && menu.right > box.left && menu.left <= box.left + 1) { area.left = Math.min(area.right - 60, menu.right - box.left); }
  const start = document.getElementById("start-card");
  const card = start.hidden ? null : start.getBoundingClientRect();
  if (card && card.top - box.top > box.height / 2) { area.bottom = Math.max(area.top + 60, Math.min(area.bottom, card.top - box.top - 8)); }
  else if (card) { area.top = Math.min(area.bottom - 60, card.bottom - box.top + 8); }
  return area;
}
// Move the view so that the canvas point lands in the middle of the visible area, at this scale.
function centreOn(point, scale, animate) {
  // the canvas takes its box's size now (a panel just opened may have narrowed it), so that
  // vis-network does not rescale the view when it notices later
  network.setSize("100%", "100%");
  const box = graphBox.getBoundingClientRect();
  const area = visibleArea();
  const dx = (area.left + area.right) / 2 - box.width / 2;
  const dy = (area.top + area.bottom) / 2 - box.height / 2;
  network.moveTo({
    position: { x: point.x - dx / scale, y: point.y - dy / scale },
    scale: scale,
    animation: animate === false ? false : { duration: 250 }
  });
}
// Bring one concept into the visible area, no smaller than it is now nor than minScale.
function focusNode(id, minScale, animate) {
  const at = network.getPositions([id])[id];
  if (at) { centreOn(at, Math.max(network.getScale(), minScale), animate); }
}
// The canvas box around these nodes, with room for a label (wrapped at 150) around each centre:
// a node shown a moment ago has a position but has not been measured yet.
const NODE_HALF = { x: 90, y: 32 };
function boxAround(ids) {
  const at = network.getPositions(ids);
  let box = null;
  ids.forEach((id) => {
    const p = at[id];
    if (!p) { return; }
    const b = { left: p.x - NODE_HALF.x, top: p.y - NODE_HALF.y, right: p.x + NODE_HALF.x, bottom: p.y + NODE_HALF.y };
    box = box ? { left: Math.min(box.left, b.left), top: Math.min(box.top, b.top), right: Math.max(box.right, b.right), bottom: Math.max(box.bottom, b.bottom) } : b;
  });
  return box;
}
// Show these nodes in the visible area, never so small that their labels drop below minScale of
// their size: when they do not all fit, the view pans instead of zooming out, to the two ends in
// ``keep`` (a path's) at that size, or to the one concept in ``keep`` (else the first) at full size.
function showNodes(ids, minScale, keep, animate) {
  reveal(ids);
  const present = ids.filter((id) => byId[id] && kindOn[byId[id].kind]);
  if (!present.length) { return; }
  const least = minScale || 0.7;
  const area = visibleArea();
  const fit = (list) => {
    const box = boxAround(list);
    if (!box) { return null; }
    const margin = 24;
    const scale = Math.min(1.2, (area.right - area.left - 2 * margin) / Math.max(1, box.right - box.left),
      (area.bottom - area.top - 2 * margin) / Math.max(1, box.bottom - box.top));
    return { scale: scale, centre: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 } };
  };
  const all = fit(present);
  if (!all) { return; }
  if (all.scale >= least) { centreOn(all.centre, all.scale, animate === undefined ? false : animate); return; }
  // too far apart to read at once: two ends centred at the least readable size (the most room
  // around them), one concept (or the first) centred at its full size
  const ends = (keep || []).filter((id) => present.indexOf(id) >= 0);
  const inner = ends.length > 1 ? fit(ends) : null;
  const pair = inner && inner.scale >= least;
  const first = ends[0] || present[0];
  centreOn(pair ? inner.centre : network.getPositions([first])[first], pair ? least : Math.max(least, 1), animate === undefined ? false : animate);
}
document.getElementById("zoom-in").addEventListener("click", () => zoomBy(1.3));
document.getElementById("zoom-out").addEventListener("click", () => zoomBy(1 / 1.3));
document.getElementById("zoom-fit").addEventListener("click", fitAll);

function refreshFilters() {
  refreshViews();
  renderLegend();
  renderCounts();
}
function setFilter(what, name, on) {
  const table = what === "kind" ? kindOn : relationOn;
  if (!has(table, name)) { return; }
  table[name] = on;
  refreshViews();
  renderCounts();
  writeHash();
}
function renderCounts() {
  document.getElementById("counts").textContent = fill(ui("counts"), { nodes: nodesView.length, edges: edgesView.length });
  document.getElementById("show-all").hidden = shown.all;
}
// the legend: kinds grouped by colour family, each with its shape; relations grouped by
// colour family, each with its line style
const SHAPE_GLYPHS = { ellipse: "", box: "", database: "", circle: "", hexagon: "⬢", diamond: "◆", dot: "●", star: "★", triangle: "▲", square: "■" };
function renderLegend() {
  const kindBox = document.getElementById("kind-filters");
  const relationBox = document.getElementById("relation-filters");
  [kindBox, relationBox].forEach((box) => {
    Array.from(box.children).forEach((child) => { if (child.tagName !== "LEGEND") { child.remove(); } });
  });
  // kinds by colour family (pack data: kinds.csv), each with its shape
  legendFamilies(kindBox, data.kind_families, data.kinds, "kind", (k) => {
    const swatch = element("span", SHAPE_GLYPHS[data.kinds[k].shape] || "", "swatch shape-" + data.kinds[k].shape);
    swatch.style.background = data.kinds[k].color;
    swatch.style.borderColor = data.kinds[k].border;
    swatch.style.color = data.kinds[k].border;
    return [swatch, kindLabel(k)];
  });
  legendFamilies(relationBox, data.families, data.relations, "relation", (r) => {
    const line = element("span", null, "line " + data.relations[r].line);
    line.style.borderTopColor = data.relations[r].color;
    return [line, relationLabel(r, false)];
  });
}
// One legend group per colour family: a title in the family's colour, then a filter
// checkbox per member (a kind or a relation) with its sample (swatch or line) and name.
function legendFamilies(box, families, records, what, sample) {
  Object.keys(families).forEach((f) => {
    const members = Object.keys(records).filter((name) => records[name].family === f);
    if (!members.length) { return; }
    const group = element("div", null, "family");
    group.setAttribute("data-family", f);
    const title = element("div", families[f].label[state.lang], "family-title");
    title.style.borderLeftColor = families[f].color;
    group.appendChild(title);
    members.forEach((name) => {
      const label = element("label");
      const check = element("input");
      check.type = "checkbox"; check.checked = (what === "kind" ? kindOn : relationOn)[name];
      check.setAttribute("data-" + what, name);
      check.addEventListener("change", () => setFilter(what, name, check.checked));
      const [mark, text] = sample(name);
      mark.setAttribute("aria-hidden", "true");
      label.append(check, mark, element("span", text));
      group.appendChild(label);
    });
    box.appendChild(group);
  });
}
