// awskg's page, part 5b: what to learn first, what to learn next, and why a quiz answer is wrong.
// Python wrote each concept's "Learn first" steps in `awskg learn`'s order (data.learn) and each
// wrong option's reason (data.quiz.pool[].why): the page lists them and never re-derives them.
/* global data, state, byId, ui, nodeLabel, element, button, on -- state.js */
/* global allMarks, progressHere -- progress.js */
/* global panel, focusable, select -- panel.js */
const learnSteps = (id) => (data.learn && data.learn.steps[id]) || [];
const isDone = (id) => allMarks[id] === "done";

function learnLabel(id) {
  if (byId[id]) { return nodeLabel(id); }
  const named = data.learn.labels[id];
  return named ? named[state.lang === "ko" ? 1 : 0] : id;
}
// A step: a concept button when the map shows it, plain text otherwise; a tick when done.
function learnItem(id, from) {
  const li = element("li");
  li.setAttribute("data-step", id);
  li.setAttribute("data-done", String(isDone(id)));
  if (isDone(id)) { li.appendChild(element("span", "✓ ", "tick")); }
  if (byId[id]) {
    const go = focusable(button(learnLabel(id), () => select(id, { focusBack: from }), "concept"), "learn:" + id);
    go.setAttribute("data-node", id);
    li.appendChild(go);
  } else {
    li.appendChild(element("span", learnLabel(id)));
  }
  return li;
}
// Concepts on the map, not done, whose every step is done: the learning ones first, then the
// furthest along (most steps), then map order. Only once the learner has marked something.
function whatNext(limit) {
  if (!Object.keys(progressHere()).length) { return []; }
  const ready = data.nodes
    .map((n, at) => ({ id: n.id, at: at, steps: learnSteps(n.id) }))
    .filter((c) => !isDone(c.id) && c.steps.every(isDone));
  ready.sort((a, b) => (allMarks[b.id] === "learning") - (allMarks[a.id] === "learning") ||
    b.steps.length - a.steps.length || a.at - b.at);
  return ready.slice(0, limit).map((c) => c.id);
}
// The card's "Learn first" list and "What next" suggestion (panel.js asks once per card: hook "card").
function renderLearnFirst(id) {
  const steps = learnSteps(id);
  if (steps.length) {
    panel.appendChild(element("h3", ui("learn_first")));
    const list = element("ol", null, "learn-first");
    steps.forEach((step) => list.appendChild(learnItem(step, id)));
    panel.appendChild(list);
  }
  const next = whatNext(5).filter((n) => n !== id);
  if (next.length) {
    panel.appendChild(element("h3", ui("what_next")));
    const list = element("ul", null, "what-next");
    next.forEach((n) => list.appendChild(learnItem(n, id)));
    panel.appendChild(list);
  }
}
on("card", renderLearnFirst);
