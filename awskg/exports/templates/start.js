// awskg's page, part 9: the first view, the start card and the phone menu.
/* global data, state, byId, neighborsOf, ui, nodeLabel, button, stored, store -- state.js */
/* global showAll, showTopic, graphBox, showNodes -- graph.js */
/* global relateLight, compareLight, showCompare -- relate.js */
/* global tourSelect, resumeTour -- tours.js */
/* global quizSeeds, startQuiz, phoneQuiz -- quiz.js */
/* exported menuButton, legendBox, firstView, renderTopics, showStartCard, openMenu */
const START_KEY = "awskg-start-dismissed";
const startCard = document.getElementById("start-card");
const menuButton = document.getElementById("menu-button");
const legendBox = document.getElementById("legend");

// The first view: the overview's concepts at a readable size, not the whole graph; where they
// do not all fit (a phone), the first topic's.
function firstView() {
  if (data.path) { return; } // a --path map opens on its paths
  const first = data.topics.length ? data.topics[0].nodes : data.start;
  showNodes(data.start, 0.75, first);
}
// The menu's overview: a button per topic, and one to show everything.
function renderTopics() {
  const box = document.getElementById("topic-buttons");
  box.replaceChildren();
  data.topics.forEach((t) => {
    const b = button(nodeLabel(t.head), () => { showTopic(t.head); closeMenuAfter(); });
    b.setAttribute("data-topic", t.head);
    box.appendChild(b);
  });
  const all = button(ui("show_all"), () => { showAll(); closeMenuAfter(); });
  all.setAttribute("data-topic", "");
  box.appendChild(all);
  document.getElementById("overview-box").hidden = !data.overview;
}
document.getElementById("show-all").addEventListener("click", showAll);
function showStartCard() {
  // dismissed in this browser, or (in a notebook, where storage is refused) shown once this session
  const seen = document.querySelector('meta[name="awskg-start-card"][content="seen"]') !== null;
  startCard.hidden = seen || stored(START_KEY, false) === true;
  document.getElementById("start-tour").hidden = !Object.keys(data.tours).length;
  document.getElementById("start-quiz").hidden = !quizSeeds.length;
  document.getElementById("start-compare").hidden = !(byId.alb && byId.nlb);
}
function dismissStart() {
  startCard.hidden = true;
  store(START_KEY, true);
}
document.getElementById("start-dismiss").addEventListener("click", () => { dismissStart(); graphBox.focus({ preventScroll: true }); });
document.getElementById("start-tour").addEventListener("click", () => {
  dismissStart();
  resumeTour(Object.keys(data.tours)[0]);
});
document.getElementById("start-quiz").addEventListener("click", () => {
  dismissStart();
  startQuiz();
  if (!phoneQuiz()) { openMenu(true); } // on a phone the quiz is a sheet of its own
  const first = document.querySelector("#quiz-options button");
  if (first) { first.focus({ preventScroll: true }); }
});
document.getElementById("start-compare").addEventListener("click", () => { dismissStart(); showCompare("alb", "nlb"); });

// On a phone or a tablet the legend, tours, quiz and filters live in a menu.
function openMenu(open) {
  document.body.classList.toggle("menu-open", open);
  menuButton.setAttribute("aria-expanded", String(open));
}
menuButton.addEventListener("click", () => openMenu(!document.body.classList.contains("menu-open")));
// An action taken in the menu shows its answer on the map: the menu gets out of the way.
// (A relate or compare that could not run keeps it open, to show why.)
legendBox.addEventListener("click", (event) => {
  const used = event.target.closest && event.target.closest("#relate-go, #compare-go, #tour-prev, #tour-next");
  if (used && !document.getElementById("relate-message").textContent) { closeMenuAfter(); }
});
tourSelect.addEventListener("change", () => { if (tourSelect.value) { closeMenuAfter(); } });
document.getElementById("quiz-start").addEventListener("click", closeMenuAfter);
function closeMenuAfter() {
  if (!document.body.classList.contains("menu-open")) { return; }
  openMenu(false);
  // what the action showed was placed beside the menu: place it again in the whole map
  if (state.view !== "concept" && state.pair) {
    showNodes(Object.keys((state.view === "relate" ? relateLight() : compareLight())[0]), 0.75, state.pair);
  } else if (state.selected) {
    showNodes([state.selected].concat(neighborsOf(state.selected)), 0.75, [state.selected]);
  }
}
