/* kgbuild graph.html: search, filters, neighbourhood highlight and the details panel.
 * Data comes from the JSON block and is only ever shown with textContent: document text is
 * untrusted and must never become markup. The vis Network is kept in the global `network`. */
(function () {
  "use strict";

  performance.mark("kg-start");
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  performance.mark("kg-parsed");
  var nodes = new vis.DataSet(data.vis.nodes);
  var edges = new vis.DataSet(data.vis.edges);
  var nodeType = {};
  data.vis.nodes.forEach(function (n) { nodeType[n.id] = n.kgType; });
  var hiddenTypes = new Set();
  var hiddenRelations = new Set();
  var minConfidence = 0;

  var nodeView = new vis.DataView(nodes, { filter: function (n) { return !hiddenTypes.has(n.kgType); } });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      return !hiddenRelations.has(e.kgType) && e.kgConf >= minConfidence &&
        !hiddenTypes.has(nodeType[e.from]) && !hiddenTypes.has(nodeType[e.to]);
    }
  });

  // ---- small DOM helpers: text goes in through textContent only ------------------------------
  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) { x.className = cls; }
    if (text !== undefined && text !== null) { x.textContent = String(text); }
    return x;
  }
  function $(id) { return document.getElementById(id); }
  function plural(n, one, many) { return n.toLocaleString("en") + " " + (n === 1 ? one : (many || one + "s")); }
  function fold(s) { return String(s).toLocaleLowerCase(); }

  // ---- header ------------------------------------------------------------------------------------
  function header() {
    var c = data.counts;
    $("kg-title").textContent = data.title;
    document.title = data.title;
    $("kg-counts").textContent = plural(c.entities, "entity", "entities") + " \u00b7 " +
      plural(c.relations, "relation") + " \u00b7 " + plural(c.documents, "document");
    var notes = [];
    if (c.filtered_entities < c.entities || c.filtered_relations < c.relations) {
      var f = [];
      if (data.filters.types.length) { f.push("types " + data.filters.types.join(", ")); }
      if (data.filters.relations.length) { f.push("relations " + data.filters.relations.join(", ")); }
      if (data.filters.min_confidence > 0) { f.push("confidence \u2265 " + data.filters.min_confidence); }
      notes.push("Filtered to " + f.join("; ") + ": " + c.filtered_entities.toLocaleString("en") + " entities and " +
        c.filtered_relations.toLocaleString("en") + " relations.");
    }
    if (c.shown_entities < c.filtered_entities) {
      notes.push("Showing the " + c.shown_entities.toLocaleString("en") + " most connected entities and " +
        c.shown_relations.toLocaleString("en") + " relations among them; " +
        (c.filtered_entities - c.shown_entities).toLocaleString("en") + " entities and " +
        (c.filtered_relations - c.shown_relations).toLocaleString("en") +
        " relations were left out (render with --include-all or max_nodes to see everything).");
    }
    if (notes.length) { $("kg-notice").textContent = notes.join(" "); $("kg-notice").hidden = false; }
    $("kg-docs-summary").textContent = "Source documents (" + data.documents.length + ")";
    var list = $("kg-doc-list");
    data.documents.forEach(function (d) {
      list.appendChild(el("li", null, d.path && d.path !== d.id ? d.id + " \u2014 " + d.path : d.id));
    });
  }

  // ---- filters -------------------------------------------------------------------------------------
  function checkbox(container, label, count, onChange, swatch) {
    var row = el("label", "kg-check");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () { onChange(box.checked); });
    row.appendChild(box);
    if (swatch) {
      var s = el("span", "kg-swatch " + swatch.shape);
      s.style.background = swatch.color;
      row.appendChild(s);
    }
    row.appendChild(el("span", "kg-label", label));
    row.appendChild(el("span", "kg-n", count.toLocaleString("en")));
    container.appendChild(row);
    return box;
  }

  var typeBoxes = {};
  function filters() {
    data.types.forEach(function (t) {
      typeBoxes[t.type] = checkbox($("kg-types"), t.type, t.count, function (on) {
        if (on) { hiddenTypes.delete(t.type); } else { hiddenTypes.add(t.type); }
        refresh();
      }, t);
      typeBoxes[t.type].dataset.type = t.type;
    });
    data.relations.forEach(function (r) {
      var box = checkbox($("kg-relations"), r.type.replace(/_/g, " ") + (r.symmetric ? " \u2194" : ""), r.count,
        function (on) {
          if (on) { hiddenRelations.delete(r.type); } else { hiddenRelations.add(r.type); }
          refresh();
        });
      box.dataset.relation = r.type;
    });
    if (!data.relations.length) { $("kg-relations").appendChild(el("p", "kg-muted", "No relation in this view.")); }
    var slider = $("kg-minconf");
    slider.addEventListener("input", function () {
      minConfidence = parseFloat(slider.value) || 0;
      $("kg-minconf-value").textContent = minConfidence.toFixed(2);
      refresh();
    });
  }

  function refresh() {
    clearHighlight();
    nodeView.refresh();
    edgeView.refresh();
  }

  // ---- highlight: the clicked node, its neighbours and their edges; the rest dimmed ----------
  // Dimming repaints a veil over the canvas after each draw and the focused items on top of it,
  // so it costs one redraw whatever the size of the graph (updating every item's colour in the
  // DataSets takes most of a second at 2,000 nodes).
  var focus = null;            // {nodes: [...ids], edges: [...ids]} drawn above the veil

  function highlight(nodeIds, edgeIds) {
    focus = { nodes: nodeIds.slice(), edges: edgeIds.slice() };
    network.redraw();
  }

  function clearHighlight() {
    if (!focus) { return; }
    focus = null;
    network.redraw();
  }

  function drawFocus(ctx) {
    if (!focus) { return; }
    var body = network.body;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "rgba(255,255,255,0.8)";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
    focus.edges.forEach(function (id) {
      var e = body.edges[id];
      if (e && e.connected) { e.draw(ctx); e.drawArrows(ctx); }
    });
    var labels = [];
    focus.nodes.forEach(function (id) {
      var n = body.nodes[id];
      if (n) {
        var r = n.draw(ctx);
        if (r && r.drawExternalLabel) { labels.push(r.drawExternalLabel); }
      }
    });
    labels.forEach(function (f) { f(); });
  }

  function highlightNode(id) {
    var around = network.getConnectedNodes(id).concat([id]);
    highlight(around, network.getConnectedEdges(id));
  }

  function highlightEdge(id) {
    var e = edges.get(id);
    highlight([e.from, e.to], [id]);
  }

  // ---- details panel -----------------------------------------------------------------------------
  function panel() {
    var p = $("kg-panel");
    while (p.firstChild) { p.removeChild(p.firstChild); }
    return p;
  }

  function field(dl, name, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) { return; }
    dl.appendChild(el("dt", null, name));
    var dd = el("dd");
    if (value instanceof Node) { dd.appendChild(value); } else { dd.textContent = Array.isArray(value) ? value.join(", ") : String(value); }
    dl.appendChild(dd);
  }

  function nodeLink(id) {
    var info = data.nodes[id];
    var b = el("button", "kg-link", info ? info.name : id);
    b.type = "button";
    b.addEventListener("click", function () { focusNode(id); });
    return b;
  }

  function showNode(id) {
    var info = data.nodes[id];
    if (!info) { return; }
    var p = panel();
    p.dataset.kind = "node";
    p.dataset.id = id;
    p.appendChild(el("h2", null, info.name));
    var dl = el("dl");
    var t = data.types.filter(function (x) { return x.type === info.type; })[0];
    var typ = el("span");
    if (t) { var s = el("span", "kg-swatch " + t.shape); s.style.background = t.color; typ.appendChild(s); typ.appendChild(document.createTextNode(" ")); }
    typ.appendChild(document.createTextNode(info.type));
    field(dl, "Type", typ);
    field(dl, "Aliases", info.aliases);
    field(dl, "Mentions", info.mentions);
    field(dl, "Documents", info.documents);
    field(dl, "Id", id);
    p.appendChild(dl);
    var ids = network.getConnectedEdges(id);
    p.appendChild(el("h3", null, "Relations (" + ids.length + ")"));
    var ul = el("ul", "kg-rels");
    ids.slice(0, 200).forEach(function (eid) {
      var e = data.edges[eid];
      var li = el("li");
      var b = el("button", "kg-link", describeEdge(e));
      b.type = "button";
      b.addEventListener("click", function () { selectEdge(eid); });
      li.appendChild(b);
      ul.appendChild(li);
    });
    p.appendChild(ul);
    if (info.hidden) {
      p.appendChild(el("p", "kg-muted", plural(info.hidden, "more relation") + " to entities left out of this view."));
    }
  }

  function describeEdge(e) {
    var a = data.nodes[e.source].name, b = data.nodes[e.target].name, r = e.type.replace(/_/g, " ");
    return e.symmetric ? a + " \u2014 " + r + " \u2014 " + b : a + " \u2014 " + r + " \u2192 " + b;
  }

  // A sentence with the subject, object and trigger marked, offsets counted in code points
  // (Python's) from the sentence start; a span whose offsets do not fit is found by its text.
  function sentenceWithMarks(ev) {
    var chars = Array.from(ev.sentence);
    var spans = [];
    [["subject", "kg-subject"], ["object", "kg-object"], ["trigger", "kg-trigger"]].forEach(function (k) {
      var s = ev[k[0]];
      if (!s || !s.text) { return; }
      var a = s.start - ev.start, b = s.end - ev.start;
      if (!(a >= 0 && b <= chars.length && a < b && chars.slice(a, b).join("") === s.text)) {
        var at = ev.sentence.indexOf(s.text);
        if (at < 0) { return; }
        a = Array.from(ev.sentence.slice(0, at)).length;
        b = a + Array.from(s.text).length;
      }
      spans.push({ a: a, b: b, cls: k[1], role: k[0] });
    });
    spans.sort(function (x, y) { return x.a - y.a || y.b - x.b; });
    var p = el("p", "kg-sentence");
    var pos = 0;
    spans.forEach(function (s) {
      if (s.a < pos) { return; }   // overlapping spans: keep the first
      if (s.a > pos) { p.appendChild(document.createTextNode(chars.slice(pos, s.a).join(""))); }
      var m = el("mark", s.cls, chars.slice(s.a, s.b).join(""));
      m.title = s.role;
      p.appendChild(m);
      pos = s.b;
    });
    if (pos < chars.length) { p.appendChild(document.createTextNode(chars.slice(pos).join(""))); }
    return p;
  }

  function showEdge(id) {
    var e = data.edges[id];
    if (!e) { return; }
    var p = panel();
    p.dataset.kind = "edge";
    p.dataset.id = id;
    p.appendChild(el("h2", null, describeEdge(e)));
    var dl = el("dl");
    field(dl, "Relation", e.type + (e.symmetric ? " (symmetric)" : ""));
    field(dl, "Subject", nodeLink(e.source));
    field(dl, "Object", nodeLink(e.target));
    field(dl, "Confidence", e.confidence);
    field(dl, "Modality", e.modality);
    field(dl, "Sentences", e.count);
    field(dl, "Documents", e.documents);
    p.appendChild(dl);
    p.appendChild(el("h3", null, "Evidence"));
    e.evidence.forEach(function (ev) {
      var box = el("div", "kg-evidence");
      box.appendChild(sentenceWithMarks(ev));
      var meta = [ev.document];
      if (ev.modality && ev.modality !== "asserted") { meta.push(ev.modality); }
      if (ev.reported) { meta.push("reported"); }
      if (ev.asserted_by) { meta.push("according to " + ev.asserted_by); }
      if (ev.via && ev.via !== "direct") { meta.push("via " + ev.via); }
      if (ev.confidence !== null && ev.confidence !== undefined) { meta.push("confidence " + ev.confidence); }
      if (ev.pattern) { meta.push("pattern " + ev.pattern); }
      box.appendChild(el("div", "kg-muted", meta.join(" \u00b7 ")));
      p.appendChild(box);
    });
    if (e.evidence_total > e.evidence.length) {
      p.appendChild(el("p", "kg-muted", (e.evidence_total - e.evidence.length) + " more sentences are in graph.json."));
    }
  }

  function clearPanel() {
    var p = panel();
    delete p.dataset.kind;
    delete p.dataset.id;
    p.appendChild(el("p", "kg-muted", "Click an entity or a relation to see its details and evidence."));
  }

  function selectEdge(id) {
    network.selectEdges([id]);
    highlightEdge(id);
    showEdge(id);
  }

  function focusNode(id) {
    if (hiddenTypes.has(nodeType[id])) {      // found it, but its type is filtered out: show it again
      hiddenTypes.delete(nodeType[id]);
      typeBoxes[nodeType[id]].checked = true;
      refresh();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    highlightNode(id);
    showNode(id);
  }

  // ---- search over names and aliases ---------------------------------------------------------------
  var index = Object.keys(data.nodes).map(function (id) {
    var n = data.nodes[id];
    return { id: id, name: n.name, keys: [n.name].concat(n.aliases).map(fold) };
  });
  var omitted = data.omitted.map(function (n) { return { name: n.name, keys: [n.name].concat(n.aliases).map(fold) }; });

  function matches(list, q) {
    var exact = [], prefix = [], inside = [];
    list.forEach(function (x) {
      if (x.keys.indexOf(q) >= 0) { exact.push(x); }
      else if (x.keys.some(function (k) { return k.indexOf(q) === 0; })) { prefix.push(x); }
      else if (x.keys.some(function (k) { return k.indexOf(q) > 0; })) { inside.push(x); }
    });
    return exact.concat(prefix, inside);
  }

  function search(commit) {
    var q = fold($("kg-search").value.trim());
    var results = $("kg-results");
    while (results.firstChild) { results.removeChild(results.firstChild); }
    $("kg-search-msg").textContent = "";
    if (!q) { return; }
    var found = matches(index, q);
    if (commit && found.length) { focusNode(found[0].id); }
    found.slice(0, 8).forEach(function (x) {
      var li = el("li");
      var b = el("button", null, x.name + " (" + data.nodes[x.id].type + ")");
      b.type = "button";
      b.dataset.id = x.id;
      b.addEventListener("click", function () { focusNode(x.id); });
      li.appendChild(b);
      results.appendChild(li);
    });
    if (!found.length) {
      var out = matches(omitted, q);
      $("kg-search-msg").textContent = out.length
        ? "\u201c" + out[0].name + "\u201d is in the graph but was left out of this view (it has fewer connections)."
        : "No entity matches.";
    }
  }

  // ---- wiring ------------------------------------------------------------------------------------------
  header();
  filters();
  var network = new vis.Network($("kg-network"), { nodes: nodeView, edges: edgeView }, data.vis.options);
  window.network = network;
  performance.mark("kg-network");

  network.on("afterDrawing", drawFocus);
  network.on("click", function (params) {
    if (params.nodes && params.nodes.length) {
      highlightNode(params.nodes[0]);
      showNode(params.nodes[0]);
    } else if (params.edges && params.edges.length) {
      highlightEdge(params.edges[0]);
      showEdge(params.edges[0]);
    } else {
      clearHighlight();
      clearPanel();
    }
  });

  $("kg-search").addEventListener("input", function () { search(false); });
  $("kg-search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); search(true); }
  });

  network.once("afterDrawing", function () {
    window.kgStableMs = performance.now();
    document.body.dataset.ready = "1";
  });
  window.kgbuild = { data: data, nodes: nodes, edges: edges, focusNode: focusNode, selectEdge: selectEdge };
})();
