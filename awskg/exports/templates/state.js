// awskg's page, part 1: the data, shared state, small helpers and the URL hash.
// Every value from the graph is written with textContent or given to vis-network
// as a plain string: data is text, never markup.
/* exported data, has, map, asSet, state, tour, kindOn, relationOn, byId, edgeById, touching, neighborsOf,
   large, compareText, ui, fill, nodeLabel, kindLabel, relationLabel, sentenceOf, element, button, safeUrl,
   stored, store, announce, on, hook, writeHash */
const data = JSON.parse(document.getElementById("awskg-data").textContent);
// Look-ups keyed by names from the data or the URL use prototype-free maps and
// own-property checks, so a concept called "constructor" is just a concept.
const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const map = () => Object.create(null);
const asSet = (list) => {
  const set = map();
  list.forEach((x) => { set[x] = true; });
  return set;
};

// What the learner is looking at. Every part of the page reads and changes it here.
const state = {
  lang: data.lang,
  selected: null, // the concept whose card is open
  cursor: null, // the concept the keyboard walk is on
  view: "concept", // what the panel shows: "concept", "relate" or "compare"
  pair: null, // [a, b] of the relate or compare view
  restoring: false
};
// The guided tour under way, if any (tours.js moves it; the hash and the card read it).
const tour = {
  name: null,
  step: 0,
  exploring: false,
  stops: () => (tour.name ? data.tours[tour.name].stops : [])
};
const kindOn = map();
const relationOn = map();
Object.keys(data.kinds).forEach((k) => { kindOn[k] = true; });
Object.keys(data.relations).forEach((r) => { relationOn[r] = true; });

const byId = map();
data.nodes.forEach((n) => { byId[n.id] = n; });
// The page's data gives each fact's texts as one flat list, language after language
// (html.py: _said), and leaves out what the page can say itself: the fact's id, an empty
// note, a citation that is its source_ref as it is, the arrow's label when it is the
// relation's (English) or the sentence's tail (Korean), the other concept's name in a
// sentence when it is its label (both given as 0), and what compare says of either end
// when that is the end of the fact's sentence (given as where it starts).
const SAID = 9;
const sentenceEnd = (start, parts) => (typeof start === "number" ? parts[0].slice(start) + parts[1] + parts[2] : start);
const shownLabel = (id, code) => (code === "ko" && byId[id].label_ko) || byId[id].label;
data.edges.forEach((e) => {
  e.id = e.from + "|" + e.relation + "|" + e.to;
  if (!e.note) { e.note = { en: "", ko: "" }; }
  if (!e.source) { e.source = { en: e.source_ref, ko: e.source_ref }; }
  e.label = map();
  e.text = map();
  e.pred = map();
  data.langs.forEach((code, i) => {
    const s = e.said.slice(SAID * i, SAID * (i + 1));
    const out = [s[1], s[2] === 0 ? shownLabel(e.to, code) : s[2], s[3]];
    const back = [s[4], s[5] === 0 ? shownLabel(e.from, code) : s[5], s[6]];
    e.text[code] = { out: out, in: back };
    e.label[code] = s[0] !== 0 ? s[0] : code === "en" ? data.relations[e.relation].label : out[2];
    e.pred[code] = [sentenceEnd(s[7], out), sentenceEnd(s[8], back)];
  });
  delete e.said;
});
const edgeById = map();
data.edges.forEach((e) => { edgeById[e.id] = e; });
// id -> the edges touching it, and its distinct neighbors in id order (as relate walks them)
const touching = map();
data.nodes.forEach((n) => { touching[n.id] = []; });
data.edges.forEach((e) => {
  touching[e.from].push(e);
  if (e.to !== e.from) { touching[e.to].push(e); }
});
const neighborCache = map();
const neighborsOf = (id) => {
  if (!neighborCache[id]) {
    const seen = map();
    touching[id].forEach((e) => { seen[e.from === id ? e.to : e.from] = true; });
    delete seen[id];
    neighborCache[id] = Object.keys(seen).sort(compareText);
  }
  return neighborCache[id];
};
const large = data.layout.large;

// Python compares strings by code point; JavaScript's < by UTF-16 unit. Equal for
// every character below U+10000, so a code-point compare is needed only beyond.
function compareText(a, b) {
  if (a === b) { return 0; }
  const astral = /[\uD800-\uDFFF]/;
  if (astral.test(a) || astral.test(b)) {
    const x = Array.from(a, (c) => c.codePointAt(0));
    const y = Array.from(b, (c) => c.codePointAt(0));
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] !== y[i]) { return x[i] < y[i] ? -1 : 1; }
    }
    return x.length - y.length;
  }
  return a < b ? -1 : 1;
}

const ui = (key) => data.ui[state.lang][key];
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (whole, key) => (has(values, key) ? String(values[key]) : whole));
const nodeLabel = (n) => {
  const node = typeof n === "string" ? byId[n] : n;
  return (state.lang === "ko" && node.label_ko) || node.label;
};
const kindLabel = (k) => (state.lang === "ko" ? data.kinds[k].label_ko : data.kinds[k].label);
const relationLabel = (r, inverse) => {
  // Python renders every reading (Korean ones whole, over A and B): the page adds no grammar of its own
  const rel = data.relations[r];
  if (state.lang === "ko") { return inverse ? rel.inverse_label_ko : rel.label_ko; }
  return inverse ? rel.inverse_label : rel.label;
};
const sentenceOf = (edge, inverse, lang) => edge.text[lang || state.lang][inverse ? "in" : "out"].join("");

function element(tag, text, className) {
  const el = document.createElement(tag);
  if (text !== undefined && text !== null) { el.textContent = text; }
  if (className) { el.className = className; }
  return el;
}
function button(text, onClick, className) {
  const b = element("button", text, className);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}
function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (e) { return null; }
}
// Stored small preferences (start card, tour places): never fatal when storage is off.
function stored(key, fallback) {
  try {
    const value = JSON.parse(localStorage.getItem(key) || "null");
    return value === null ? fallback : value;
  } catch (e) { return fallback; }
}
function store(key, value) {
  try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: keep in memory */ }
}
function announce(text) {
  document.getElementById("announce").textContent = text;
}

// --- hooks. The page's parts load in order (html.py: SCRIPTS) and none calls a name that a
// later part defines. Where an earlier part needs a later one (the search box selects a concept,
// the panel's card lists what to learn first), it calls ``hook(name, ...)`` and the later part
// registers with ``on(name, fn)``: every function registered runs, in order, and ``hook``
// returns the first answer that is not null. docs/page.md lists the hooks.
const hooks = map();
function on(name, fn) { (hooks[name] = hooks[name] || []).push(fn); }
function hook(name, ...args) {
  const answers = (hooks[name] || []).map((fn) => fn(...args));
  const answer = answers.find((said) => said !== undefined && said !== null);
  return answer === undefined ? null : answer;
}

// --- the view's state in the URL hash, so a learner can bookmark or share it
function writeHash() {
  if (state.restoring) { return; }
  const parts = [["lang", state.lang]];
  if (state.view !== "concept" && state.pair) { parts.push([state.view, state.pair.join(",")]); }
  else if (state.selected) { parts.push(["node", state.selected]); }
  const hiddenKinds = Object.keys(kindOn).filter((k) => !kindOn[k]);
  const hiddenRelations = Object.keys(relationOn).filter((r) => !relationOn[r]);
  if (hiddenKinds.length) { parts.push(["hide-kinds", hiddenKinds.join(",")]); }
  if (hiddenRelations.length) { parts.push(["hide-relations", hiddenRelations.join(",")]); }
  if (tour.name) { parts.push(["tour", tour.name], ["step", String(tour.step + 1)]); }
  const hash = "#" + parts.map((kv) => kv[0] + "=" + encodeURIComponent(kv[1])).join("&");
  if (location.hash !== hash) { history.replaceState(null, "", hash); }
}
