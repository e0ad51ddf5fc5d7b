// awskg's page script. Every value from the graph is written with textContent
// or given to vis-network as a plain string: data is text, never markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("awskg-data").textContent);
  var lang = data.lang;
  var DIM_NODE = { background: "#f1f3f5", border: "#dee2e6" };
  var DIM_FONT = "#adb5bd";
  var kindOn = {};
  var relationOn = {};
  Object.keys(data.kinds).forEach(function (k) { kindOn[k] = true; });
  Object.keys(data.relations).forEach(function (r) { relationOn[r] = true; });
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var edgeById = {};
  data.edges.forEach(function (e) { edgeById[e.id] = e; });
  var selected = null;

  function ui(key) { return data.ui[lang][key]; }
  function nodeLabel(n) { return (lang === "ko" && n.label_ko) || n.label; }
  function kindLabel(k) { return lang === "ko" ? data.kinds[k].label_ko : data.kinds[k].label; }
  function relationLabel(r, inverse) {
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

  function nodeItem(n) {
    var style = data.kinds[n.kind];
    var summary = (lang === "ko" && n.summary_ko) || n.summary || "";
    var item = {
      id: n.id, label: nodeLabel(n), shape: style.shape, state: "",
      title: nodeLabel(n) + " — " + kindLabel(n.kind) + (summary ? "\n" + summary : ""),
      color: { background: style.color, border: "#495057", highlight: { background: style.color, border: "#0b5cad" } },
      font: { color: "#1b1f24" }
    };
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    return item;
  }
  function edgeItem(e) {
    var style = data.relations[e.relation];
    return {
      id: e.id, from: e.from, to: e.to, label: relationLabel(e.relation, false), state: "",
      color: { color: style.color, highlight: "#0b5cad", opacity: 1 }, dashes: style.dashes,
      font: { color: "#343a40" }
    };
  }

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
  function paint(keepNodes, keepEdges) {
    var nodeUpdates = [];
    data.nodes.forEach(function (n) {
      var base = nodeItem(n);
      var lit = !keepNodes || keepNodes[n.id];
      nodeUpdates.push({
        id: n.id, state: keepNodes ? (lit ? "highlight" : "dim") : "",
        color: lit ? base.color : { background: DIM_NODE.background, border: DIM_NODE.border },
        font: { color: lit ? "#1b1f24" : DIM_FONT }
      });
    });
    nodes.update(nodeUpdates);
    var edgeUpdates = [];
    data.edges.forEach(function (e) {
      var base = edgeItem(e);
      var lit = !keepEdges || keepEdges[e.id];
      edgeUpdates.push({
        id: e.id, state: keepEdges ? (lit ? "highlight" : "dim") : "",
        color: { color: base.color.color, highlight: "#0b5cad", opacity: lit ? 1 : 0.15 },
        font: { color: lit ? "#343a40" : "rgba(0,0,0,0)" }, width: lit && keepEdges ? 2.6 : 1.3
      });
    });
    edges.update(edgeUpdates);
  }
  function asSet(list) { var set = {}; list.forEach(function (x) { set[x] = true; }); return set; }
  function paintBase() {
    if (data.highlight) { paint(asSet(data.highlight.nodes), asSet(data.highlight.edges)); }
    else { paint(null, null); }
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
    var summary = (lang === "ko" && n.summary_ko) || n.summary;
    if (summary) { panel.appendChild(element("p", summary, "summary")); }
    var href = n.docs ? safeUrl(n.docs) : null;
    if (href) {
      var link = element("a", ui("docs"));
      link.href = href; link.rel = "noopener noreferrer"; link.target = "_blank";
      panel.appendChild(link);
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
        if (fact.edge.note) { li.appendChild(element("div", fact.edge.note, "ref")); }
        if (fact.edge.source_ref) {
          var refUrl = safeUrl(fact.edge.source_ref);
          var ref = element(refUrl ? "a" : "div", ui("source") + ": " + fact.edge.source_ref, "ref");
          if (refUrl) { ref.href = refUrl; ref.rel = "noopener noreferrer"; ref.target = "_blank"; }
          li.appendChild(ref);
        }
        list.appendChild(li);
      });
      panel.appendChild(list);
    });
    panel.hidden = false;
  }

  function select(id, options) {
    if (!byId[id]) { return false; }
    selected = id;
    var near = asSet([id].concat(network.getConnectedNodes(id)));
    var nearEdges = asSet(network.getConnectedEdges(id));
    paint(near, nearEdges);
    network.selectNodes([id]);
    var opening = panel.hidden;
    renderPanel(id);
    if (opening) { network.setSize("100%", "100%"); network.redraw(); }  // the panel narrowed the canvas
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: options && options.animate === false ? false : { duration: 300 } });
    return true;
  }
  function clearSelection() {
    selected = null;
    network.unselectAll();
    var closing = !panel.hidden;
    panel.hidden = true;
    panel.replaceChildren();
    if (closing) { network.setSize("100%", "100%"); network.redraw(); }
    paintBase();
  }

  // --- search with suggestions over labels, Korean labels and aliases
  var names = {};
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
  }
  function setLang(code) {
    if (!data.ui[code] || code === lang) { return; }
    lang = code;
    nodes.update(data.nodes.map(function (n) { var item = nodeItem(n); return { id: n.id, label: item.label, title: item.title }; }));
    edges.update(data.edges.map(function (e) { return { id: e.id, label: relationLabel(e.relation, false) }; }));
    renderUi();
    if (selected) { renderPanel(selected); }
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-lang]"), function (b) {
    b.addEventListener("click", function () { setLang(b.getAttribute("data-lang")); });
  });

  // --- clicks and keys
  network.on("click", function (params) {
    if (params.nodes.length) { select(params.nodes[0]); } else { clearSelection(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { clearSelection(); }
  });

  var api = {
    network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView, data: data,
    select: select, clear: clearSelection, setLang: setLang, setFilter: setFilter, find: find,
    lang: function () { return lang; }, selected: function () { return selected; },
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
})();
