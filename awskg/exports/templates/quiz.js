// awskg's page, part 8: the quiz. Each session draws one of the sets Python made with
// `awskg quiz --seed SEED` (same seed, same questions); the seed is shown so a class can share it.
const QUIZ_KEY = "awskg-quiz-seed";
const quizSeeds = Object.keys(data.quiz.sets);
const quiz = { seed: null, index: -1, score: 0, asked: 0, answered: null, missed: [], lit: null };

function currentQuestion() {
  if (quiz.seed === null || quiz.index < 0) { return null; }
  const drawn = data.quiz.sets[quiz.seed][quiz.index];
  if (!drawn) { return null; }
  return Object.assign({ options: drawn[1] }, data.quiz.pool[drawn[0]]);
}
const quizOptions = (q) => q.options;
const quizOpen = () => currentQuestion() !== null && quiz.answered === null;
// a new set each session: a seed other than the last one this browser used
function startQuiz(seed) {
  if (!quizSeeds.length) { return null; }
  let chosen = seed === undefined || seed === null ? null : String(seed);
  if (!chosen || !has(data.quiz.sets, chosen)) {
    const last = stored(QUIZ_KEY, null);
    const choices = quizSeeds.filter((s) => s !== String(last));
    chosen = choices[Math.floor(Math.random() * choices.length)] || quizSeeds[0];
  }
  store(QUIZ_KEY, chosen);
  Object.assign(quiz, { seed: chosen, index: 0, score: 0, asked: 0, answered: null, missed: [], lit: null });
  showQuestion();
  return Number(chosen);
}
function showQuestion() {
  quiz.answered = null;
  quiz.lit = null;
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
function answerQuiz(id) {
  const q = currentQuestion();
  if (!q || quiz.answered !== null || q.options.indexOf(id) < 0) { return false; }
  quiz.answered = id;
  quiz.asked += 1;
  if (id === q.answer) {
    quiz.score += 1;
  } else {
    quiz.missed.push(q.answer);
    // the right fact, lit in the map
    const edge = q.edge && edgeById[q.edge];
    quiz.lit = edge
      ? { nodes: asSet([edge.from, edge.to]), edges: asSet([edge.id]) }
      : { nodes: asSet([q.answer]), edges: map() };
    showNodes(Object.keys(quiz.lit.nodes), 0.8);
  }
  repaint();
  renderQuiz();
  return true;
}
function nextQuestion() {
  quiz.index += 1;
  showQuestion();
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
  box.appendChild(button(ui("new_quiz"), () => startQuiz()));
}
function renderQuiz() {
  const box = document.getElementById("quiz");
  const summary = document.getElementById("quiz-summary");
  document.getElementById("quiz-box").hidden = !quizSeeds.length;
  box.hidden = quiz.seed === null;
  if (quiz.seed === null) { return; }
  document.getElementById("quiz-seed").textContent = fill(ui("seed"), { seed: quiz.seed });
  const q = currentQuestion();
  const finished = !q;
  summary.hidden = !finished;
  ["quiz-question", "quiz-options", "quiz-feedback"].forEach((part) => { document.getElementById(part).hidden = finished; });
  document.getElementById("quiz-score").textContent = fill(ui("score"), { score: quiz.score, total: quiz.asked });
  if (finished) {
    document.getElementById("quiz-next").hidden = true;
    renderSummary(summary);
    return;
  }
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
  const feedback = document.getElementById("quiz-feedback");
  feedback.replaceChildren();
  if (quiz.answered !== null) {
    const right = quiz.answered === q.answer;
    feedback.appendChild(element("strong", right ? ui("right") : fill(ui("wrong"), { answer: nodeLabel(q.answer) })));
    feedback.appendChild(element("span", " " + q.explanation[state.lang] + "."));
    if (q.source_ref) { feedback.append(" ", sourceLink(q.source_ref, q.source[state.lang])); }
  }
  document.getElementById("quiz-next").hidden = quiz.answered === null;
}
document.getElementById("quiz-start").addEventListener("click", () => startQuiz());
document.getElementById("quiz-next").addEventListener("click", nextQuestion);
