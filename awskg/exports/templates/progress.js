// awskg's page, part 3: progress marks per concept id, in ONE store for every awskg
// map opened in this browser. Marks of concepts this map does not show are kept.
/* global has, map, byId, ui, fill, stored, store, hook -- state.js */
/* exported allMarks, progressOf, progressHere, mark, renderProgress, importProgress */
const PROGRESS_KEY = "awskg-progress";
const MARKS = ["learning", "done"];

function cleanMarks(value) {
  const out = map();
  if (value && typeof value === "object" && !Array.isArray(value)) {
    Object.keys(value).forEach((id) => {
      if (has(value, id) && MARKS.indexOf(value[id]) >= 0) { out[id] = value[id]; }
    });
  }
  return out;
}
// Where storage is refused (a notebook's sandboxed iframe, some private modes) the marks
// live in this page's memory instead: kept while the page is open, without an error.
const persistent = (() => { try { return window.localStorage !== null; } catch (e) { return false; } })();
const inMemory = { marks: map() };
// Every mark in the store; maps made before the shared store kept theirs under
// "awskg-progress:<map key>", and those are merged in once.
function readStore() {
  if (!persistent) { return inMemory.marks; }
  const marks = cleanMarks(stored(PROGRESS_KEY, {}));
  let migrated = false;
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key && key.indexOf(PROGRESS_KEY + ":") === 0) {
        const old = cleanMarks(stored(key, {}));
        Object.keys(old).forEach((id) => { if (!marks[id]) { marks[id] = old[id]; } });
        migrated = true;
      }
    }
  } catch (e) { /* storage off */ }
  if (migrated) { store(PROGRESS_KEY, marks); }
  return marks;
}
let allMarks = readStore();
// The marks of the concepts on this map: what the page draws and counts.
const progressOf = (id) => (byId[id] && allMarks[id]) || "";
function progressHere() {
  const out = {};
  Object.keys(allMarks).forEach((id) => { if (byId[id]) { out[id] = allMarks[id]; } });
  return out;
}
function mark(id, status) {
  if (!byId[id]) { return; }
  allMarks = readStore(); // another map may have marked something since
  if (MARKS.indexOf(status) >= 0) { allMarks[id] = status; } else { delete allMarks[id]; }
  store(PROGRESS_KEY, allMarks);
  renderProgress();
  hook("marks");
}
function renderProgress() {
  let done = 0;
  let learning = 0;
  Object.keys(progressHere()).forEach((id) => { if (allMarks[id] === "done") { done++; } else { learning++; } });
  document.getElementById("progress-count").textContent = fill(ui("progress"), { done: done, learning: learning });
}
function exportProgress() {
  const body = JSON.stringify({ format: "awskg-progress", version: 2, progress: readStore() }, null, 2);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([body], { type: "application/json" }));
  link.download = "awskg-progress.json";
  document.body.appendChild(link);
  link.click();
  link.remove();
}
// Import merges by concept id: a mark in the file replaces this browser's for that id.
function importProgress(text) {
  const message = document.getElementById("progress-message");
  let parsed = null;
  try { parsed = JSON.parse(text); } catch (e) { parsed = null; }
  if (!parsed || parsed.format !== "awskg-progress" || !parsed.progress || typeof parsed.progress !== "object") {
    message.textContent = ui("bad_import");
    return false;
  }
  const incoming = cleanMarks(parsed.progress);
  allMarks = readStore();
  Object.keys(incoming).forEach((id) => { allMarks[id] = incoming[id]; });
  store(PROGRESS_KEY, allMarks);
  renderProgress();
  hook("marks");
  message.textContent = fill(ui("imported"), { count: Object.keys(incoming).length });
  return true;
}
document.getElementById("progress-export").addEventListener("click", exportProgress);
document.getElementById("progress-import").addEventListener("change", (event) => {
  const file = event.target.files && event.target.files[0];
  if (!file) { return; }
  const reader = new FileReader();
  reader.onload = () => { importProgress(String(reader.result)); event.target.value = ""; };
  reader.readAsText(file);
});
// another tab or map changed the marks: show them here too
window.addEventListener("storage", (event) => {
  if (event.key === PROGRESS_KEY) { allMarks = readStore(); renderProgress(); hook("marks"); }
});
