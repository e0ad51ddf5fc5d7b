// awskg's page, part 2: search and the name index.
// The index (normalized name -> id) is the CLI's own NameIndex, built by Python
// and embedded; this file only looks names up in it, as NameIndex.resolve and
// NameIndex.suggest do (exact name, unique prefix, difflib's close matches).
/* global data, has, state, byId, compareText, ui, fill, nodeLabel, element, button, hook -- state.js */
/* exported suggest, resolveName, find, search, searchHint, suggestNamesIn, hideHint */
const nameKeys = Object.keys(data.names); // in the index's own order, as Python iterates it

// Python's str.casefold where toLowerCase differs: every character (NFKC-stable, already lower case)
// that casefold changes, generated from Python's own tables (tests/test_reliability3.py holds them equal).
const FOLD = {
  "ß": "ss", "ǰ": "ǰ", "ͅ": "ι", "ΐ": "ΐ", "ΰ": "ΰ", "ς": "σ", "ᏸ": "Ᏸ", "ᏹ": "Ᏹ", "ᏺ": "Ᏺ", "ᏻ": "Ᏻ",
  "ᏼ": "Ᏼ", "ᏽ": "Ᏽ", "ᲀ": "в", "ᲁ": "д", "ᲂ": "о", "ᲃ": "с", "ᲄ": "т", "ᲅ": "т", "ᲆ": "ъ", "ᲇ": "ѣ", "ᲈ": "ꙋ",
  "ẖ": "ẖ", "ẗ": "ẗ", "ẘ": "ẘ", "ẙ": "ẙ", "ὐ": "ὐ", "ὒ": "ὒ", "ὔ": "ὔ", "ὖ": "ὖ", "ᾀ": "ἀι",
  "ᾁ": "ἁι", "ᾂ": "ἂι", "ᾃ": "ἃι", "ᾄ": "ἄι", "ᾅ": "ἅι", "ᾆ": "ἆι", "ᾇ": "ἇι", "ᾐ": "ἠι", "ᾑ": "ἡι", "ᾒ": "ἢι",
  "ᾓ": "ἣι", "ᾔ": "ἤι", "ᾕ": "ἥι", "ᾖ": "ἦι", "ᾗ": "ἧι", "ᾠ": "ὠι", "ᾡ": "ὡι", "ᾢ": "ὢι", "ᾣ": "ὣι", "ᾤ": "ὤι",
  "ᾥ": "ὥι", "ᾦ": "ὦι", "ᾧ": "ὧι", "ᾲ": "ὰι", "ᾳ": "αι", "ᾴ": "άι", "ᾶ": "ᾶ", "ᾷ": "ᾶι", "ῂ": "ὴι",
  "ῃ": "ηι", "ῄ": "ήι", "ῆ": "ῆ", "ῇ": "ῆι", "ῒ": "ῒ", "ῖ": "ῖ", "ῗ": "ῗ", "ῢ": "ῢ", "ῤ": "ῤ",
  "ῦ": "ῦ", "ῧ": "ῧ", "ῲ": "ὼι", "ῳ": "ωι", "ῴ": "ώι", "ῶ": "ῶ", "ῷ": "ῶι", "ꭰ": "Ꭰ", "ꭱ": "Ꭱ", "ꭲ": "Ꭲ",
  "ꭳ": "Ꭳ", "ꭴ": "Ꭴ", "ꭵ": "Ꭵ", "ꭶ": "Ꭶ", "ꭷ": "Ꭷ", "ꭸ": "Ꭸ", "ꭹ": "Ꭹ", "ꭺ": "Ꭺ", "ꭻ": "Ꭻ", "ꭼ": "Ꭼ", "ꭽ": "Ꭽ",
  "ꭾ": "Ꭾ", "ꭿ": "Ꭿ", "ꮀ": "Ꮀ", "ꮁ": "Ꮁ", "ꮂ": "Ꮂ", "ꮃ": "Ꮃ", "ꮄ": "Ꮄ", "ꮅ": "Ꮅ", "ꮆ": "Ꮆ", "ꮇ": "Ꮇ", "ꮈ": "Ꮈ",
  "ꮉ": "Ꮉ", "ꮊ": "Ꮊ", "ꮋ": "Ꮋ", "ꮌ": "Ꮌ", "ꮍ": "Ꮍ", "ꮎ": "Ꮎ", "ꮏ": "Ꮏ", "ꮐ": "Ꮐ", "ꮑ": "Ꮑ", "ꮒ": "Ꮒ", "ꮓ": "Ꮓ",
  "ꮔ": "Ꮔ", "ꮕ": "Ꮕ", "ꮖ": "Ꮖ", "ꮗ": "Ꮗ", "ꮘ": "Ꮘ", "ꮙ": "Ꮙ", "ꮚ": "Ꮚ", "ꮛ": "Ꮛ", "ꮜ": "Ꮜ", "ꮝ": "Ꮝ", "ꮞ": "Ꮞ",
  "ꮟ": "Ꮟ", "ꮠ": "Ꮠ", "ꮡ": "Ꮡ", "ꮢ": "Ꮢ", "ꮣ": "Ꮣ", "ꮤ": "Ꮤ", "ꮥ": "Ꮥ", "ꮦ": "Ꮦ", "ꮧ": "Ꮧ", "ꮨ": "Ꮨ", "ꮩ": "Ꮩ",
  "ꮪ": "Ꮪ", "ꮫ": "Ꮫ", "ꮬ": "Ꮬ", "ꮭ": "Ꮭ", "ꮮ": "Ꮮ", "ꮯ": "Ꮯ", "ꮰ": "Ꮰ", "ꮱ": "Ꮱ", "ꮲ": "Ꮲ", "ꮳ": "Ꮳ", "ꮴ": "Ꮴ",
  "ꮵ": "Ꮵ", "ꮶ": "Ꮶ", "ꮷ": "Ꮷ", "ꮸ": "Ꮸ", "ꮹ": "Ꮹ", "ꮺ": "Ꮺ", "ꮻ": "Ꮻ", "ꮼ": "Ꮼ", "ꮽ": "Ꮽ", "ꮾ": "Ꮾ", "ꮿ": "Ꮿ"
};
const FOLDED = new RegExp(`[${Object.keys(FOLD).join("")}]`, "gu");
function normalize(text) {
  const folded = String(text).normalize("NFKC").toLowerCase().replace(FOLDED, (c) => FOLD[c]);
  return folded.replace(/[^\p{L}\p{N}]+/gu, "");
}

// difflib.SequenceMatcher(None, a, b).ratio() and its quick bounds, over code points.
function matcher(b) {
  const b2j = new Map();
  b.forEach((c, j) => {
    if (!b2j.has(c)) { b2j.set(c, []); }
    b2j.get(c).push(j);
  });
  if (b.length >= 200) { // difflib's autojunk: drop characters more frequent than 1% + 1
    const limit = Math.floor(b.length / 100) + 1;
    Array.from(b2j.keys()).forEach((c) => { if (b2j.get(c).length > limit) { b2j.delete(c); } });
  }
  const counts = new Map();
  b.forEach((c) => counts.set(c, (counts.get(c) || 0) + 1));
  function longest(a, alo, ahi, blo, bhi) {
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map();
    for (let i = alo; i < ahi; i++) {
      const next = new Map();
      for (const j of b2j.get(a[i]) || []) {
        if (j < blo) { continue; }
        if (j >= bhi) { break; }
        const k = (j2len.get(j - 1) || 0) + 1;
        next.set(j, k);
        if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
      }
      j2len = next;
    }
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) { besti--; bestj--; bestsize++; }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) { bestsize++; }
    return [besti, bestj, bestsize];
  }
  return {
    realQuick: (a) => (a.length + b.length ? 2 * Math.min(a.length, b.length) / (a.length + b.length) : 1),
    quick: (a) => {
      const avail = new Map();
      let matches = 0;
      a.forEach((c) => {
        const left = avail.has(c) ? avail.get(c) : (counts.get(c) || 0);
        avail.set(c, left - 1);
        if (left > 0) { matches++; }
      });
      return a.length + b.length ? 2 * matches / (a.length + b.length) : 1;
    },
    ratio: (a) => {
      let matches = 0;
      const queue = [[0, a.length, 0, b.length]];
      while (queue.length) {
        const [alo, ahi, blo, bhi] = queue.pop();
        const [i, j, k] = longest(a, alo, ahi, blo, bhi);
        if (k) {
          matches += k;
          if (alo < i && blo < j) { queue.push([alo, i, blo, j]); }
          if (i + k < ahi && j + k < bhi) { queue.push([i + k, ahi, j + k, bhi]); }
        }
      }
      return a.length + b.length ? 2 * matches / (a.length + b.length) : 1;
    }
  };
}

// NameIndex.suggest: ids of the closest names, best first (difflib.get_close_matches, cutoff 0.7).
function suggest(text, limit) {
  const most = limit === undefined ? 3 : limit;
  const word = Array.from(normalize(text));
  const m = matcher(word);
  const close = [];
  nameKeys.forEach((key) => {
    const x = Array.from(key);
    if (m.realQuick(x) >= 0.7 && m.quick(x) >= 0.7) {
      const score = m.ratio(x);
      if (score >= 0.7) { close.push([score, key]); }
    }
  });
  close.sort((p, q) => (q[0] - p[0]) || compareText(q[1], p[1]));
  const ids = [];
  close.slice(0, most * 3).forEach((pair) => {
    const id = data.names[pair[1]];
    if (ids.indexOf(id) < 0) { ids.push(id); }
  });
  return ids.slice(0, most);
}

// NameIndex.resolve: {id} for one concept; else {id: null, candidates} (ambiguous prefix)
// or {id: null, suggestions} (unknown), as the CLI's errors carry them.
// KnowledgeGraph.resolve: an exact name; a word ending several names lists them all, with
// any name it begins; else a unique prefix, several prefixes, or suggestions.
function resolveName(text) {
  const key = normalize(text);
  if (has(data.names, key)) { return { id: data.names[key], candidates: [], suggestions: [] }; }
  const heads = has(data.heads, key) ? data.heads[key] : [];
  const found = byPrefix(text, key);
  if (heads.length < 2) { return found; }
  const ids = found.id ? [found.id] : found.candidates;
  return { id: null, candidates: Array.from(new Set(ids.concat(heads))).sort(compareText), suggestions: [] };
}
function byPrefix(text, key) {
  if (Array.from(key).length >= data.min_prefix) {
    const keys = nameKeys.filter((k) => k.startsWith(key));
    keys.sort((p, q) => Array.from(p).length - Array.from(q).length); // stable, as Python's sorted
    const ids = Array.from(new Set(keys.map((k) => data.names[k]))).sort(compareText);
    // several names of one concept (다이나모DB, 다이나모디비), or one name beginning every other
    if (ids.length === 1 || (keys.length && keys.every((k) => k.startsWith(keys[0])))) {
      return { id: data.names[keys[0]], candidates: [], suggestions: [] };
    }
    if (keys.length) { return { id: null, candidates: ids, suggestions: [] }; }
  }
  return { id: null, candidates: [], suggestions: suggest(text) };
}
const find = (text) => resolveName(text).id;

// --- the search box: Enter selects; no hit shows "did you mean", as `awskg search` does
const search = document.getElementById("search");
const searchHint = document.getElementById("search-hint");
// --- suggestions as the learner types: a few dozen names from the embedded index, never a
// list of every name (a datalist of them costs a big map its load, and past ~31,000 concepts
// filling it overflows the call stack). Names that start with what is typed come first,
// shortest first, then names that contain it.
const SUGGESTIONS = 30;
const suggestBox = document.getElementById("name-suggestions");
const suggesting = { input: null, ids: [], active: -1, pick: null };
function suggestNames(text) {
  const key = normalize(text);
  if (!key) { return []; }
  const starting = [];
  const inside = [];
  for (let i = 0; i < nameKeys.length && starting.length < SUGGESTIONS * 8; i++) {
    const k = nameKeys[i];
    if (k.startsWith(key)) { starting.push(k); } else if (inside.length < SUGGESTIONS && k.indexOf(key) > 0) { inside.push(k); }
  }
  starting.sort((p, q) => p.length - q.length);
  const ids = [];
  starting.concat(inside).forEach((k) => {
    const id = data.names[k];
    if (ids.length < SUGGESTIONS && ids.indexOf(id) < 0) { ids.push(id); }
  });
  return ids;
}
function showSuggestions(input) {
  const ids = suggestNames(input.value);
  Object.assign(suggesting, { input: input, ids: ids, active: -1 });
  suggestBox.replaceChildren(...ids.map((id, i) => {
    const option = element("li", nodeLabel(id));
    const other = state.lang === "ko" ? byId[id].label : byId[id].label_ko;
    if (other && other !== nodeLabel(id)) { option.appendChild(element("span", " " + other, "other")); }
    option.id = "suggestion-" + i;
    option.setAttribute("role", "option");
    option.setAttribute("data-node", id);
    option.addEventListener("mousedown", (event) => { event.preventDefault(); pickSuggestion(i); });
    return option;
  }));
  const at = input.getBoundingClientRect();
  suggestBox.style.left = at.left + "px";
  suggestBox.style.top = at.bottom + 2 + "px";
  suggestBox.style.width = Math.max(at.width, 220) + "px";
  suggestBox.hidden = !ids.length;
  input.setAttribute("aria-expanded", String(!!ids.length));
}
function hideSuggestions() {
  suggestBox.hidden = true;
  if (suggesting.input) { suggesting.input.setAttribute("aria-expanded", "false"); suggesting.input.removeAttribute("aria-activedescendant"); }
  suggesting.active = -1;
}
function moveSuggestion(delta) {
  if (suggestBox.hidden || !suggesting.ids.length) { return false; }
  suggesting.active = (suggesting.active + delta + suggesting.ids.length) % suggesting.ids.length;
  Array.from(suggestBox.children).forEach((li, i) => li.setAttribute("aria-selected", String(i === suggesting.active)));
  suggesting.input.setAttribute("aria-activedescendant", "suggestion-" + suggesting.active);
  return true;
}
function pickSuggestion(i) {
  const input = suggesting.input;
  const id = suggesting.ids[i];
  if (!input || !id) { return false; }
  input.value = nodeLabel(id);
  hideSuggestions();
  const then = suggestsTo.get(input);
  if (then) { then(id); }
  return true;
}
// an input that suggests names; ``then(id)`` runs when a suggestion is picked
const suggestsTo = new WeakMap();
function suggestNamesIn(input, then) {
  suggestsTo.set(input, then || null);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", "name-suggestions");
  input.setAttribute("aria-expanded", "false");
  input.addEventListener("input", () => showSuggestions(input));
  input.addEventListener("blur", hideSuggestions);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (moveSuggestion(event.key === "ArrowDown" ? 1 : -1)) { event.preventDefault(); }
    } else if (event.key === "Enter" && !suggestBox.hidden && suggesting.active >= 0) {
      event.stopImmediatePropagation();
      event.preventDefault();
      pickSuggestion(suggesting.active);
    } else if (event.key === "Escape" && !suggestBox.hidden) {
      event.stopPropagation();
      hideSuggestions();
    }
  });
}
function showHint(answer, typed) {
  searchHint.replaceChildren();
  const ids = answer.candidates.length ? answer.candidates : answer.suggestions;
  searchHint.appendChild(element("p", answer.candidates.length ? fill(ui("ambiguous"), { name: typed }) : fill(ui("unknown"), { name: typed })));
  if (ids.length) {
    if (!answer.candidates.length) { searchHint.appendChild(element("span", ui("did_you_mean") + " ")); }
    ids.forEach((id) => {
      const b = button(nodeLabel(id), () => { hideHint(); search.value = nodeLabel(id); hook("select", id); }, "concept");
      b.setAttribute("data-node", id);
      searchHint.appendChild(b);
    });
  }
  searchHint.hidden = false;
}
function hideHint() { searchHint.hidden = true; searchHint.replaceChildren(); }
function runSearch() {
  hideSuggestions();
  const typed = search.value;
  if (!normalize(typed)) { hideHint(); return null; }
  const answer = resolveName(typed);
  if (answer.id) {
    hideHint();
    if (answer.id !== state.selected || state.view !== "concept") { hook("select", answer.id); }
  } else {
    showHint(answer, typed);
  }
  return answer.id;
}
// a concept the search box picked opens in the panel (panel.js selects on the hook "select")
suggestNamesIn(search, (id) => { hideHint(); if (id !== state.selected || state.view !== "concept") { hook("select", id); } });
search.addEventListener("change", runSearch);
search.addEventListener("keydown", (event) => { if (event.key === "Enter") { runSearch(); } });
