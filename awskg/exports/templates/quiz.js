// awskg's page, part 8: the quiz. Each session draws one of the sets Python made with
// `awskg quiz --seed SEED` (same seed, same questions); the seed is shown so a class can share it.
/* global data, has, map, asSet, state, byId, edgeById, ui, fill, nodeLabel, element, button, stored, store,
   on -- state.js */
/* global mark -- progress.js */
/* global network, showNodes -- graph.js */
/* global sourceLink, select, closePanel, repaint -- panel.js */
/* exported quizSeeds, quizOpen, startQuiz, resumeQuiz, answerQuiz, nextQuestion, phoneQuiz, renderQuiz,
   quizState, renderQuizLengths */
const QUIZ_KEY = "awskg-quiz-seed";
// the set in progress, kept per map (its content key) so that a reload resumes it
const QUIZ_STATE_KEY = "awskg-quiz:" + data.key;
const quizSeeds = Object.keys(data.quiz.sets);
const quiz = { seed: null, length: data.quiz.length, index: -1, score: 0, asked: 0, answered: null, missed: [], lit: null };
const quizLength = document.getElementById("quiz-length");

// how many questions the set asks: the length chosen, or fewer when fewer different ones exist
const quizTotal = () => (quiz.seed === null ? 0 : Math.min(quiz.length, data.quiz.sets[quiz.seed].length));
function currentQuestion() {
  if (quiz.seed === null || quiz.index < 0 || quiz.index >= quizTotal()) { return null; }
  const drawn = data.quiz.sets[quiz.seed][quiz.index];
  return Object.assign({ options: drawn[1], why: drawn[2] || null }, data.quiz.pool[drawn[0]]);
}
const quizOpen = () => currentQuestion() !== null && quiz.answered === null;
// with no concept selected, a question lights its options and an answered one its fact (panel.js: repaint)
on("light", () => {
  const q = state.selected ? null : currentQuestion();
  if (q && quiz.answered === null) { return [asSet(q.options), map(), null]; }
  return q && quiz.lit ? [quiz.lit.nodes, quiz.lit.edges, quiz.lit.edges] : null;
});
function saveQuiz() {
  const kept = ["seed", "length", "index", "score", "asked", "answered", "missed"];
  store(QUIZ_STATE_KEY, quiz.seed === null ? null : Object.fromEntries(kept.map((k) => [k, quiz[k]])));
}
// a new set each session: a seed other than the last one this browser used
function startQuiz(seed, length) {
  if (!quizSeeds.length) { return null; }
  let chosen = seed === undefined || seed === null ? null : String(seed);
  if (!chosen || !has(data.quiz.sets, chosen)) {
    const last = stored(QUIZ_KEY, null);
    const choices = quizSeeds.filter((s) => s !== String(last));
    chosen = choices[Math.floor(Math.random() * choices.length)] || quizSeeds[0];
  }
  const wanted = Number(length || quizLength.value || data.quiz.length);
  store(QUIZ_KEY, chosen);
  Object.assign(quiz, {
    seed: chosen, length: data.quiz.lengths.indexOf(wanted) >= 0 ? wanted : data.quiz.length,
    index: 0, score: 0, asked: 0, answered: null, missed: [], lit: null
  });
  showQuestion();
  return Number(chosen);
}
// the set this browser left unfinished on this map, where it was left
function resumeQuiz() {
  const kept = stored(QUIZ_STATE_KEY, null);
  if (!kept || typeof kept !== "object" || !has(data.quiz.sets, String(kept.seed))) { return false; }
  Object.assign(quiz, {
    seed: String(kept.seed), length: data.quiz.lengths.indexOf(kept.length) >= 0 ? kept.length : data.quiz.length,
    index: Math.max(0, Number(kept.index) || 0), score: Number(kept.score) || 0, asked: Number(kept.asked) || 0,
    answered: typeof kept.answered === "string" ? kept.answered : null,
    missed: Array.isArray(kept.missed) ? kept.missed.filter((id) => byId[id]) : [], lit: null
  });
  const q = currentQuestion();
  if (q && quiz.answered !== null) { quiz.lit = litFact(q); }
  if (!state.selected && state.view === "concept") { repaint(); }
  renderQuiz();
  return true;
}
function showQuestion() {
  quiz.answered = null;
  quiz.lit = null;
  saveQuiz();
  if (!currentQuestion()) { renderQuiz(); return; }
  if (state.selected || state.view !== "concept") {
    state.selected = null; state.view = "concept"; state.pair = null;
    network.unselectAll();
    closePanel();
  }
  repaint();
  renderQuiz();
  showNodes(currentQuestion().options, 0.75); // the options, in sight: each can be answered in the map
}
// the right fact, to light in the map after a wrong answer
function litFact(q) {
  const edge = q.edge && edgeById[q.edge];
  return edge ? { nodes: asSet([edge.from, edge.to]), edges: asSet([edge.id]) } : { nodes: asSet([q.answer]), edges: map() };
}
function answerQuiz(id) {
  const q = currentQuestion();
  if (!q || quiz.answered !== null || q.options.indexOf(id) < 0) { return false; }
  quiz.answered = id;
  quiz.asked += 1;
  if (id === q.answer) {
    quiz.score += 1;
  } else {
    quiz.missed.push(q.answer);
    mark(q.answer, "learning"); // a concept missed is one to learn
    quiz.lit = litFact(q);
    showNodes(Object.keys(quiz.lit.nodes), 0.8);
  }
  saveQuiz();
  repaint();
  renderQuiz();
  return true;
}
function nextQuestion() {
  quiz.index += 1;
  showQuestion();
}
// What the page says after an answer: right, or why the chosen option is wrong (its evidence,
// else the explanation of the right one) and then what is right; the fact's source, cited.
function renderFeedback(box, q) {
  box.replaceChildren();
  if (quiz.answered === null) { return; }
  if (quiz.answered === q.answer) {
    box.append(element("strong", ui("right")), " " + q.explanation[state.lang] + ".");
  } else {
    const said = q.why && q.why[state.lang] && q.why[state.lang][quiz.answered];
    const why = said === undefined || said === null ? null : data.quiz.why[said];
    if (why) { box.append(element("strong", fill(ui("because"), { chosen: nodeLabel(quiz.answered) })), " " + why + " "); }
    box.append(element("strong", fill(ui("wrong"), { answer: nodeLabel(q.answer) })), " " + q.explanation[state.lang] + ".");
  }
  if (q.source_ref) { box.append(" ", sourceLink(q.source_ref, q.source[state.lang])); }
}
function renderSummary(box) {
  box.replaceChildren();
  box.appendChild(element("p", fill(ui("summary"), { score: quiz.score, total: quiz.asked }), "summary"));
  const review = Array.from(new Set(quiz.missed)).filter((id) => byId[id]);
  if (review.length) {
    box.appendChild(element("p", ui("review")));
    const list = element("ul");
    review.forEach((id) => {
      const li = element("li");
      const b = button(nodeLabel(id), () => select(id), "concept");
      b.setAttribute("data-node", id);
      li.appendChild(b);
      list.appendChild(li);
    });
    box.appendChild(list);
  }
  box.appendChild(button(ui("new_quiz"), () => startQuiz(null, quiz.length)));
}
// On a phone the quiz in progress is a bottom sheet of its own (the menu would cover the map
// its questions are answered in); elsewhere, and once closed, it is back in the menu.
const quizBox = document.getElementById("quiz-box");
const quizSheet = document.getElementById("quiz-sheet");
const quizHome = quizBox.nextElementSibling;
const phoneQuiz = () => window.matchMedia("(max-width: 600px)").matches && quiz.seed !== null;
function placeQuiz() {
  const inSheet = phoneQuiz();
  if (inSheet && quizBox.parentNode !== quizSheet) { quizSheet.appendChild(quizBox); }
  if (!inSheet && quizBox.parentNode === quizSheet) { quizHome.parentNode.insertBefore(quizBox, quizHome); }
  quizSheet.hidden = !inSheet;
  document.body.classList.toggle("quiz-sheet-open", inSheet);
}
function closeQuiz() {
  Object.assign(quiz, { seed: null, index: -1, answered: null, lit: null });
  saveQuiz();
  repaint();
  renderQuiz();
}
function renderQuiz() {
  placeQuiz();
  const box = document.getElementById("quiz");
  document.getElementById("quiz-box").hidden = !quizSeeds.length;
  box.hidden = quiz.seed === null;
  if (quiz.seed === null) { return; }
  const q = currentQuestion();
  const finished = !q;
  // after the last question, only the summary and the concepts to review
  ["quiz-seed", "quiz-place", "quiz-question", "quiz-options", "quiz-feedback", "quiz-score", "quiz-hint"].forEach((part) => {
    document.getElementById(part).hidden = finished;
  });
  document.getElementById("quiz-summary").hidden = !finished;
  document.getElementById("quiz-next").hidden = finished || quiz.answered === null;
  if (finished) { renderSummary(document.getElementById("quiz-summary")); return; }
  document.getElementById("quiz-seed").textContent = fill(ui("seed"), { seed: quiz.seed });
  document.getElementById("quiz-place").textContent = fill(ui("quiz_of"), { n: quiz.index + 1, total: quizTotal() });
  document.getElementById("quiz-score").textContent = fill(ui("score"), { score: quiz.score, total: quiz.asked });
  document.getElementById("quiz-question").textContent = q.question[state.lang];
  const options = document.getElementById("quiz-options");
  const focusedOption = options.contains(document.activeElement) ? document.activeElement.getAttribute("data-option") : null;
  options.replaceChildren();
  q.options.forEach((id) => {
    const b = button(nodeLabel(id), () => answerQuiz(id));
    b.setAttribute("data-option", id);
    if (quiz.answered !== null) {
      b.setAttribute("aria-disabled", "true");
      if (id === q.answer) { b.className = "right"; } else if (id === quiz.answered) { b.className = "wrong"; }
    }
    options.appendChild(b);
    if (id === focusedOption) { b.focus({ preventScroll: true }); }
  });
  renderFeedback(document.getElementById("quiz-feedback"), q);
}
// what a script or a test reads: the set, the question, and once answered, the answer and what was said
function quizState() {
  const q = currentQuestion();
  return {
    seed: quiz.seed === null ? null : Number(quiz.seed), length: quiz.length, index: quiz.index, total: quizTotal(),
    question: q ? q.question[state.lang] : null,
    options: q ? q.options.map((id) => ({ id: id, label: nodeLabel(id) })) : [],
    answer: quiz.answered, answered: quiz.answered,
    feedback: q && quiz.answered !== null ? document.getElementById("quiz-feedback").textContent : null,
    score: quiz.score, asked: quiz.asked, missed: quiz.missed.slice()
  };
}
function renderQuizLengths() {
  const chosen = quizLength.value || String(quiz.length);
  quizLength.replaceChildren(...data.quiz.lengths.map((n) => { const o = element("option", String(n)); o.value = String(n); return o; }));
  quizLength.value = chosen;
}
document.getElementById("quiz-start").addEventListener("click", () => startQuiz());
document.getElementById("quiz-close").addEventListener("click", closeQuiz);
document.getElementById("quiz-next").addEventListener("click", nextQuestion);
