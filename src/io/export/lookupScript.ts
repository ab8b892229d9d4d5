// The 学区查询 page's style and script, inlined into the exported HTML (lookupPage.ts). The script is
// plain browser JavaScript kept as text: the page is a file on its own and loads nothing. `search`
// is defined at the top level without touching the page, so a benchmark can run it outside a browser.

/** The page's CSS. */
export const LOOKUP_STYLE = `
*{box-sizing:border-box}body{margin:0;font:14px/1.5 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#222;background:#fafafa}
header{display:flex;align-items:center;justify-content:space-between;padding:8px 16px;background:#1f5f8b;color:#fff}
h1{font-size:18px;margin:0}header button{background:#fff;color:#1f5f8b;border:0;border-radius:4px;padding:4px 10px;cursor:pointer}
main{display:flex;height:calc(100vh - 48px)}#side{width:360px;padding:12px;overflow:auto;border-right:1px solid #ddd;background:#fff}
#q{width:100%;padding:8px;font-size:15px;border:1px solid #aaa;border-radius:4px}#count{color:#666;font-size:12px;margin:4px 0}
#results{list-style:none;margin:0;padding:0;max-height:35vh;overflow:auto}#results li{padding:4px 6px;cursor:pointer;border-bottom:1px solid #eee}
#results li:hover,#results li.on{background:#e6f0f7}#results small{color:#777;margin-left:6px}
#detail h2{font-size:16px;margin:12px 0 4px}#detail h3{font-size:14px;margin:8px 0 2px;color:#1f5f8b}#detail p{margin:2px 0}
.changed{color:#b3261e}.same{color:#2e7d32}.muted{color:#777}#note{color:#777;font-size:12px;margin-top:16px}
#mapbox{flex:1;position:relative;overflow:hidden}#map{width:100%;height:100%;background:#eef3f6;cursor:grab;touch-action:none}
#levels{position:absolute;top:8px;left:8px;z-index:1}#levels button{border:1px solid #1f5f8b;background:#fff;color:#1f5f8b;padding:3px 10px;cursor:pointer}
#levels button.on{background:#1f5f8b;color:#fff}#hint{position:absolute;bottom:4px;left:8px;margin:0;color:#555;font-size:12px;background:#fffc;padding:2px 6px}
.zone{stroke:#fff;stroke-width:1.2;vector-effect:non-scaling-stroke;cursor:pointer}.zone:hover{opacity:.8}.zone.on{stroke:#b3261e;stroke-width:3}
.school{fill:#1f5f8b;stroke:#fff;vector-effect:non-scaling-stroke}.label{fill:#123;paint-order:stroke;stroke:#fff;stroke-width:3px;pointer-events:none;text-anchor:middle}
.pin{fill:#b3261e;stroke:#fff;stroke-width:2;vector-effect:non-scaling-stroke}
@media (max-width:700px){main{flex-direction:column;height:auto}#side{width:auto}#mapbox{height:70vh}}
@media print{header button,#levels{display:none}}
`;

/** The page's script. */
export const LOOKUP_SCRIPT = String.raw`
"use strict";
var DATA = typeof document !== "undefined" ? JSON.parse(document.getElementById("data").textContent) : globalThis.LOOKUP_DATA;
var LATIN = /^[0-9a-z]+$/;
/* The places matching a query, best first: names holding it (those starting with it first); a query
   of letters and digits also matches the pinyin initials. At most 50. */
function search(query) {
  var q = String(query).trim().toLowerCase();
  if (q === "") return [];
  var latin = LATIN.test(q), hits = [];
  for (var i = 0; i < DATA.p.length; i++) {
    var p = DATA.p[i], name = p[1].toLowerCase(), rank = -1;
    var k = name.indexOf(q);
    if (k === 0) rank = 0; else if (k > 0) rank = 2;
    if (latin) { var j = p[3].indexOf(q); if (j === 0 && (rank < 0 || rank > 1)) rank = 1; else if (j > 0 && rank < 0) rank = 3; }
    if (rank < 0 && (p[2] + p[1]).indexOf(q) >= 0) rank = 4;
    if (rank >= 0) hits.push([rank, p[1].length, i]);
  }
  hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
  return hits.slice(0, 50).map(function (h) { return h[2]; });
}
if (typeof document !== "undefined") (function () {
  var NS = "http://www.w3.org/2000/svg";
  var lang = DATA.locale, level = 0, chosen = -1, zonesOn = [], view = [0, 0, DATA.w, DATA.h];
  var $ = function (id) { return document.getElementById(id); };
  var svg = $("map"), q = $("q");
  function T(key, vars) { return DATA.t[lang][key].replace(/\{(\w+)\}/g, function (m, k) { return vars && k in vars ? vars[k] : m; }); }
  function schoolName(k) { return lang === "en" ? DATA.s[k][2] : DATA.s[k][1]; }
  function listText(list) { return list.map(schoolName).join(lang === "en" ? ", " : "、"); }
  function el(tag, attrs, parent) { var e = document.createElementNS(NS, tag); for (var a in attrs) e.setAttribute(a, attrs[a]); if (parent) parent.appendChild(e); return e; }
  function html(tag, text, cls) { var e = document.createElement(tag); e.textContent = text; if (cls) e.className = cls; return e; }
  var defs = el("defs", {}, svg), pat = el("pattern", { id: "hatch", width: 24, height: 24, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, defs);
  el("rect", { width: 24, height: 24, fill: "#f6d9a8" }, pat); el("line", { x1: 0, y1: 0, x2: 0, y2: 24, stroke: "#c98a2b", "stroke-width": 8 }, pat);
  var zonesG = el("g", {}, svg), schoolsG = el("g", {}, svg), pinG = el("g", {}, svg);
  var zoneEls = DATA.z.map(function (z, i) {
    var fill = z[1].length > 1 ? "url(#hatch)" : "hsl(" + Math.round((z[1][0] * 137.508) % 360) + ",55%,80%)";
    var p = el("path", { d: z[2], fill: fill, "fill-rule": "evenodd", "class": "zone", "data-zone": i }, zonesG);
    p.addEventListener("click", function (ev) { if (!dragged) { ev.stopPropagation(); showZone(i); } });
    return p;
  });
  function teaches(s, lv) { var l = DATA.s[s][3]; return l === "nine_year" || l === (lv === 0 ? "primary" : "junior"); }
  function drawSchools() {
    schoolsG.textContent = "";
    var r = view[2] / 300, size = view[2] / 70;
    DATA.s.forEach(function (s, k) {
      if (!teaches(k, level)) return;
      el("circle", { cx: s[4], cy: s[5], r: r, "class": "school" }, schoolsG);
      var t = el("text", { x: s[4], y: s[5] - r * 1.6, "class": "label", "font-size": size }, schoolsG); t.textContent = schoolName(k);
    });
    pinG.textContent = "";
    if (chosen >= 0 && DATA.p[chosen][4] >= 0) el("circle", { cx: DATA.p[chosen][4], cy: DATA.p[chosen][5], r: r * 1.4, "class": "pin" }, pinG);
  }
  function setView(v) { view = v; svg.setAttribute("viewBox", v.join(" ")); drawSchools(); }
  function drawLevel() {
    zoneEls.forEach(function (p, i) { p.style.display = DATA.z[i][0] === level ? "" : "none"; p.classList.toggle("on", zonesOn.indexOf(i) >= 0); });
    zonesOn.forEach(function (i) { zonesG.appendChild(zoneEls[i]); });
    var box = $("levels"); box.textContent = "";
    ["primary", "junior"].forEach(function (key, lv) {
      var b = html("button", T(key), lv === level ? "on" : ""); b.type = "button";
      b.addEventListener("click", function () { level = lv; zonesOn = chosen >= 0 ? placeZones(chosen) : []; drawLevel(); drawSchools(); });
      box.appendChild(b);
    });
  }
  function schoolsLine(parent, lists) {
    if (lists.length === 0) { parent.appendChild(html("p", T("lookupNoZone"), "muted")); return; }
    lists.forEach(function (list) { parent.appendChild(html("p", list.length > 1 ? T("lookupShared", { list: listText(list) }) : listText(list))); });
  }
  function key(lists) { return JSON.stringify(lists); }
  /* The zones of the shown level a place's schools are zoned by. */
  function placeZones(i) {
    return DATA.p[i][6][level].map(function (list) { return DATA.z.findIndex(function (z) { return z[0] === level && key(z[1]) === key(list); }); }).filter(function (k) { return k >= 0; });
  }
  function showPlace(i) {
    chosen = i; zonesOn = placeZones(i);
    var p = DATA.p[i], d = $("detail"); d.textContent = "";
    d.appendChild(html("h2", p[1]));
    if (p[0] === "r") d.appendChild(html("p", T("lookupRoad"), "muted")); else if (p[2]) d.appendChild(html("p", p[2], "muted"));
    [0, 1].forEach(function (lv) {
      d.appendChild(html("h3", T(lv === 0 ? "primary" : "junior")));
      schoolsLine(d, p[6][lv]);
      if (key(p[6][lv]) !== key(p[7][lv])) d.appendChild(html("p", T("lookupChanged", { base: DATA.baseYear, list: p[7][lv].length ? p[7][lv].map(listText).join("；") : T("lookupNoZone") }), "changed"));
      else if (p[0] === "u") d.appendChild(html("p", T("lookupUnchanged", { base: DATA.baseYear }), "same"));
    });
    Array.prototype.forEach.call($("results").children, function (li) { li.classList.toggle("on", Number(li.dataset.place) === i); });
    if (p[4] >= 0) {
      var span = Math.min(DATA.w, DATA.h) / 6;
      setView([p[4] - span, p[5] - span * DATA.h / DATA.w, span * 2, span * 2 * DATA.h / DATA.w]);
    } else drawSchools();
    drawLevel();
  }
  function showZone(i) {
    zonesOn = [i]; chosen = -1;
    var z = DATA.z[i], d = $("detail"); d.textContent = "";
    d.appendChild(html("h2", z[1].length > 1 ? T("lookupShared", { list: listText(z[1]) }) : listText(z[1])));
    d.appendChild(html("p", T(z[0] === 0 ? "primary" : "junior") + " · " + T("lookupZoneOf"), "muted"));
    drawLevel(); drawSchools();
  }
  function runSearch() {
    var found = search(q.value), ol = $("results"); ol.textContent = "";
    $("count").textContent = q.value.trim() === "" ? "" : found.length ? T("lookupResults", { n: found.length }) : T("lookupNoResult");
    found.forEach(function (i) {
      var p = DATA.p[i], li = html("li", p[1]); li.dataset.place = i;
      li.appendChild(html("small", p[0] === "r" ? T("lookupRoad") : p[2]));
      li.addEventListener("click", function () { showPlace(i); });
      ol.appendChild(li);
    });
    if (found.length === 1) showPlace(found[0]);
  }
  function texts() {
    document.documentElement.lang = lang;
    document.title = $("title").textContent = T("lookupTitle");
    $("lang").textContent = T("language");
    q.placeholder = T("lookupSearch");
    $("hint").textContent = T("lookupClickHint");
    $("note").textContent = T("lookupNote") + (DATA.synthetic ? " " + T("syntheticNote") : "");
  }
  $("lang").addEventListener("click", function () {
    lang = lang === "en" ? "zh-CN" : "en"; texts(); drawLevel(); drawSchools(); runSearch();
    if (chosen >= 0) showPlace(chosen); else if (zonesOn.length === 1) showZone(zonesOn[0]);
  });
  q.addEventListener("input", runSearch);
  var drag = null, dragged = false;
  svg.addEventListener("pointerdown", function (e) { drag = [e.clientX, e.clientY, view.slice()]; dragged = false; });
  svg.addEventListener("pointermove", function (e) {
    if (!drag) return;
    var k = view[2] / svg.clientWidth, dx = e.clientX - drag[0], dy = e.clientY - drag[1];
    if (Math.abs(dx) + Math.abs(dy) > 4) dragged = true;
    if (dragged) setView([drag[2][0] - dx * k, drag[2][1] - dy * k, view[2], view[3]]);
  });
  window.addEventListener("pointerup", function () { drag = null; });
  svg.addEventListener("wheel", function (e) {
    e.preventDefault();
    var f = e.deltaY > 0 ? 1.25 : 0.8, r = svg.getBoundingClientRect();
    var mx = view[0] + (e.clientX - r.left) / r.width * view[2], my = view[1] + (e.clientY - r.top) / r.height * view[3];
    setView([mx - (mx - view[0]) * f, my - (my - view[1]) * f, view[2] * f, view[3] * f]);
  }, { passive: false });
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  texts(); drawLevel(); setView(view);
  window.lookupSearch = search;
  document.body.dataset.ready = "yes";
})();
`;
