// awskg's page, part 10: language, clicks and keys, window.awskg, and the start.
/* global data, has, map, state, tour, kindOn, relationOn, byId, ui, writeHash -- state.js */
/* global suggest, resolveName, find, search, searchHint, hideHint -- names.js */
/* global progressHere, mark, renderProgress, importProgress -- progress.js */
/* global nodes, edges, shown, nodesView, edgesView, reveal, showAll, showTopic, paintEverything, graphBox,
   network, zoomBy, refreshFilters, setFilter, renderCounts, renderLegend -- graph.js */
/* global panel, keepingFocus, renderPanel, select, clearSelection, repaint, walkTo, openCursor -- panel.js */
/* global relate, compare, showRelate, showCompare, renderRelate, renderCompare -- relate.js */
/* global renderTourOptions, renderTour, showTour, moveTour, backToTour -- tours.js */
/* global quizOpen, startQuiz, resumeQuiz, answerQuiz, nextQuestion, renderQuiz, quizState,
   renderQuizLengths -- quiz.js */
/* global menuButton, legendBox, firstView, renderTopics, showStartCard, openMenu -- start.js */
function renderUi() {
  document.documentElement.lang = state.lang;
  document.title = data.title[state.lang];
  document.querySelectorAll("[data-ui]").forEach((el) => { el.textContent = ui(el.getAttribute("data-ui")); });
  document.querySelectorAll("[data-label]").forEach((el) => {
    el.setAttribute("aria-label", ui(el.getAttribute("data-label")));
    el.title = ui(el.getAttribute("data-label"));
  });
  search.setAttribute("aria-label", ui("search"));
  search.placeholder = ui("search");
  graphBox.setAttribute("aria-label", ui("map_label"));
  legendBox.setAttribute("aria-label", ui("menu"));
  document.getElementById("zoom").setAttribute("aria-label", ui("zoom_in") + " / " + ui("zoom_out"));
  document.querySelectorAll("[data-lang]").forEach((b) => {
    b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === state.lang));
  });
  renderLegend();
  renderCounts();
  renderProgress();
  renderTourOptions();
  renderTopics();
  renderQuizLengths();
  renderTour();
  renderQuiz();
}
function renderPanelView() {
  if (state.view === "relate" && state.pair) { keepingFocus(renderRelate); } else if (state.view === "compare" && state.pair) { keepingFocus(renderCompare); } else if (state.selected) { keepingFocus(() => renderPanel(state.selected)); }
}
function setLang(code) {
  if (!has(data.ui, code) || code === state.lang) { return; }
  state.lang = code;
  paintEverything();
  repaint();
  renderUi();
  renderPanelView();
  writeHash();
}
document.querySelectorAll("[data-lang]").forEach((b) => {
  b.addEventListener("click", () => setLang(b.getAttribute("data-lang")));
});

network.on("click", (params) => {
  if (params.nodes.length && quizOpen() && answerQuiz(params.nodes[0])) { return; }
  if (params.nodes.length) { select(params.nodes[0]); } else if (!params.edges.length) { clearSelection(); }
});
network.on("hoverNode", () => { graphBox.style.cursor = "pointer"; });
network.on("blurNode", () => { graphBox.style.cursor = ""; });

// --- keys, a table as the CLI's tour keys are (printers.py: TOUR_KEYS): a key lists where it acts
// and what it does there, and the first place that holds wins; "move" also keeps the key from
// the browser (no scrolling). Only Escape acts in a text box or with Alt, Ctrl or Meta held.
const pageKey = (event) => !/^(INPUT|SELECT|TEXTAREA)$/.test((event.target && event.target.tagName) || "") &&
  !event.altKey && !event.ctrlKey && !event.metaKey;
const KEY_PLACES = {
  anywhere: () => true,
  // after choosing a tour, left and right move between its stops; up and down still walk the map
  tour: (event) => pageKey(event) && !!tour.name,
  map: (event) => pageKey(event) && [graphBox, document.body, document.documentElement].indexOf(event.target) >= 0,
  card: (event) => pageKey(event) && !!state.selected && state.view === "concept"
};
// Escape closes what is on top: the phone's menu, then the search's hint, then the selection.
function closeTop() {
  if (document.body.classList.contains("menu-open")) { openMenu(false); menuButton.focus(); return; }
  if (!searchHint.hidden) { hideHint(); return; }
  clearSelection();
}
const KEYS = {
  Escape: [["anywhere", closeTop]],
  ArrowRight: [["tour", () => moveTour(1), "move"], ["map", () => walkTo(1), "move"]],
  ArrowLeft: [["tour", () => moveTour(-1), "move"], ["map", () => walkTo(-1), "move"]],
  ArrowDown: [["map", () => walkTo(1), "move"]],
  ArrowUp: [["map", () => walkTo(-1), "move"]],
  Enter: [["map", openCursor, "move"]],
  "+": [["map", () => zoomBy(1.3)]],
  "=": [["map", () => zoomBy(1.3)]],
  "-": [["map", () => zoomBy(1 / 1.3)]],
  d: [["card", () => mark(state.selected, "done")]],
  l: [["card", () => mark(state.selected, "learning")]],
  n: [["card", () => mark(state.selected, "")]]
};
document.addEventListener("keydown", (event) => {
  const action = (has(KEYS, event.key) ? KEYS[event.key] : []).find(([place]) => KEY_PLACES[place](event));
  if (!action) { return; }
  action[1]();
  if (action[2] === "move") { event.preventDefault(); }
});
// the skip link lands in the panel when it is open, else on the map
document.querySelector("a.skip").addEventListener("click", (event) => {
  event.preventDefault();
  const target = panel.hidden ? graphBox : (panel.querySelector("h2") || panel);
  target.focus();
});

const api = {
  network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView, data: data,
  select: select, clear: clearSelection, showAll: showAll, showTopic: showTopic, reveal: reveal,
  shown: () => (shown.all ? null : Object.keys(shown.nodes)), setLang: setLang, setFilter: setFilter,
  find: find, resolve: resolveName, suggest: suggest,
  relate: relate, compare: compare, showRelate: showRelate, showCompare: showCompare,
  view: () => ({ view: state.view, pair: state.pair ? state.pair.slice() : null, selected: state.selected, exploring: tour.exploring }),
  lang: () => state.lang, selected: () => state.selected, cursor: () => state.cursor,
  tour: showTour, nextStop: () => moveTour(1), prevStop: () => moveTour(-1), backToTour: backToTour,
  tourState: () => ({ name: tour.name, step: tour.name ? tour.step + 1 : null }),
  startQuiz: startQuiz, answer: answerQuiz, nextQuestion: nextQuestion,
  quizState: quizState,
  mark: mark, progress: progressHere, importProgress: importProgress,
  ready: false, readyMs: null
};
window.awskg = api;
function ready() {
  if (api.ready) { return; }
  api.ready = true;
  api.readyMs = performance.now();
  document.body.setAttribute("data-ready", "true");
}
// The view a bookmarked or shared address asks for (state.js: writeHash writes it); true when one was shown.
function readHash() {
  const wanted = map();
  location.hash.replace(/^#/, "").split("&").forEach((part) => {
    const at = part.indexOf("=");
    if (at > 0) {
      try { wanted[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1)); } catch (e) { /* ignore a bad part */ }
    }
  });
  state.restoring = true;
  let restored = false;
  try {
    if (wanted.lang && has(data.ui, wanted.lang)) { setLang(wanted.lang); }
    let hidden = false; // the views show everything as they load: refreshed only when the hash hides some
    (wanted["hide-kinds"] || "").split(",").forEach((k) => { if (has(kindOn, k)) { kindOn[k] = false; hidden = true; } });
    (wanted["hide-relations"] || "").split(",").forEach((r) => { if (has(relationOn, r)) { relationOn[r] = false; hidden = true; } });
    if (hidden) { refreshFilters(); }
    const pair = (wanted.relate || wanted.compare || "").split(",");
    if (wanted.tour && has(data.tours, wanted.tour)) {
      restored = showTour(wanted.tour, (parseInt(wanted.step, 10) || 1) - 1);
    }
    if (!restored && pair.length === 2 && byId[pair[0]] && byId[pair[1]]) {
      restored = wanted.relate ? showRelate(pair[0], pair[1]) : showCompare(pair[0], pair[1]);
    }
    if (!restored && wanted.node && byId[wanted.node]) { restored = select(wanted.node, { animate: false }); }
  } finally {
    state.restoring = false;
  }
  writeHash();
  return restored;
}
function opened() {
  const restored = readHash();
  if (!restored && data.path) { showRelate(data.path[0], data.path[1]); } else if (!restored) { firstView(); }
  resumeQuiz();
  ready();
}
renderUi();
showStartCard();
// the positions are given: the page is ready once it is drawn
network.once("afterDrawing", opened);
