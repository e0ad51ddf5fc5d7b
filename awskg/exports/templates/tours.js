// awskg's page, part 7: guided tours. Exploring during a tour does not end it;
// "back to the tour" returns to the stop; each tour resumes where it was left.
/* global data, has, state, tour, ui, fill, element, button, stored, store, on, writeHash -- state.js */
/* global progressOf, mark -- progress.js */
/* global graphBox, network -- graph.js */
/* global panel, focusable, keepingFocus, renderPanel, select -- panel.js */
/* exported tourSelect, renderTourOptions, renderTour, showTour, resumeTour, moveTour, backToTour */
const TOUR_KEY = "awskg-tours";
const tourSelect = document.getElementById("tour-select");
const bubble = document.getElementById("tour-bubble");

function tourTitle(name) { return data.tours[name].title[state.lang] || name; }
function renderTourOptions() {
  tourSelect.replaceChildren();
  const none = element("option", ui("no_tour"));
  none.value = "";
  tourSelect.appendChild(none);
  Object.keys(data.tours).forEach((name) => {
    const option = element("option", tourTitle(name) + " (" + data.tours[name].stops.length + ")");
    option.value = name;
    tourSelect.appendChild(option);
  });
  tourSelect.value = tour.name || "";
  document.getElementById("tour-box").hidden = !Object.keys(data.tours).length;
}
function stopNote(stop) { return (state.lang === "ko" && stop.note_ko) || stop.note; }
function renderTour() {
  const stops = tour.stops();
  const on = !!tour.name;
  document.getElementById("tour-prev").disabled = !on || tour.step === 0;
  document.getElementById("tour-next").disabled = !on || tour.step === stops.length - 1;
  document.getElementById("tour-step").textContent = on ? fill(ui("step"), { step: tour.step + 1, total: stops.length }) : "";
  const note = on ? stopNote(stops[tour.step]) : "";
  document.getElementById("tour-note").textContent = note;
  tourSelect.value = tour.name || "";
  // the stop's note sits beside the concept, in the map
  bubble.hidden = !on;
  document.getElementById("tour-bubble-text").textContent = on
    ? tourTitle(tour.name) + " · " + fill(ui("step"), { step: tour.step + 1, total: stops.length }) + (note ? " — " + note : "")
    : "";
  document.getElementById("tour-back").hidden = !(on && tour.exploring);
  placeBubble();
}
// The tour in the card: where the learner is, the stop's note, and the way on. On a phone
// this is the tour's home (the bubble is not shown there), so no stop needs the menu.
function tourStrip() {
  const stops = tour.stops();
  const box = element("div", null, "tour-strip");
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", ui("tours"));
  box.appendChild(element("p", tourTitle(tour.name) + " · " + fill(ui("step"), { step: tour.step + 1, total: stops.length }), "tour-where"));
  const note = stopNote(stops[tour.step]);
  if (note && !tour.exploring) { box.appendChild(element("p", note, "tour-note")); }
  const row = element("div", null, "row");
  const prev = focusable(button(ui("prev"), () => moveTour(-1)), "tour-prev");
  prev.disabled = tour.step === 0;
  const next = focusable(button(ui("next"), () => moveTour(1)), "tour-next");
  next.disabled = tour.step === stops.length - 1;
  row.append(prev, next);
  if (tour.exploring) { row.appendChild(focusable(button(ui("back_to_tour"), backToTour), "tour-back")); }
  box.appendChild(row);
  return box;
}
function placeBubble() {
  if (bubble.hidden || !tour.name) { return; }
  const stop = tour.stops()[tour.step];
  const drawn = network.getBoundingBox(stop.node);
  if (!drawn) { return; }
  // the stop as drawn, its label included, in the map's pixels: the bubble sits clear of it
  const topLeft = network.canvasToDOM({ x: drawn.left, y: drawn.top });
  const bottomRight = network.canvasToDOM({ x: drawn.right, y: drawn.bottom });
  const box = graphBox.getBoundingClientRect();
  const width = bubble.offsetWidth;
  const height = bubble.offsetHeight;
  const gap = 14;
  // right of the stop when there is room, else left, else below; never outside the map
  let left = bottomRight.x + gap;
  let top = (topLeft.y + bottomRight.y) / 2 - height / 2;
  if (left + width > box.width - 8) { left = topLeft.x - gap - width; }
  if (left < 8) { left = Math.max(8, Math.min((topLeft.x + bottomRight.x) / 2 - width / 2, box.width - width - 8)); top = bottomRight.y + gap; }
  bubble.style.left = left + "px";
  bubble.style.top = Math.max(8, Math.min(top, box.height - height - 8)) + "px";
}
network.on("afterDrawing", () => { if (!bubble.hidden) { placeBubble(); } });

function showTour(name, step) {
  if (!has(data.tours, name)) { return false; }
  const stops = data.tours[name].stops;
  tour.name = name;
  tour.step = Math.max(0, Math.min(step || 0, stops.length - 1));
  tour.exploring = false;
  const places = stored(TOUR_KEY, {});
  places[name] = tour.step;
  store(TOUR_KEY, places);
  select(stops[tour.step].node, { fromTour: true });
  if (tour.step === stops.length - 1) { visited(stops[tour.step].node); }
  renderTour();
  writeHash();
  return true;
}
// a tour chosen again resumes at the stop where the learner left it
function resumeTour(name) {
  const places = stored(TOUR_KEY, {});
  return showTour(name, has(places, name) ? places[name] : 0);
}
// Walking a tour is learning: a stop the learner moves on from, and the last stop once reached,
// become "learning" (a mark the learner set stays as it is).
function visited(id) { if (!progressOf(id)) { mark(id, "learning"); } }
function moveTour(delta) {
  if (!tour.name) { return; }
  if (delta > 0 && tour.step < tour.stops().length - 1) { visited(tour.stops()[tour.step].node); }
  showTour(tour.name, tour.step + delta);
}
function backToTour() { if (tour.name) { showTour(tour.name, tour.step); } }
function endTour() {
  const had = tour.name;
  tour.name = null;
  tour.exploring = false;
  renderTour();
  if (had && state.selected && state.view === "concept" && !panel.hidden) { keepingFocus(() => renderPanel(state.selected)); }
}
tourSelect.addEventListener("change", () => {
  if (tourSelect.value) { resumeTour(tourSelect.value); } else { endTour(); writeHash(); }
});
document.getElementById("tour-prev").addEventListener("click", () => moveTour(-1));
document.getElementById("tour-next").addEventListener("click", () => moveTour(1));
document.getElementById("tour-back").addEventListener("click", backToTour);
// the card shows the tour's stop, and the tour follows the selection (panel.js: hooks)
on("card", () => { if (tour.name) { panel.insertBefore(tourStrip(), panel.querySelector("h2")); } });
on("selected", renderTour);
on("cleared", endTour);
