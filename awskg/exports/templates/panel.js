// awskg's page, part 5: the concept panel, selection, and walking the map by keyboard.
/* global data, map, asSet, state, tour, kindOn, byId, edgeById, touchingOf, neighborsOf, ui, nodeLabel,
   kindLabel, relationHeading, element, button, safeUrl, announce, on, hook, writeHash, factText, sourceOf -- state.js */
/* global suggestNamesIn -- names.js */
/* global progressOf, mark -- progress.js */
/* global reveal, paint, graphBox, network, focusNode, showNodes, setFilter, renderLegend -- graph.js */
/* exported panel, sourceLink, focusable, keepingFocus, panelHeader, showPanel, renderPanel, select, closePanel,
   clearSelection, repaint, walkTo, openCursor */
const panel = document.getElementById("panel");

// A source as a short labelled link ("AWS docs", "NIST", "course text § EC2"): the address
// shows on hover (title) and on focus (page.css), never as the card's text. ``shown`` is how
// Python cites it in this language (html.py: cite), which is also the link when it is an address.
function sourceLabel(sourceRef, shown) {
  const url = safeUrl(shown) || safeUrl(sourceRef);
  if (!url) {
    const section = shown !== sourceRef && sourceRef.indexOf(" § ") >= 0 ? sourceRef.slice(sourceRef.indexOf(" § ")) : "";
    return { text: section ? ui("source_course") + section : shown, url: null };
  }
  const host = new URL(url).hostname;
  const site = /(^|\.)aws\.amazon\.com$/.test(host) ? ui("source_aws") : /(^|\.)nist\.gov$/.test(host) ? ui("source_nist") : host.replace(/^www\./, "");
  return { text: site, url: url };
}
function sourceLink(sourceRef, shown) {
  const source = sourceLabel(sourceRef, shown || sourceRef);
  const ref = element(source.url ? "a" : "span", source.text, "ref source");
  ref.title = source.url || shown || sourceRef;
  if (source.url) {
    ref.href = source.url; ref.rel = "noopener noreferrer"; ref.target = "_blank";
    ref.setAttribute("aria-label", ui("source") + ": " + source.text + " (" + source.url + ")");
  }
  return ref;
}
function appendSource(parent, sourceRef, shown) {
  if (sourceRef) { parent.appendChild(sourceLink(sourceRef, shown)); }
}
function focusable(el, key) { el.setAttribute("data-focus", key); return el; }
// Re-rendering the panel replaces its buttons: keep the learner's focus on the same control.
function keepingFocus(render, fallbackKey) {
  const active = document.activeElement;
  const key = active && panel.contains(active) ? active.getAttribute("data-focus") : null;
  render();
  const wanted = (fallbackKey && panel.querySelector("[data-focus=\"" + CSS.escape(fallbackKey) + "\"]")) ||
    (key && panel.querySelector("[data-focus=\"" + CSS.escape(key) + "\"]"));
  if (wanted) { wanted.focus({ preventScroll: true }); } else if (key) { panel.focus({ preventScroll: true }); }
}
function panelHeader(title, other) {
  panel.replaceChildren();
  panel.appendChild(focusable(button(ui("close"), () => clearSelection(), "close"), "close"));
  const heading = element("h2", title);
  heading.id = "panel-title";
  heading.tabIndex = -1;
  panel.appendChild(heading);
  if (other) { panel.appendChild(element("p", other, "other")); }
  panel.setAttribute("aria-labelledby", "panel-title");
}
function showPanel() {
  panel.hidden = false;
  document.body.classList.add("panel-open");
}

function renderPanel(id) {
  const n = byId[id];
  const other = state.lang === "ko" ? n.label : n.label_ko;
  panelHeader(nodeLabel(n), other && other !== nodeLabel(n) ? other : "");
  panel.setAttribute("data-view", "concept");
  panel.setAttribute("data-node", id);
  panel.appendChild(element("span", kindLabel(n.kind), "kind"));
  panel.appendChild(markButtons(id));
  const summary = (state.lang === "ko" && n.summary_ko) || n.summary;
  if (summary) { panel.appendChild(element("p", summary, "summary")); }
  const docs = (state.lang === "ko" && n.docs_ko) || n.docs;  // AWS's Korean page, derived in Python
  const href = docs ? safeUrl(docs) : null;
  if (href) {
    const link = focusable(element("a", ui("docs")), "docs");
    link.href = href; link.rel = "noopener noreferrer"; link.target = "_blank";
    panel.appendChild(link);
  }
  panel.appendChild(pairRow(id));
  const message = element("p", null, "message");
  message.id = "panel-message";
  message.setAttribute("aria-live", "polite");
  panel.appendChild(message);
  hook("card", id); // what to learn first (learn.js), the tour's stop (tours.js)
  if (n.properties.length) {
    panel.appendChild(element("h3", ui("properties")));
    panel.appendChild(propertyList(n.properties));
  }
  appendFacts(id);
  showPanel();
}

// The card's "learning / done / clear" marks for a concept.
function markButtons(id) {
  const marks = element("div", null, "marks");
  marks.setAttribute("role", "group");
  [["learning", "learning"], ["done", "done"], ["", "clear_mark"]].forEach((choice) => {
    const b = focusable(button(ui(choice[1]), () => mark(id, choice[0])), "mark:" + (choice[0] || "none"));
    b.setAttribute("data-mark", choice[0] || "none");
    b.setAttribute("aria-pressed", String(progressOf(id) === choice[0]));
    marks.appendChild(b);
  });
  return marks;
}

// Relate to / compare with another concept, from the card.
function pairRow(id) {
  const row = element("div", null, "pair");
  const otherBox = focusable(element("input"), "pair-input");
  otherBox.type = "search";
  suggestNamesIn(otherBox);
  otherBox.setAttribute("aria-label", ui("relate_to"));
  otherBox.placeholder = ui("relate_to");
  const withOther = (how) => () => hook("pair", how, id, otherBox.value, document.getElementById("panel-message"));
  otherBox.addEventListener("keydown", (event) => { if (event.key === "Enter") { withOther("relate")(); } });
  row.append(otherBox,
    focusable(button(ui("relate"), withOther("relate")), "pair-relate"),
    focusable(button(ui("compare"), withOther("compare")), "pair-compare"));
  return row;
}

// What a concept is like, each value with its note and source.
function propertyList(properties) {
  const props = element("dl", null, "properties");
  properties.forEach((p) => {
    props.appendChild(element("dt", p.dimension[state.lang]));
    const value = element("dd", p.value[state.lang]);
    if (p.note[state.lang]) { value.appendChild(element("div", p.note[state.lang], "ref note")); }
    appendSource(value, p.source_ref, p.source[state.lang]);
    props.appendChild(value);
  });
  return props;
}

// The concept's facts, grouped by relation and direction, each other concept a button.
function appendFacts(id) {
  const groups = map();
  touchingOf(id).forEach((e) => {
    const way = e.from === id ? "out" : "in";
    const key = e.relation + "|" + way;
    (groups[key] = groups[key] || []).push({ edge: e, way: way, other: way === "out" ? e.to : e.from });
  });
  Object.keys(groups).sort().forEach((key) => {
    const first = groups[key][0];
    panel.appendChild(element("h3", relationHeading(first.edge.relation, first.way === "in")));
    const list = element("ul");
    list.setAttribute("data-relation", key);
    groups[key].forEach((fact) => list.appendChild(factItem(id, fact)));
    panel.appendChild(list);
  });
}

function factItem(id, fact) {
  const parts = factText(fact.edge)[fact.way];
  const li = element("li");
  li.setAttribute("data-edge", fact.edge.id);
  li.appendChild(document.createTextNode(parts[0]));
  const go = focusable(button(parts[1], () => select(fact.other, { focusBack: id }), "concept"), "node:" + fact.other);
  go.setAttribute("data-node", fact.other);
  li.appendChild(go);
  li.appendChild(document.createTextNode(parts[2]));
  if (fact.edge.note[state.lang]) { li.appendChild(element("div", fact.edge.note[state.lang], "ref note")); }
  appendSource(li, fact.edge.source_ref, sourceOf(fact.edge));
  return li;
}

// Select a concept: its card, its neighbors lit. A tour is not ended by exploring.
function select(id, options) {
  const opts = options || {};
  if (!byId[id]) { return false; }
  if (!kindOn[byId[id].kind]) { setFilter("kind", byId[id].kind, true); renderLegend(); }
  reveal([id].concat(neighborsOf(id))); // a concept opens with its neighbours on the map
  state.view = "concept";
  state.pair = null;
  state.selected = id;
  document.getElementById("start-card").hidden = true; // the learner has started
  state.cursor = id;
  walk.from = null;
  walk.index = -1;
  if (tour.name && !opts.fromTour) { tour.exploring = id !== tour.stops()[tour.step].node; }
  repaint();
  network.selectNodes([id]);
  const fresh = panel.hidden || panel.getAttribute("data-view") !== "concept" || panel.getAttribute("data-node") !== id;
  keepingFocus(() => renderPanel(id), opts.focusBack ? "node:" + opts.focusBack : null);
  if (fresh) { panel.scrollTop = 0; } // a new card opens at its top
  hook("selected", id);
  // the concept with its neighbours in sight, at a readable size (else the concept alone, centred)
  showNodes([id].concat(neighborsOf(id)), 0.6, [id], opts.animate !== false);
  announce(nodeLabel(id));
  writeHash();
  return true;
}
function closePanel() {
  panel.hidden = true;
  panel.replaceChildren();
  document.body.classList.remove("panel-open");
}
function clearSelection() {
  const hadFocus = panel.contains(document.activeElement);
  state.selected = null;
  state.view = "concept";
  state.pair = null;
  network.unselectAll();
  closePanel();
  hook("cleared");
  repaint();
  if (hadFocus) { graphBox.focus({ preventScroll: true }); }
  writeHash();
}

// What should be lit now, from the state: a relate or compare view or a question (they answer the
// hook "light" with what paint takes), else a selection and its tour stop.
function repaint() {
  const lit = hook("light");
  if (lit) { paint(...lit); return; }
  if (!state.selected) {
    if (data.highlight) { paint(asSet(data.highlight.nodes), asSet(data.highlight.edges), null); return; }
    paint(null, null, null);
    return;
  }
  const keepNodes = asSet([state.selected].concat(neighborsOf(state.selected)));
  const keepEdges = asSet(touchingOf(state.selected).map((e) => e.id));
  let link = null;
  if (tour.name && !tour.exploring) {
    const stops = tour.stops();
    link = asSet(stops[tour.step].link);
    if (tour.step > 0) { keepNodes[stops[tour.step - 1].node] = true; }
    stops[tour.step].link.forEach((eid) => { keepNodes[edgeById[eid].from] = true; keepNodes[edgeById[eid].to] = true; });
  }
  paint(keepNodes, keepEdges, link);
}

// --- walking the map by keyboard: arrows move a cursor to the neighbors of the
// concept the walk started from; Enter opens the concept under the cursor.
const walk = { from: null, index: -1 };
function walkTo(delta) {
  const from = walk.from || state.selected || state.cursor;
  if (!from) {
    const start = data.start.filter((id) => byId[id]);
    state.cursor = start[0] || data.nodes[0].id;
    walk.from = null;
    return showCursor();
  }
  const around = neighborsOf(from).filter((id) => kindOn[byId[id].kind]);
  if (!around.length) { return false; }
  walk.from = from;
  walk.index = walk.index < 0 ? (delta > 0 ? 0 : around.length - 1) : (walk.index + delta + around.length) % around.length;
  state.cursor = around[walk.index];
  return showCursor();
}
function showCursor() {
  network.selectNodes([state.cursor]);
  focusNode(state.cursor, 0.8);
  announce(nodeLabel(state.cursor));
  return true;
}
function openCursor() {
  if (!state.cursor || state.cursor === state.selected) { return false; }
  walk.from = null;
  walk.index = -1;
  return select(state.cursor);
}
// the search box selects by hook (names.js); marks changed (progress.js): the map and the open card show them
on("select", select);
on("marks", () => {
  repaint();
  if (state.selected && state.view === "concept") {
    const typed = panel.querySelector("[data-focus='pair-input']"); // what the learner was typing stays
    const text = typed ? typed.value : "";
    keepingFocus(() => renderPanel(state.selected));
    const again = panel.querySelector("[data-focus='pair-input']");
    if (again && text) { again.value = text; }
  }
});
