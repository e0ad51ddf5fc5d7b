// awskg's page script. Every value from the graph is written with textContent
// or given to vis-network as a plain string: data is text, never markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("awskg-data").textContent);
  // Look-ups keyed by names from the data or the URL use prototype-free maps and
  // own-property checks, so a concept called "constructor" is just a concept.
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function map() { return Object.create(null); }
  var lang = data.lang;
  var DIM_NODE = { background: "#f1f3f5", border: "#dee2e6" };
  var DIM_FONT = "#adb5bd";
  var kindOn = map();
  var relationOn = map();
  Object.keys(data.kinds).forEach(function (k) { kindOn[k] = true; });
  Object.keys(data.relations).forEach(function (r) { relationOn[r] = true; });
  var byId = map();
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var edgeById = map();
  data.edges.forEach(function (e) { edgeById[e.id] = e; });
  var selected = null;

  function ui(key) { return data.ui[lang][key]; }
  function nodeLabel(n) { return (lang === "ko" && n.label_ko) || n.label; }
  function kindLabel(k) { return lang === "ko" ? data.kinds[k].label_ko : data.kinds[k].label; }
  function relationLabel(r, inverse) {
    // Python renders every reading (Korean ones whole, over A and B): the page adds no grammar of its own
    var rel = data.relations[r];
    if (lang === "ko") { return inverse ? rel.inverse_label_ko : rel.label_ko; }
    return inverse ? rel.inverse_label : rel.label;
  }
  function normalize(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  }
  function element(tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) { el.textContent = text; }
    if (className) { el.className = className; }
    return el;
  }
  function safeUrl(url) {
    try {
      var parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) { return null; }
  }

  var BADGES = { done: "✓ ", learning: "◐ " };
  var MARK_BORDERS = { done: "#2b8a3e", learning: "#e67700" };
  function nodeItem(n) {
    var style = data.kinds[n.kind];
    var summary = (lang === "ko" && n.summary_ko) || n.summary || "";
    var status = progress[n.id];
    var item = {
      id: n.id, label: (BADGES[status] || "") + nodeLabel(n), shape: style.shape, state: "", status: status || "",
      title: nodeLabel(n) + " — " + kindLabel(n.kind) + (summary ? "\n" + summary : ""),
      color: { background: style.color, border: MARK_BORDERS[status] || "#495057", highlight: { background: style.color, border: "#0b5cad" } },
      borderWidth: status ? 3 : 1, font: { color: "#1b1f24" }
    };
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    return item;
  }
  function edgeItem(e) {
    var style = data.relations[e.relation];
    return {
      id: e.id, from: e.from, to: e.to, label: e.label[lang], state: "",
      color: { color: style.color, highlight: "#0b5cad", opacity: 1 }, dashes: style.dashes,
      font: { color: "#343a40" }
    };
  }

  // --- progress, kept in this browser under a key tied to the map's content
  var storeKey = "awskg-progress:" + data.key;
  function cleanProgress(value) {
    var out = map();
    if (value && typeof value === "object") {
      Object.keys(value).forEach(function (id) {
        if (byId[id] && has(value, id) && (value[id] === "learning" || value[id] === "done")) { out[id] = value[id]; }
      });
    }
    return out;
  }
  function loadProgress() {
    try { return cleanProgress(JSON.parse(localStorage.getItem(storeKey) || "{}")); } catch (e) { return {}; }
  }
  var progress = loadProgress();

  var nodes = new vis.DataSet(data.nodes.map(nodeItem));
  var edges = new vis.DataSet(data.edges.map(edgeItem));
  var nodesView = new vis.DataView(nodes, { filter: function (item) { return kindOn[byId[item.id].kind]; } });
  var edgesView = new vis.DataView(edges, {
    filter: function (item) {
      var e = edgeById[item.id];
      return relationOn[e.relation] && kindOn[byId[e.from].kind] && kindOn[byId[e.to].kind];
    }
  });

  var physics = data.layout.physics;
  var network = new vis.Network(document.getElementById("graph"), { nodes: nodesView, edges: edgesView }, {
    nodes: { borderWidth: 1, margin: 8, widthConstraint: { maximum: 170 }, font: { size: 16, face: "system-ui, sans-serif" } },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.55 } },
      font: { size: 10, align: "middle", strokeWidth: 3, strokeColor: "#ffffff" },
      smooth: physics ? { type: "continuous" } : false, width: 1.3
    },
    physics: physics ? {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -110, centralGravity: 0.015, springLength: 120, springConstant: 0.05, avoidOverlap: 0.8 },
      stabilization: { enabled: true, iterations: data.layout.iterations, updateInterval: 100 }
    } : false,
    layout: { improvedLayout: data.nodes.length <= 200, randomSeed: 7 },
    interaction: { hover: true, tooltipDelay: 250, hideEdgesOnDrag: data.nodes.length > 800 }
  });

  // --- look: base colours, highlight of a path or of a selection's neighbours
  function paint(keepNodes, keepEdges, linkEdges) {
    var nodeUpdates = [];
    data.nodes.forEach(function (n) {
      var base = nodeItem(n);
      var lit = !keepNodes || keepNodes[n.id];
      nodeUpdates.push({
        id: n.id, state: keepNodes ? (lit ? "highlight" : "dim") : "", label: base.label, status: base.status, borderWidth: base.borderWidth,
        color: lit ? base.color : { background: DIM_NODE.background, border: DIM_NODE.border },
        font: { color: lit ? "#1b1f24" : DIM_FONT }
      });
    });
    nodes.update(nodeUpdates);
    var edgeUpdates = [];
    data.edges.forEach(function (e) {
      var base = edgeItem(e);
      var link = linkEdges && linkEdges[e.id];
      var lit = !keepEdges || keepEdges[e.id] || link;
      edgeUpdates.push({
        id: e.id, state: link ? "link" : keepEdges ? (lit ? "highlight" : "dim") : "",
        color: { color: link ? "#0b5cad" : base.color.color, highlight: "#0b5cad", opacity: lit ? 1 : 0.15 },
        font: { color: lit ? "#343a40" : "rgba(0,0,0,0)" }, width: link ? 4.5 : lit && keepEdges ? 2.6 : 1.3
      });
    });
    edges.update(edgeUpdates);
  }
  function asSet(list) { var set = map(); list.forEach(function (x) { set[x] = true; }); return set; }
  function paintBase() {
    if (data.highlight) { paint(asSet(data.highlight.nodes), asSet(data.highlight.edges)); }
    else { paint(null, null); }
  }

  function appendSource(parent, sourceRef, shown) {
    // a citation is a link only when it is an http(s) URL; otherwise it is plain text
    if (!sourceRef) { return; }
    var refUrl = safeUrl(sourceRef);
    var ref = element(refUrl ? "a" : "div", ui("source") + ": " + shown, "ref");
    if (refUrl) { ref.href = refUrl; ref.rel = "noopener noreferrer"; ref.target = "_blank"; }
    parent.appendChild(ref);
  }

  // --- the side panel
  var panel = document.getElementById("panel");
  function renderPanel(id) {
    var n = byId[id];
    panel.replaceChildren();
    var close = element("button", ui("close"), "close");
    close.type = "button";
    close.addEventListener("click", clearSelection);
    panel.appendChild(close);
    panel.appendChild(element("h2", nodeLabel(n)));
    var other = lang === "ko" ? n.label : n.label_ko;
    if (other && other !== nodeLabel(n)) { panel.appendChild(element("p", other, "other")); }
    panel.appendChild(element("span", kindLabel(n.kind), "kind"));
    var marks = element("div", null, "marks");
    marks.setAttribute("role", "group");
    [["learning", "learning"], ["done", "done"], ["", "clear_mark"]].forEach(function (choice) {
      var button = element("button", ui(choice[1]));
      button.type = "button";
      button.setAttribute("data-mark", choice[0] || "none");
      button.setAttribute("aria-pressed", String((progress[id] || "") === choice[0]));
      button.addEventListener("click", function () { mark(id, choice[0]); });
      marks.appendChild(button);
    });
    panel.appendChild(marks);
    var summary = (lang === "ko" && n.summary_ko) || n.summary;
    if (summary) { panel.appendChild(element("p", summary, "summary")); }
    var href = n.docs ? safeUrl(n.docs) : null;
    if (href) {
      var link = element("a", ui("docs"));
      link.href = href; link.rel = "noopener noreferrer"; link.target = "_blank";
      panel.appendChild(link);
    }
    if (n.properties.length) {
      panel.appendChild(element("h3", ui("properties")));
      var props = element("dl", null, "properties");
      n.properties.forEach(function (p) {
        props.appendChild(element("dt", p.dimension[lang]));
        var value = element("dd", p.value[lang]);
        if (p.note[lang]) { value.appendChild(element("div", p.note[lang], "ref note")); }
        appendSource(value, p.source_ref, p.source_ref);
        props.appendChild(value);
      });
      panel.appendChild(props);
    }
    var groups = {};
    var order = [];
    data.edges.forEach(function (e) {
      var way = e.from === id ? "out" : (e.to === id ? "in" : null);
      if (!way) { return; }
      var key = e.relation + "|" + way;
      if (!groups[key]) { groups[key] = []; order.push(key); }
      groups[key].push({ edge: e, way: way, other: way === "out" ? e.to : e.from });
    });
    order.sort();
    order.forEach(function (key) {
      var first = groups[key][0];
      panel.appendChild(element("h3", relationLabel(first.edge.relation, first.way === "in")));
      var list = element("ul");
      list.setAttribute("data-relation", key);
      groups[key].forEach(function (fact) {
        var parts = fact.edge.text[lang][fact.way];
        var li = element("li");
        li.setAttribute("data-edge", fact.edge.id);
        li.appendChild(document.createTextNode(parts[0]));
        var go = element("button", parts[1], "concept");
        go.type = "button";
        go.setAttribute("data-node", fact.other);
        go.addEventListener("click", function () { select(fact.other); });
        li.appendChild(go);
        li.appendChild(document.createTextNode(parts[2]));
        if (fact.edge.note[lang]) { li.appendChild(element("div", fact.edge.note[lang], "ref note")); }
        appendSource(li, fact.edge.source_ref, fact.edge.source[lang]);
        list.appendChild(li);
      });
      panel.appendChild(list);
    });
    panel.hidden = false;
  }

  function select(id, options) {
    if (!byId[id]) { return false; }
    if (!(options && options.fromTour)) { tourName = null; renderTour(); }
    selected = id;
    var near = asSet([id].concat(network.getConnectedNodes(id)));
    var nearEdges = asSet(network.getConnectedEdges(id));
    paint(near, nearEdges);
    network.selectNodes([id]);
    var opening = panel.hidden;
    renderPanel(id);
    if (opening) { network.setSize("100%", "100%"); network.redraw(); }  // the panel narrowed the canvas
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: options && options.animate === false ? false : { duration: 300 } });
    writeHash();
    return true;
  }
  function clearSelection() {
    selected = null;
    network.unselectAll();
    var closing = !panel.hidden;
    panel.hidden = true;
    panel.replaceChildren();
    if (closing) { network.setSize("100%", "100%"); network.redraw(); }
    tourName = null;
    renderTour();
    paintBase();
    writeHash();
  }

  // --- search with suggestions over labels, Korean labels and aliases
  var names = map();
  var datalist = document.getElementById("names");
  data.nodes.forEach(function (n) {
    [n.label, n.label_ko].concat(n.aliases || []).forEach(function (name) {
      if (!name) { return; }
      var key = normalize(name);
      if (!key || names[key]) { return; }
      names[key] = n.id;
      var option = document.createElement("option");
      option.value = name;
      datalist.appendChild(option);
    });
  });
  function find(text) {
    var key = normalize(text);
    if (!key) { return null; }
    if (names[key]) { return names[key]; }
    var keys = Object.keys(names).filter(function (k) { return k.indexOf(key) === 0; }).sort(function (a, b) { return a.length - b.length; });
    return keys.length ? names[keys[0]] : null;
  }
  var search = document.getElementById("search");
  function runSearch() { var id = find(search.value); if (id && id !== selected) { select(id); } return id; }
  search.addEventListener("change", runSearch);
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") { runSearch(); } });

  // --- legend and filters
  function renderLegend() {
    var kindBox = document.getElementById("kind-filters");
    var relationBox = document.getElementById("relation-filters");
    [kindBox, relationBox].forEach(function (box) {
      Array.prototype.slice.call(box.querySelectorAll("label")).forEach(function (l) { l.remove(); });
    });
    Object.keys(data.kinds).forEach(function (k) {
      var label = element("label");
      var box = element("input");
      box.type = "checkbox"; box.checked = kindOn[k]; box.setAttribute("data-kind", k);
      box.addEventListener("change", function () { setFilter("kind", k, box.checked); });
      var swatch = element("span", null, "swatch");
      swatch.style.background = data.kinds[k].color;
      label.append(box, swatch, element("span", kindLabel(k)));
      kindBox.appendChild(label);
    });
    Object.keys(data.relations).forEach(function (r) {
      var label = element("label");
      var box = element("input");
      box.type = "checkbox"; box.checked = relationOn[r]; box.setAttribute("data-relation", r);
      box.addEventListener("change", function () { setFilter("relation", r, box.checked); });
      var line = element("span", null, data.relations[r].dashes ? "line dashed" : "line");
      line.style.borderTopColor = data.relations[r].color;
      label.append(box, line, element("span", relationLabel(r, false)));
      relationBox.appendChild(label);
    });
  }
  function setFilter(what, name, on) {
    (what === "kind" ? kindOn : relationOn)[name] = on;
    nodesView.refresh();
    edgesView.refresh();
    renderCounts();
    writeHash();
  }

  function renderCounts() {
    document.getElementById("counts").textContent = ui("counts")
      .replace("{nodes}", nodesView.length).replace("{edges}", edgesView.length);
  }

  // --- language
  function renderUi() {
    document.documentElement.lang = lang;
    document.title = ui("title");
    Array.prototype.forEach.call(document.querySelectorAll("[data-ui]"), function (el) { el.textContent = ui(el.getAttribute("data-ui")); });
    search.setAttribute("aria-label", ui("search"));
    search.placeholder = ui("search");
    Array.prototype.forEach.call(document.querySelectorAll("[data-lang]"), function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === lang));
    });
    renderLegend();
    renderCounts();
    renderProgress();
    renderTourOptions();
    renderTour();
    renderQuiz();
  }
  function setLang(code) {
    if (!has(data.ui, code) || code === lang) { return; }
    lang = code;
    nodes.update(data.nodes.map(function (n) { var item = nodeItem(n); return { id: n.id, label: item.label, title: item.title }; }));
    edges.update(data.edges.map(function (e) { return { id: e.id, label: e.label[lang] }; }));
    renderUi();
    if (selected) { renderPanel(selected); }
    writeHash();
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-lang]"), function (b) {
    b.addEventListener("click", function () { setLang(b.getAttribute("data-lang")); });
  });

  // --- clicks and keys
  network.on("click", function (params) {
    if (params.nodes.length && quizOpen() && answerQuiz(params.nodes[0])) { return; }
    if (params.nodes.length) { select(params.nodes[0]); } else { clearSelection(); }
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|SELECT|TEXTAREA)$/.test((event.target && event.target.tagName) || "");
    if (event.key === "Escape") { clearSelection(); return; }
    if (typing) { return; }
    if (tourName && event.key === "ArrowRight") { moveTour(1); event.preventDefault(); }
    if (tourName && event.key === "ArrowLeft") { moveTour(-1); event.preventDefault(); }
    if (selected && (event.key === "d" || event.key === "l" || event.key === "n")) {
      mark(selected, { d: "done", l: "learning", n: "" }[event.key]);
    }
  });

  // --- progress marks, their count, export and import
  function mark(id, status) {
    if (!byId[id]) { return; }
    if (status === "done" || status === "learning") { progress[id] = status; } else { delete progress[id]; }
    try { localStorage.setItem(storeKey, JSON.stringify(progress)); } catch (e) { /* private mode: keep in memory */ }
    repaint();
    renderProgress();
    if (selected === id) { renderPanel(id); }
  }
  function renderProgress() {
    var done = 0, learning = 0;
    Object.keys(progress).forEach(function (id) { if (progress[id] === "done") { done++; } else { learning++; } });
    document.getElementById("progress-count").textContent = ui("progress").replace("{done}", done).replace("{learning}", learning);
  }
  document.getElementById("progress-export").addEventListener("click", function () {
    var blob = new Blob([JSON.stringify({ format: "awskg-progress", key: data.key, progress: progress }, null, 2)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "awskg-progress.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
  function importProgress(text) {
    var message = document.getElementById("progress-message");
    var parsed = null;
    try { parsed = JSON.parse(text); } catch (e) { parsed = null; }
    if (!parsed || parsed.format !== "awskg-progress" || parsed.key !== data.key) {
      message.textContent = ui("bad_import");
      return false;
    }
    progress = cleanProgress(parsed.progress);
    try { localStorage.setItem(storeKey, JSON.stringify(progress)); } catch (e) { /* keep in memory */ }
    repaint();
    renderProgress();
    if (selected) { renderPanel(selected); }
    message.textContent = ui("imported").replace("{count}", Object.keys(progress).length);
    return true;
  }
  document.getElementById("progress-import").addEventListener("change", function (event) {
    var file = event.target.files && event.target.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () { importProgress(String(reader.result)); event.target.value = ""; };
    reader.readAsText(file);
  });

  // --- guided tours
  var tourName = null, tourStep = 0;
  var tourSelect = document.getElementById("tour-select");
  function renderTourOptions() {
    tourSelect.replaceChildren();
    var none = element("option", ui("no_tour"));
    none.value = "";
    tourSelect.appendChild(none);
    Object.keys(data.tours).forEach(function (name) {
      var option = element("option", name + " (" + data.tours[name].length + ")");
      option.value = name;
      tourSelect.appendChild(option);
    });
    tourSelect.value = tourName || "";
    document.getElementById("tour-box").hidden = !Object.keys(data.tours).length;
  }
  function renderTour() {
    var stops = tourName ? data.tours[tourName] : null;
    document.getElementById("tour-prev").disabled = !stops || tourStep === 0;
    document.getElementById("tour-next").disabled = !stops || tourStep === stops.length - 1;
    document.getElementById("tour-step").textContent = stops ? ui("step").replace("{step}", tourStep + 1).replace("{total}", stops.length) : "";
    var stop = stops ? stops[tourStep] : null;
    document.getElementById("tour-note").textContent = stop ? ((lang === "ko" && stop.note_ko) || stop.note) : "";
    tourSelect.value = tourName || "";
  }
  function showTour(name, step) {
    if (!has(data.tours, name)) { return false; }
    var stops = data.tours[name];
    tourName = name;
    tourStep = Math.max(0, Math.min(step || 0, stops.length - 1));
    var stop = stops[tourStep];
    select(stop.node, { fromTour: true });
    repaint();
    renderTour();
    writeHash();
    return true;
  }
  function moveTour(delta) { if (tourName) { showTour(tourName, tourStep + delta); } }
  function repaint() {
    if (!selected) { paintBase(); return; }
    var keepNodes = asSet([selected].concat(network.getConnectedNodes(selected)));
    var keepEdges = asSet(network.getConnectedEdges(selected));
    var link = null;
    if (tourName) {
      var stops = data.tours[tourName];
      link = asSet(stops[tourStep].link);
      if (tourStep > 0) { keepNodes[stops[tourStep - 1].node] = true; }
      stops[tourStep].link.forEach(function (id) { keepNodes[edgeById[id].from] = true; keepNodes[edgeById[id].to] = true; });
    }
    paint(keepNodes, keepEdges, link);
  }
  tourSelect.addEventListener("change", function () {
    if (tourSelect.value) { showTour(tourSelect.value, 0); } else { clearSelection(); }
  });
  document.getElementById("tour-prev").addEventListener("click", function () { moveTour(-1); });
  document.getElementById("tour-next").addEventListener("click", function () { moveTour(1); });

  // --- quiz
  var quiz = { index: -1, score: 0, asked: 0, answered: null };
  function quizOpen() { return quiz.index >= 0 && quiz.answered === null; }
  function currentQuestion() { return quiz.index >= 0 && data.quiz.length ? data.quiz[quiz.index % data.quiz.length] : null; }
  function startQuiz() { quiz = { index: 0, score: 0, asked: 0, answered: null }; showQuestion(); }
  function showQuestion() {
    quiz.answered = null;
    var q = currentQuestion();
    if (!q) { return; }
    clearSelection();
    paint(asSet(q.options), {});
    renderQuiz();
  }
  function answerQuiz(id) {
    var q = currentQuestion();
    if (!q || quiz.answered !== null || q.options.indexOf(id) < 0) { return false; }
    quiz.answered = id;
    quiz.asked += 1;
    if (id === q.answer) { quiz.score += 1; }
    renderQuiz();
    return true;
  }
  function renderQuiz() {
    var box = document.getElementById("quiz");
    var q = currentQuestion();
    box.hidden = !q;
    document.getElementById("quiz-box").hidden = !data.quiz.length;
    if (!q) { return; }
    document.getElementById("quiz-question").textContent = q.question[lang];
    var options = document.getElementById("quiz-options");
    options.replaceChildren();
    q.options.forEach(function (id) {
      var button = element("button", nodeLabel(byId[id]));
      button.type = "button";
      button.setAttribute("data-option", id);
      if (quiz.answered !== null) {
        button.disabled = true;
        if (id === q.answer) { button.className = "right"; } else if (id === quiz.answered) { button.className = "wrong"; }
      }
      button.addEventListener("click", function () { answerQuiz(id); });
      options.appendChild(button);
    });
    var feedback = document.getElementById("quiz-feedback");
    feedback.replaceChildren();
    if (quiz.answered !== null) {
      var right = quiz.answered === q.answer;
      feedback.appendChild(element("strong", right ? ui("right") : ui("wrong").replace("{answer}", nodeLabel(byId[q.answer]))));
      feedback.appendChild(element("span", " " + q.explanation[lang] + "."));
      if (q.source_ref) { feedback.appendChild(element("span", " (" + ui("source") + ": " + q.source_ref + ")", "ref")); }
    }
    document.getElementById("quiz-next").hidden = quiz.answered === null;
    document.getElementById("quiz-score").textContent = ui("score").replace("{score}", quiz.score).replace("{total}", quiz.asked);
  }
  document.getElementById("quiz-start").addEventListener("click", startQuiz);
  document.getElementById("quiz-next").addEventListener("click", function () { quiz.index += 1; showQuestion(); });

  // --- the view's state in the URL hash, so a learner can bookmark or share it
  var restoring = false;
  function writeHash() {
    if (restoring) { return; }
    var state = [["lang", lang]];
    if (selected) { state.push(["node", selected]); }
    var hiddenKinds = Object.keys(kindOn).filter(function (k) { return !kindOn[k]; });
    var hiddenRelations = Object.keys(relationOn).filter(function (r) { return !relationOn[r]; });
    if (hiddenKinds.length) { state.push(["hide-kinds", hiddenKinds.join(",")]); }
    if (hiddenRelations.length) { state.push(["hide-relations", hiddenRelations.join(",")]); }
    if (tourName) { state.push(["tour", tourName], ["step", String(tourStep + 1)]); }
    var hash = "#" + state.map(function (kv) { return kv[0] + "=" + encodeURIComponent(kv[1]); }).join("&");
    if (location.hash !== hash) { history.replaceState(null, "", hash); }
  }
  function readHash() {
    var state = map();
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var at = part.indexOf("=");
      if (at > 0) { try { state[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1)); } catch (e) { /* ignore a bad part */ } }
    });
    restoring = true;
    try {
      if (state.lang && has(data.ui, state.lang)) { setLang(state.lang); }
      (state["hide-kinds"] || "").split(",").forEach(function (k) { if (k in kindOn) { kindOn[k] = false; } });
      (state["hide-relations"] || "").split(",").forEach(function (r) { if (r in relationOn) { relationOn[r] = false; } });
      nodesView.refresh();
      edgesView.refresh();
      renderLegend();
      renderCounts();
      if (state.tour && has(data.tours, state.tour)) { showTour(state.tour, (parseInt(state.step, 10) || 1) - 1); }
      else if (state.node && byId[state.node]) { select(state.node, { animate: false }); }
    } finally {
      restoring = false;
    }
    writeHash();
  }

  var api = {
    network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView, data: data,
    select: select, clear: clearSelection, setLang: setLang, setFilter: setFilter, find: find,
    lang: function () { return lang; }, selected: function () { return selected; },
    tour: showTour, nextStop: function () { moveTour(1); }, prevStop: function () { moveTour(-1); },
    tourState: function () { return { name: tourName, step: tourName ? tourStep + 1 : null }; },
    startQuiz: startQuiz, answer: answerQuiz, quizState: function () { return { index: quiz.index, score: quiz.score, asked: quiz.asked, answered: quiz.answered }; },
    mark: mark, progress: function () { return JSON.parse(JSON.stringify(progress)); }, importProgress: importProgress,
    ready: false, readyMs: null
  };
  window.awskg = api;
  function ready() {
    if (api.ready) { return; }
    api.ready = true;
    api.readyMs = performance.now();
    document.body.setAttribute("data-ready", "true");
  }
  if (physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      network.fit({ animation: false });
      ready();
    });
  } else {
    network.once("afterDrawing", function () { network.fit({ animation: false }); ready(); });
  }
  renderUi();
  if (data.highlight) { paintBase(); }
  readHash();
})();
