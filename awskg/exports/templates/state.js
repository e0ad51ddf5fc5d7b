// awskg's page, part 1: the data, shared state, small helpers and the URL hash.
// Every value from the graph is written with textContent or given to vis-network
// as a plain string: data is text, never markup.
/* exported data, has, map, asSet, state, tour, kindOn, relationOn, byId, edgeById, touchingOf, neighborsOf,
   large, compareText, ui, fill, nodeLabel, kindLabel, relationLabel, relationHeading, sentenceOf, element,
   button, safeUrl, stored, store, announce, on, hook, writeHash, factText, arrowLabel, sourceOf */
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
// The page's data gives each fact's texts as one flat list of numbers, language after language,
// laid out as data.said.slots names them (html.py: SAID_SLOTS): each a text of data.said.texts,
// where facts share their words. It leaves out what the page can say itself: the fact's id, an
// empty note, a citation that is its source_ref as it is (sourceOf), and a concept's label in a
// fact's sentence. The texts are read on first use.
const SAID = map();
data.said.slots.forEach((name, i) => { SAID[name] = i; });
const NO_NOTE = map();
data.langs.forEach((code) => { NO_NOTE[code] = ""; });
data.edges.forEach((e) => {
  e.id = e.from + "|" + e.relation + "|" + e.to;
  if (!e.note) { e.note = NO_NOTE; }
});
// how a fact's source is cited in a language: its source_ref as it is, unless the data says otherwise
const sourceOf = (e, lang) => (e.source ? e.source[lang || state.lang] : e.source_ref);
const shownLabel = (id, code) => (code === "ko" && byId[id].label_ko) || byId[id].label;
// where a language's slots start in a fact's list
const saidAt = (lang) => data.said.slots.length * data.langs.indexOf(lang || state.lang);
// the label on a fact's arrow
const arrowLabel = (e, lang) => data.said.texts[e.said[saidAt(lang) + SAID.label]];
// a fact's sentence from the source (out) and from the target (in), each as [before the
// object, the object, after it], and what it says of either end (pred): read once per language
function factText(e, lang) {
  const code = lang || state.lang;
  const read = e.read || (e.read = map());
  if (!read[code]) {
    const at = saidAt(code);
    const text = (slot) => data.said.texts[e.said[at + SAID[slot]]];
    // the opening (the subject's label and what follows it, or nothing), then the predicate's three parts
    const sentence = (way, subject, other) => [
      e.said[at + SAID[way + "_opening"]] === null ? "" : shownLabel(subject, code) + text(way + "_opening"),
      text(way + "_before"),
      e.said[at + SAID[way + "_object"]] === null ? shownLabel(other, code) : text(way + "_object"),
      text(way + "_after")
    ];
    const out = sentence("out", e.from, e.to);
    const back = sentence("back", e.to, e.from);
    read[code] = {
      out: [out[0] + out[1], out[2], out[3]],
      in: [back[0] + back[1], back[2], back[3]],
      pred: [out.slice(1).join(""), back.slice(1).join("")]
    };
  }
  return read[code];
}
const edgeById = map();
data.edges.forEach((e) => { edgeById[e.id] = e; });
// id -> the edges touching it, and its distinct neighbors in id order (as relate walks them);
// worked out when the page is first idle (after its first frame) or on first use, if sooner,
// so that neither a big map's load nor its first question waits for them
const touching = { index: null };
function touchingIndex() {
  if (!touching.index) {
    const index = map();
    data.nodes.forEach((n) => { index[n.id] = []; });
    data.edges.forEach((e) => {
      index[e.from].push(e);
      if (e.to !== e.from) { index[e.to].push(e); }
    });
    touching.index = index;
  }
  return touching.index;
}
const touchingOf = (id) => touchingIndex()[id];
if (typeof requestIdleCallback === "function") { requestIdleCallback(touchingIndex); }
const neighborCache = map();
const neighborsOf = (id) => {
  if (!neighborCache[id]) {
    const seen = map();
    touchingOf(id).forEach((e) => { seen[e.from === id ? e.to : e.from] = true; });
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
// the title over a concept's facts of one relation: in Korean a short noun (관리 대상), where the pack gives one
const relationHeading = (r, inverse) => {
  const rel = data.relations[r];
  if (state.lang === "ko") { return inverse ? rel.inverse_heading_ko : rel.heading_ko; }
  return inverse ? rel.inverse_label : rel.label;
};
const sentenceOf = (edge, inverse, lang) => factText(edge, lang)[inverse ? "in" : "out"].join("");

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
