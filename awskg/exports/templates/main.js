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

const ARROWS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
document.addEventListener("keydown", (event) => {
  const typing = /^(INPUT|SELECT|TEXTAREA)$/.test((event.target && event.target.tagName) || "");
  if (event.key === "Escape") {
    if (document.body.classList.contains("menu-open")) { openMenu(false); menuButton.focus(); return; }
    if (!searchHint.hidden) { hideHint(); return; }
    clearSelection();
    return;
  }
  if (typing || event.altKey || event.ctrlKey || event.metaKey) { return; }
  const onMap = event.target === graphBox || event.target === document.body || event.target === document.documentElement;
  // after choosing a tour, left and right move between its stops; up and down still walk the map
  if (tour.name && (event.key === "ArrowRight" || event.key === "ArrowLeft")) {
    moveTour(event.key === "ArrowRight" ? 1 : -1);
    event.preventDefault();
    return;
  }
  if (onMap && has(ARROWS, event.key)) { walkTo(ARROWS[event.key]); event.preventDefault(); return; }
  if (onMap && event.key === "Enter") { openCursor(); event.preventDefault(); return; }
  if (onMap && (event.key === "+" || event.key === "=")) { zoomBy(1.3); return; }
  if (onMap && event.key === "-") { zoomBy(1 / 1.3); return; }
  if (state.selected && state.view === "concept" && (event.key === "d" || event.key === "l" || event.key === "n")) {
    mark(state.selected, { d: "done", l: "learning", n: "" }[event.key]);
  }
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
    (wanted["hide-kinds"] || "").split(",").forEach((k) => { if (has(kindOn, k)) { kindOn[k] = false; } });
    (wanted["hide-relations"] || "").split(",").forEach((r) => { if (has(relationOn, r)) { relationOn[r] = false; } });
    refreshFilters();
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
