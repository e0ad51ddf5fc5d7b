// awskg's page, part 4: the graph view. Items are styled by their state
// ("highlight", "dim", "link" or ""); a paint changes only the items whose look
// changes, in one batched DataSet update per set.
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
    shape: style.shape,
    state: look,
    status: status,
    title: nodeLabel(n) + " — " + kindLabel(n.kind) + (summary ? "\n" + summary : ""),
    color: lit
      ? { background: style.color, border: MARK_BORDERS[status] || "#495057", highlight: { background: style.color, border: "#0b5cad" } }
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
    label: e.label[state.lang],
    state: look,
    color: { color: look === "link" ? "#0b5cad" : style.color, highlight: "#0b5cad", opacity: lit ? 1 : 0.15 },
    dashes: style.dashes,
    font: { color: lit ? "#343a40" : "rgba(0,0,0,0)" },
    width: look === "link" ? 4.5 : look === "highlight" ? 3 : 1.6
  };
}

// what each item was last drawn as: "look|mark|language"
const drawnNodes = map();
const drawnEdges = map();
const painted = { nodeFallback: "", edgeFallback: "", nodes: map(), edges: map(), full: false };
const initialNodes = data.nodes.map((n) => {
  drawnNodes[n.id] = "||" + state.lang + "|" + progressOf(n.id);
  const item = nodeStyle(n, "");
  if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
  return item;
});
const nodes = new vis.DataSet(initialNodes);
const edges = new vis.DataSet(data.edges.map((e) => {
  drawnEdges[e.id] = "|" + state.lang;
  const item = edgeStyle(e, "");
  item.from = e.from;
  item.to = e.to;
  return item;
}));
const nodesView = new vis.DataView(nodes, { filter: (item) => kindOn[byId[item.id].kind] });
const edgesView = new vis.DataView(edges, {
  filter: (item) => {
    const e = edgeById[item.id];
    return relationOn[e.relation] && kindOn[byId[e.from].kind] && kindOn[byId[e.to].kind];
  }
});

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
    if (nodeUpdates.length || edgeUpdates.length) { network.redraw(); }
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

const physics = data.layout.physics;
const graphBox = document.getElementById("graph");
const network = new vis.Network(graphBox, { nodes: nodesView, edges: edgesView }, {
  nodes: {
    borderWidth: 1, margin: 8, widthConstraint: { maximum: 170 },
    font: { size: 16, face: "system-ui, sans-serif" },
    // labels by zoom level: below 7 px on screen a label is not drawn
    scaling: { label: { enabled: false, drawThreshold: 7 } }
  },
  edges: {
    arrows: { to: { enabled: true, scaleFactor: 0.55 } },
    font: { size: 11, align: "middle", strokeWidth: 3, strokeColor: "#ffffff" },
    scaling: { label: { enabled: false, drawThreshold: 8 } },
    smooth: physics ? { type: "continuous" } : false,
    width: 1.6,
    selectionWidth: 1
  },
  physics: physics ? {
    solver: "forceAtlas2Based",
    forceAtlas2Based: { gravitationalConstant: -110, centralGravity: 0.015, springLength: 120, springConstant: 0.05, avoidOverlap: 0.8 },
    stabilization: { enabled: true, iterations: data.layout.iterations, updateInterval: 100 }
  } : false,
  layout: { improvedLayout: data.nodes.length <= 200, randomSeed: 7 },
  interaction: {
    hover: !large, tooltipDelay: 250, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
    zoomView: true, dragView: true, navigationButtons: false, keyboard: false
  }
});

// Big maps: draw only the edges whose straight line can cross the screen; when zoomed far
// out, draw them as plain lines in one path per colour (arrows and labels are unreadable there).
if (large && network.renderer && network.renderer._drawEdges) {
  const renderer = network.renderer;
  renderer._drawEdges = function drawVisibleEdges(ctx) {
    const body = this.body;
    const frame = this.canvas.frame.canvas;
    const from = this.canvas.DOMtoCanvas({ x: -20, y: -20 });
    const to = this.canvas.DOMtoCanvas({ x: frame.clientWidth + 20, y: frame.clientHeight + 20 });
    const sketch = body.view.scale < 0.45;
    const batches = new Map();
    const ids = body.edgeIndices;
    for (let i = 0; i < ids.length; i++) {
      const edge = body.edges[ids[i]];
      if (edge.connected !== true) { continue; }
      const a = edge.from;
      const b = edge.to;
      if (Math.max(a.x, b.x) < from.x || Math.min(a.x, b.x) > to.x || Math.max(a.y, b.y) < from.y || Math.min(a.y, b.y) > to.y) { continue; }
      const look = painted.edges[edge.id] || "";
      if (!sketch || look) { edge.draw(ctx); continue; }
      const colour = edge.options.color.color;
      if (!batches.has(colour)) { batches.set(colour, []); }
      batches.get(colour).push(a.x, a.y, b.x, b.y);
    }
    renderer.sketching = sketch;
    ctx.lineWidth = 1 / Math.max(body.view.scale, 0.05);
    batches.forEach((points, colour) => {
      ctx.strokeStyle = colour;
      ctx.beginPath();
      for (let i = 0; i < points.length; i += 4) { ctx.moveTo(points[i], points[i + 1]); ctx.lineTo(points[i + 2], points[i + 3]); }
      ctx.stroke();
    });
  };
}

// Arrows: only where their edge was drawn in full; none in a sketch.
if (large && network.renderer && network.renderer._drawArrows) {
  network.renderer._drawArrows = function drawVisibleArrows(ctx) {
    if (this.sketching) { return; }
    const body = this.body;
    const frame = this.canvas.frame.canvas;
    const from = this.canvas.DOMtoCanvas({ x: -20, y: -20 });
    const to = this.canvas.DOMtoCanvas({ x: frame.clientWidth + 20, y: frame.clientHeight + 20 });
    body.edgeIndices.forEach((id) => {
      const edge = body.edges[id];
      if (edge.connected !== true) { return; }
      const a = edge.from;
      const b = edge.to;
      if (Math.max(a.x, b.x) < from.x || Math.min(a.x, b.x) > to.x || Math.max(a.y, b.y) < from.y || Math.min(a.y, b.y) > to.y) { return; }
      edge.drawArrows(ctx);
    });
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
      if (node.isBoundingBoxOverlappingWith(area) === true) { draw(node); } else { node.updateBoundingBox(ctx, node.selected); }
    });
    later.forEach(draw);
    return { drawExternalLabels: () => external.forEach((f) => f()) };
  };
}

// the canvas follows its box (the panel or a rotated phone resizes it)
if (window.ResizeObserver) {
  new ResizeObserver(() => { network.setSize("100%", "100%"); network.redraw(); }).observe(graphBox);
}
function zoomBy(factor) {
  network.moveTo({ scale: network.getScale() * factor, animation: { duration: 200 } });
}
function fitAll() { network.fit({ animation: { duration: 300 } }); }
// show these nodes, never so small that their labels drop below a readable size
function showNodes(ids, minScale) {
  const present = ids.filter((id) => byId[id] && kindOn[byId[id].kind]);
  if (!present.length) { return; }
  network.fit({ nodes: present, animation: false });
  const least = minScale || 0.7;
  if (network.getScale() < least) {
    const positions = network.getPositions(present);
    let x = 0;
    let y = 0;
    present.forEach((id) => { x += positions[id].x; y += positions[id].y; });
    network.moveTo({ position: { x: x / present.length, y: y / present.length }, scale: least, animation: false });
  }
}
document.getElementById("zoom-in").addEventListener("click", () => zoomBy(1.3));
document.getElementById("zoom-out").addEventListener("click", () => zoomBy(1 / 1.3));
document.getElementById("zoom-fit").addEventListener("click", fitAll);

function refreshFilters() {
  nodesView.refresh();
  edgesView.refresh();
  renderLegend();
  renderCounts();
}
function setFilter(what, name, on) {
  const table = what === "kind" ? kindOn : relationOn;
  if (!has(table, name)) { return; }
  table[name] = on;
  nodesView.refresh();
  edgesView.refresh();
  renderCounts();
  writeHash();
}
function renderCounts() {
  document.getElementById("counts").textContent = fill(ui("counts"), { nodes: nodesView.length, edges: edgesView.length });
}
// the legend: kinds, then relations grouped by colour family, each with its line style
function renderLegend() {
  const kindBox = document.getElementById("kind-filters");
  const relationBox = document.getElementById("relation-filters");
  [kindBox, relationBox].forEach((box) => {
    Array.from(box.children).forEach((child) => { if (child.tagName !== "LEGEND") { child.remove(); } });
  });
  Object.keys(data.kinds).forEach((k) => {
    const label = element("label");
    const box = element("input");
    box.type = "checkbox"; box.checked = kindOn[k]; box.setAttribute("data-kind", k);
    box.addEventListener("change", () => setFilter("kind", k, box.checked));
    const swatch = element("span", null, "swatch");
    swatch.style.background = data.kinds[k].color;
    label.append(box, swatch, element("span", kindLabel(k)));
    kindBox.appendChild(label);
  });
  Object.keys(data.families).forEach((f) => {
    const members = Object.keys(data.relations).filter((r) => data.relations[r].family === f);
    if (!members.length) { return; }
    const group = element("div", null, "family");
    group.setAttribute("data-family", f);
    const title = element("div", data.families[f].label[state.lang], "family-title");
    title.style.borderLeftColor = data.families[f].color;
    group.appendChild(title);
    members.forEach((r) => {
      const label = element("label");
      const box = element("input");
      box.type = "checkbox"; box.checked = relationOn[r]; box.setAttribute("data-relation", r);
      box.addEventListener("change", () => setFilter("relation", r, box.checked));
      const line = element("span", null, "line " + data.relations[r].line);
      line.style.borderTopColor = data.relations[r].color;
      label.append(box, line, element("span", relationLabel(r, false)));
      group.appendChild(label);
    });
    relationBox.appendChild(group);
  });
}
