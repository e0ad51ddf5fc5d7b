// awskg's page, part 6: relate and compare. The ranking is awskg/explorer/paths.py's,
// run over the page's graph with its constants from Python (data.ranking); the
// answers are the CLI's `relate --json` and `compare --json`, key for key.
/* global data, map, asSet, state, byId, touchingOf, neighborsOf, compareText, ui, fill, nodeLabel, sentenceOf,
   element, button, announce, on, writeHash, factText -- state.js */
/* global resolveName, suggestNamesIn -- names.js */
/* global network, showNodes -- graph.js */
/* global panel, focusable, keepingFocus, panelHeader, showPanel, repaint -- panel.js */
/* exported relate, compare, relateLight, compareLight, showRelate, showCompare, renderRelate, renderCompare */
const RANK = data.ranking;
const hierarchy = asSet(RANK.hierarchy);
const weak = asSet(RANK.weak);
const telling = (r) => !hierarchy[r] && !weak[r];
// the edges stored from u to v (or undefined), indexed when the page is first idle or on first use
const succ = { index: null };
function factIndex() {
  if (!succ.index) {
    const index = map();
    data.nodes.forEach((n) => { index[n.id] = map(); });
    data.edges.forEach((e) => { (index[e.from][e.to] = index[e.from][e.to] || []).push(e); });
    succ.index = index;
  }
  return succ.index;
}
const storedFacts = (u, v) => factIndex()[u][v];
if (typeof requestIdleCallback === "function") { requestIdleCallback(factIndex); }
// kg.neighbors counts a node itself when it has a loop
const breadthOf = (id) => neighborsOf(id).length + (storedFacts(id, id) ? 1 : 0);
const codes = (text) => Array.from(text, (c) => c.codePointAt(0));

// paths.py's _Balls: two breadth-first balls around a and b, the smaller frontier grown first
function balls(a, b) {
  const seen = [map(), map()];
  seen[0][a] = 0;
  seen[1][b] = 0;
  const frontiers = [[a], [b]];
  const depth = [0, 0];
  const grow = () => {
    const side = frontiers[0].length <= frontiers[1].length ? 0 : 1;
    const mine = seen[side];
    const other = seen[1 - side];
    depth[side] += 1;
    const reached = [];
    let best = null;
    frontiers[side].forEach((node) => neighborsOf(node).forEach((next) => {
      if (next in mine) { return; }
      mine[next] = depth[side];
      reached.push(next);
      if (next in other) { const total = depth[side] + other[next]; best = best === null ? total : Math.min(best, total); }
    }));
    frontiers[side] = reached;
    return best;
  };
  const open = () => frontiers[0].length && frontiers[1].length;
  return {
    // undirected hops from a to b if at most limit, else null
    shortest: (limit) => {
      if (a === b) { return 0; }
      while (open() && depth[0] + depth[1] < limit) {
        const best = grow();
        if (best !== null) { return best; }
      }
      return null;
    },
    // hops to b (a look-up, undefined when none) of every concept that can lie on a path of at
    // most `bound` hops from a: b's ball as it is, and from its edge on into a's ball, only
    // where a concept's hops from a and to b add up to no more than bound
    toB: (bound) => {
      while (open() && depth[0] + depth[1] < bound - 1) { grow(); }
      const near = seen[1];
      const beyond = map();
      const queue = frontiers[1].slice();
      for (let head = 0; head < queue.length; head++) {
        const node = queue[head];
        const hops = (node in near ? near[node] : beyond[node]) + 1;
        neighborsOf(node).forEach((other) => {
          const fromA = other in seen[0] ? seen[0][other] : bound;
          if (fromA + hops <= bound && !(other in near) && !(other in beyond)) { beyond[other] = hops; queue.push(other); }
        });
      }
      return (node) => (node in near ? near[node] : beyond[node]);
    }
  };
}
function walks(a, b, distance, bound) {
  const found = [];
  const path = [a];
  const onPath = map();
  onPath[a] = true;
  const extend = (node) => {
    for (const other of neighborsOf(node)) {
      if (found.length >= RANK.max_candidates) { return; }
      const hops = distance(other);
      if (onPath[other] || (hops === undefined ? bound + 1 : hops) + path.length > bound) { continue; }
      if (other === b) { found.push(path.concat([b])); continue; }
      path.push(other);
      onPath[other] = true;
      extend(other);
      path.pop();
      delete onPath[other];
    }
  };
  extend(a);
  return found;
}
// paths.py's max(key=(telling, forward, [-ord(c) for c in relation])): > 0 when x ranks above y
function hopOrder(x, y) {
  if (x.telling !== y.telling) { return x.telling ? 1 : -1; }
  if (x.forward !== y.forward) { return x.forward ? 1 : -1; }
  const p = codes(x.edge.relation);
  const q = codes(y.edge.relation);
  for (let i = 0; i < Math.min(p.length, q.length); i++) {
    if (p[i] !== q[i]) { return p[i] < q[i] ? 1 : -1; }
  }
  return p.length - q.length;
}
// the fact a path takes from u to v; read in a language (hopSaid) only for the paths shown
function hop(u, v) {
  const options = [];
  (storedFacts(u, v) || []).forEach((e) => options.push({ telling: telling(e.relation), forward: true, edge: e }));
  (storedFacts(v, u) || []).forEach((e) => options.push({ telling: telling(e.relation), forward: false, edge: e }));
  let best = options[0];
  options.slice(1).forEach((o) => { if (hopOrder(o, best) > 0) { best = o; } });
  const e = best.edge;
  return { source: e.from, relation: e.relation, target: e.to, edge: e, forward: best.forward };
}
const hopSaid = (h, lang) => ({ source: h.source, relation: h.relation, target: h.target, text: sentenceOf(h.edge, !h.forward, lang), note: h.edge.note[lang] });
// paths.py's _commonality: the path meets at a class, or at a fact both its neighbours share
const classes = asSet(RANK.classes);
function commonality(p) {
  for (let i = 0; i + 1 < p.hops.length; i++) {
    const before = p.hops[i];
    const after = p.hops[i + 1];
    const middle = before.target === after.source || before.target === after.target ? before.target : before.source;
    if (classes[byId[middle].kind]) { return true; }
    if (before.relation === after.relation && (before.target === middle) === (after.target === middle)) { return true; }
  }
  return false;
}
// paths.py's _distinct: the best paths, each through concepts no path before it went through
function distinct(ranked, limit, a, b) {
  const chosen = [];
  const used = map();
  for (const p of ranked) {
    const inner = [];
    p.hops.forEach((h) => [h.source, h.target].forEach((n) => { if (n !== a && n !== b && inner.indexOf(n) < 0) { inner.push(n); } }));
    if (inner.some((n) => used[n])) { continue; }
    chosen.push(p);
    inner.forEach((n) => { used[n] = true; });
    if (chosen.length === limit) { break; }
  }
  return chosen;
}
function rankedPath(nodesOnPath) {
  const hops = [];
  for (let i = 0; i + 1 < nodesOnPath.length; i++) { hops.push(hop(nodesOnPath[i], nodesOnPath[i + 1])); }
  let cost = hops.length + RANK.weak_penalty * hops.filter((h) => weak[h.relation]).length;
  nodesOnPath.slice(1, -1).forEach((middle, i) => {
    cost += RANK.hub[breadthOf(middle)];
    const before = hops[i];
    const after = hops[i + 1];
    if (hierarchy[before.relation] && hierarchy[after.relation] && before.target === middle && middle === after.target) {
      cost += RANK.sibling_penalty;
    }
  });
  return { length: hops.length, hops: hops, cost: cost };
}
function rankOrder(p, q) {
  if (p.cost !== q.cost) { return p.cost < q.cost ? -1 : 1; }
  if (p.length !== q.length) { return p.length - q.length; }
  for (let i = 0; i < Math.min(p.hops.length, q.hops.length); i++) {
    for (const key of ["source", "relation", "target"]) {
      const c = compareText(p.hops[i][key], q.hops[i][key]);
      if (c) { return c; }
    }
  }
  return p.hops.length - q.hops.length;
}
// kg.resolve_pair: {a, b} ids, or {error} as the CLI's errors say it
function resolvePair(first, second) {
  const ends = [];
  for (const text of [first, second]) {
    const found = resolveName(String(text));
    if (!found.id) {
      return found.candidates.length
        ? { error: "ambiguous", name: String(text), candidates: found.candidates }
        : { error: "unknown", name: String(text), suggestions: found.suggestions };
    }
    ends.push(found.id);
  }
  if (ends[0] === ends[1]) { return { error: "same", node: ends[0] }; }
  return { a: ends[0], b: ends[1] };
}
const labelled = (id, lang) => ({ id: id, label: (lang === "ko" && byId[id].label_ko) || byId[id].label });

// window.awskg.relate(a, b): what `awskg relate A B --json` prints (or {error})
function relate(first, second, options) {
  const opts = options || {};
  const lang = opts.lang || state.lang;
  const limit = opts.limit || 3;
  const maxHops = opts.maxHops || 4;
  const pair = resolvePair(first, second);
  if (pair.error) { return pair; }
  const around = balls(pair.a, pair.b);
  const shortest = around.shortest(maxHops);
  if (shortest === null) { return { error: "no-path", from: pair.a, to: pair.b, max_hops: maxHops }; }
  const shared = factsInCommon(pair.a, pair.b, lang);
  let ranked = [];
  // one hop past the shortest; past that only while nothing is shared and no real path was found
  for (let bound = Math.min(maxHops, shortest + 1); bound <= maxHops; bound++) {
    ranked = walks(pair.a, pair.b, around.toB(bound), bound).map(rankedPath).filter((p) => !commonality(p)).sort(rankOrder);
    if (ranked.length || shared.length) { break; }
  }
  if (!ranked.length && !shared.length) { return { error: "no-path", from: pair.a, to: pair.b, max_hops: maxHops, only_shared: true }; }
  return {
    from: labelled(pair.a, lang),
    to: labelled(pair.b, lang),
    paths: distinct(ranked, limit, pair.a, pair.b).map((p) => ({ length: p.length, hops: p.hops.map((h) => hopSaid(h, lang)) })),
    shared: shared
  };
}

// --- compare: facts and properties side by side
const symmetric = asSet(RANK.symmetric);
// a symmetric fact is one fact whichever way it was stored: read as "out" from either end
function factsAbout(id, lang) {
  const facts = [];
  const seen = map();
  const add = (fact) => {
    const key = factKey(fact);
    if (!seen[key]) { seen[key] = true; facts.push(fact); }
  };
  touchingOf(id).forEach((e) => {
    if (e.from === id) { add({ relation: e.relation, direction: "out", node: e.to, text: factText(e, lang).pred[0] }); }
    if (e.to === id) {
      add({ relation: e.relation, direction: symmetric[e.relation] ? "out" : "in", node: e.from, text: factText(e, lang).pred[1] });
    }
  });
  return facts.sort((p, q) => compareText(p.relation, q.relation) || compareText(p.direction, q.direction) ||
    compareText(p.node, q.node) || compareText(p.text, q.text));
}
const factKey = (f) => f.relation + "\u0000" + f.direction + "\u0000" + f.node;
function factsInCommon(a, b, lang) {
  const keysB = asSet(factsAbout(b, lang).map(factKey));
  return factsAbout(a, lang).filter((f) => keysB[factKey(f)] && f.node !== a && f.node !== b);
}
// evidence.py's closed sides: (node, relation, direction) -> the concepts that side holds
const closedSides = map();
data.closed.forEach(([node, relation, direction, held]) => { closedSides[node + "|" + relation + "|" + direction] = asSet(held); });
const opposite = (direction) => (direction === "out" ? "in" : "out");
// evidence.lacks: why `node` does not have the fact, or null
function lacks(node, relation, direction, other) {
  for (const [end, side, member] of [[node, direction, other], [other, opposite(direction), node]]) {
    for (const closed of symmetric[relation] ? [side, opposite(side)] : [side]) {
      const held = closedSides[end + "|" + relation + "|" + closed];
      if (held && !held[member]) { return { rule: "closed", node: end, relation: relation, direction: closed }; }
    }
  }
  return null;
}
// compare._split: [facts `other` is shown to lack, with evidence; the rest], shared ones left out
function splitFacts(facts, shared, other) {
  const only = [];
  const more = [];
  facts.forEach((f) => {
    if (shared[factKey(f)]) { return; }
    const why = f.node === other ? null : lacks(other, f.relation, f.direction, f.node);
    if (why) { only.push(Object.assign({}, f, { evidence: why })); } else { more.push(f); }
  });
  return [only, more];
}
const valueRank = map();
data.values.forEach((key, i) => { valueRank[key] = i; });
function propertyRow(a, b, dimension, lang) {
  let label = "";
  const side = (id) => byId[id].properties
    .filter((p) => p.dim === dimension)
    .map((p) => { label = p.dimension[lang]; return p; })
    .sort((p, q) => valueRank[dimension + "|" + p.val] - valueRank[dimension + "|" + q.val])
    .map((p) => ({ value: p.val, label: p.value[lang] }));
  const sideA = side(a);
  const sideB = side(b);
  const refs = [];
  [a, b].forEach((id) => byId[id].properties.forEach((p) => {
    if (p.dim === dimension && p.source_ref && refs.indexOf(p.source_ref) < 0) { refs.push(p.source_ref); }
  }));
  return { dimension: dimension, label: label, a: sideA, b: sideB, source_refs: refs };
}
// window.awskg.compare(a, b): what `awskg compare A B --json` prints (or {error})
function compare(first, second, options) {
  const lang = (options && options.lang) || state.lang;
  const pair = resolvePair(first, second);
  if (pair.error) { return pair; }
  const a = pair.a;
  const b = pair.b;
  const order = [];
  byId[a].properties.concat(byId[b].properties).forEach((p) => { if (order.indexOf(p.dim) < 0) { order.push(p.dim); } });
  const differ = [];
  const same = [];
  const unknown = [];
  order.forEach((dimension) => {
    const row = propertyRow(a, b, dimension, lang);
    const values = (side) => side.map((v) => v.value).join("\u0000");
    const stated = row.a.length && row.b.length;
    if (stated && values(row.a) === values(row.b)) { same.push(row); } else if (stated && data.compared_dimensions[dimension]) { differ.push(row); } else { unknown.push(row); }
  });
  const shared = factsInCommon(a, b, lang);
  const keys = asSet(shared.map(factKey));
  const [onlyA, moreA] = splitFacts(factsAbout(a, lang), keys, b);
  const [onlyB, moreB] = splitFacts(factsAbout(b, lang), keys, a);
  return {
    a: labelled(a, lang),
    b: labelled(b, lang),
    shared: shared,
    only_a: onlyA,
    only_b: onlyB,
    differences: differ,
    same: same,
    more_a: moreA,
    more_b: moreB,
    unknown: unknown
  };
}

// --- the relate and compare views: lit in the map, listed in the panel
const pairView = { focusedPath: -1 };
function errorText(answer) {
  if (answer.error === "same") { return ui("same_concept"); }
  if (answer.error === "no-path") { return fill(ui(answer.only_shared ? "no_path_shared" : "no_path"), { a: nodeLabel(answer.from), b: nodeLabel(answer.to), n: answer.max_hops }); }
  const ids = answer.candidates || answer.suggestions || [];
  const head = answer.error === "ambiguous" ? fill(ui("ambiguous"), { name: answer.name }) : fill(ui("unknown"), { name: answer.name });
  return head + (ids.length ? " " + (answer.error === "unknown" ? ui("did_you_mean") + " " : "") + ids.map(nodeLabel).join(", ") : "");
}
const relateMemo = { key: null, answer: null };
function relateLight() {
  const key = state.pair.join("\u0000") + "\u0000" + state.lang;
  if (relateMemo.key !== key) { relateMemo.key = key; relateMemo.answer = relate(state.pair[0], state.pair[1]); }
  const answer = relateMemo.answer;
  const litNodes = map();
  const litEdges = map();
  (answer.paths || []).forEach((p, i) => {
    if (pairView.focusedPath >= 0 && i !== pairView.focusedPath) { return; }
    p.hops.forEach((h) => { litNodes[h.source] = true; litNodes[h.target] = true; litEdges[h.source + "|" + h.relation + "|" + h.target] = true; });
  });
  return [litNodes, litEdges, null];
}
function compareLight() {
  const [a, b] = state.pair;
  const litNodes = asSet([a, b]);
  const litEdges = map();
  factsInCommon(a, b, state.lang).forEach((f) => {
    litNodes[f.node] = true;
    [a, b].forEach((end) => {
      const forward = end + "|" + f.relation + "|" + f.node;
      const back = f.node + "|" + f.relation + "|" + end;
      if (f.direction === "out" || symmetric[f.relation]) { litEdges[forward] = true; }
      if (f.direction === "in" || symmetric[f.relation]) { litEdges[back] = true; }
    });
  });
  return [litNodes, litEdges, null];
}
function showPair(how, a, b) {
  if (!byId[a] || !byId[b] || a === b) { return false; }
  state.view = how;
  state.pair = [a, b];
  document.getElementById("start-card").hidden = true; // the learner has started
  state.selected = null;
  pairView.focusedPath = -1;
  network.unselectAll();
  repaint();
  keepingFocus(() => (how === "relate" ? renderRelate() : renderCompare()));
  const lit = Object.keys((how === "relate" ? relateLight() : compareLight())[0]);
  showNodes(lit.length ? lit : [a, b], 0.75, [a, b]);
  announce(document.getElementById("panel-title").textContent);
  writeHash();
  return true;
}
// what the map lights in these views (panel.js: repaint)
on("light", () => {
  if (!state.pair) { return null; }
  return state.view === "relate" ? relateLight() : state.view === "compare" ? compareLight() : null;
});
const showRelate = (a, b) => showPair("relate", a, b);
const showCompare = (a, b) => showPair("compare", a, b);

function renderRelate() {
  const [a, b] = state.pair;
  relateLight();
  const answer = relateMemo.answer;
  panelHeader(fill(ui("paths_title"), { a: nodeLabel(a), b: nodeLabel(b) }));
  panel.setAttribute("data-view", "relate");
  if (answer.error) { panel.appendChild(element("p", errorText(answer), "message")); showPanel(); return; }
  const list = element("ol", null, "paths");
  answer.paths.forEach((p, i) => {
    const item = element("li");
    item.setAttribute("data-path", String(i));
    const focus = focusable(button("", () => {
      pairView.focusedPath = pairView.focusedPath === i ? -1 : i;
      repaint();
      list.querySelectorAll("button.path").forEach((other, j) => other.setAttribute("aria-pressed", String(j === pairView.focusedPath)));
      showNodes(Object.keys(relateLight()[0]), 0.75, state.pair);
    }, "path"), "path:" + i);
    focus.setAttribute("aria-pressed", "false");
    p.hops.forEach((h) => {
      focus.appendChild(element("span", h.text, "hop"));
      if (h.note) { focus.appendChild(element("span", h.note, "hop-note")); }
    });
    item.appendChild(focus);
    list.appendChild(item);
  });
  if (!answer.paths.length) { panel.appendChild(element("p", fill(ui("only_common"), { a: nodeLabel(a), b: nodeLabel(b) }), "message")); }
  panel.appendChild(list);
  if (answer.shared.length) {
    panel.appendChild(element("h3", ui("common")));
    panel.appendChild(element("p", answer.shared.map((f) => f.text).join("; ")));
  }
  panel.appendChild(focusable(button(ui("compare"), () => showCompare(a, b)), "to-compare"));
  showPanel();
}
function valuesText(side) { return side.length ? side.map((v) => v.label).join(", ") : ui("not_stated"); }
function renderCompare() {
  const [a, b] = state.pair;
  const answer = compare(a, b);
  panelHeader(fill(ui("compare_title"), { a: nodeLabel(a), b: nodeLabel(b) }));
  panel.setAttribute("data-view", "compare");
  const table = (title, rows) => {
    if (!rows.length) { return; }
    panel.appendChild(element("h3", title));
    const t = element("table", null, "compare");
    const head = element("tr");
    head.append(element("th", ""), element("th", answer.a.label), element("th", answer.b.label));
    t.appendChild(head);
    rows.forEach((row) => {
      const tr = element("tr");
      tr.setAttribute("data-dimension", row.dimension);
      tr.append(element("th", row.label), element("td", valuesText(row.a)), element("td", valuesText(row.b)));
      t.appendChild(tr);
    });
    panel.appendChild(t);
  };
  table(ui("differences"), answer.differences);
  table(ui("same"), answer.same);
  const facts = (title, list) => {
    if (!list.length) { return; }
    panel.appendChild(element("h3", title));
    const ul = element("ul");
    list.forEach((f) => ul.appendChild(element("li", f.text)));
    panel.appendChild(ul);
  };
  facts(ui("common"), answer.shared);
  facts(fill(ui("only"), { a: answer.a.label }), answer.only_a);
  facts(fill(ui("only"), { a: answer.b.label }), answer.only_b);
  facts(fill(ui("more"), { a: answer.a.label }), answer.more_a);
  facts(fill(ui("more"), { a: answer.b.label }), answer.more_b);
  table(ui("unknown_rows"), answer.unknown);
  panel.appendChild(focusable(button(ui("relate"), () => showRelate(a, b)), "to-relate"));
  showPanel();
}
// from two typed names (or an id and a typed name): resolve like the CLI, or say why not
function pickPair(how, first, second, message) {
  const pair = resolvePair(first, second);
  if (pair.error) { message.textContent = errorText(pair); return false; }
  message.textContent = "";
  return showPair(how, pair.a, pair.b);
}
const relateFrom = document.getElementById("relate-from");
const relateTo = document.getElementById("relate-to");
const relateMessage = document.getElementById("relate-message");
[relateFrom, relateTo].forEach((box) => suggestNamesIn(box));
document.getElementById("relate-go").addEventListener("click", () => pickPair("relate", relateFrom.value, relateTo.value, relateMessage));
document.getElementById("compare-go").addEventListener("click", () => pickPair("compare", relateFrom.value, relateTo.value, relateMessage));
[relateFrom, relateTo].forEach((box) => box.addEventListener("keydown", (event) => {
  if (event.key === "Enter") { pickPair("relate", relateFrom.value, relateTo.value, relateMessage); }
}));
// the card's "relate to" and "compare with" (panel.js: hook "pair")
on("pair", pickPair);
