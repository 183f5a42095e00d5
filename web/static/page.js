// The page: reads the files the user picks or drops, hands their bytes to the
// cchc checker compiled to WebAssembly (cchc-wasm.js), and shows its answer.
// Nothing is sent anywhere: the Content-Security-Policy forbids every
// connection, and this script makes none.
"use strict";
(function () {
  const WORDS = {
    vi: {
      title: "Kiểm tra kế hoạch cải cách hành chính",
      privacy: "Tệp của bạn không rời khỏi máy tính này: việc kiểm tra diễn ra ngay trong trình duyệt, trang không gửi đi bất cứ dữ liệu nào.",
      drop: "Kéo thả tệp kế hoạch vào đây hoặc bấm để chọn (.docx, .xlsx, .yaml; chọn nhiều tệp để kiểm tra chéo)",
      lang: "English", print: "In kết quả", loading: "Đang nạp bộ kiểm tra…",
      ready: "Sẵn sàng. Chọn tệp kế hoạch để kiểm tra.", checking: "Đang kiểm tra…",
      checked: (n, ms) => `Đã kiểm tra ${n} tệp trong ${ms} ms.`,
      failed: "Không kiểm tra được: ", nowasm: "Trình duyệt này không chạy được WebAssembly; hãy dùng Chrome, Edge hoặc Firefox bản mới.",
      severity: "Mức độ", error: "lỗi", warning: "cảnh báo", info: "lưu ý", family: "Nhóm quy tắc", all: "Tất cả",
      coverage: "Độ bao phủ (như cchc report)", close: "Đóng", fix: "Cách sửa:", save: "Lưu bản YAML",
      none: "Không có vấn đề nào.", explain: "Giải thích quy tắc",
      counts: (f) => `${f.errors} lỗi, ${f.warnings} cảnh báo, ${f.infos} lưu ý`,
      footer: "Kiểm tra theo văn bản 7946/UBND-NCPC; cùng thư viện với lệnh",
    },
    en: {
      title: "Check an administrative-reform plan",
      privacy: "Your files never leave this computer: checking happens in the browser, and the page sends no data anywhere.",
      drop: "Drop plan files here or click to choose (.docx, .xlsx, .yaml; several at once for the cross-file rules)",
      lang: "Tiếng Việt", print: "Print", loading: "Loading the checker…",
      ready: "Ready. Choose plan files to check.", checking: "Checking…",
      checked: (n, ms) => `Checked ${n} files in ${ms} ms.`,
      failed: "Could not check: ", nowasm: "This browser cannot run WebAssembly; use a recent Chrome, Edge or Firefox.",
      severity: "Severity", error: "error", warning: "warning", info: "info", family: "Rule family", all: "All",
      coverage: "Coverage (as cchc report)", close: "Close", fix: "Fix:", save: "Save as YAML",
      none: "No problems.", explain: "Explain the rule",
      counts: (f) => `${f.errors} errors, ${f.warnings} warnings, ${f.infos} infos`,
      footer: "Checks against document 7946/UBND-NCPC; the same library as",
    },
  };
  let lang = "vi";
  let picked = []; // [{name, bytes: Uint8Array}]
  let last = null;
  let exports = null;
  const $ = (id) => document.getElementById(id);
  const w = (key) => WORDS[lang][key];

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v;
      else if (k.startsWith("data-")) e.setAttribute(k, String(v));
      else e[k] = v;
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined) continue;
      e.append(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return e;
  }

  function status(text, state) {
    const s = $("status");
    s.textContent = text;
    s.dataset.state = state;
  }

  function translate() {
    document.documentElement.lang = lang;
    document.title = "cchc — " + w("title");
    for (const e of document.querySelectorAll("[data-t]")) {
      const v = WORDS[lang][e.dataset.t];
      if (typeof v === "string") e.textContent = v;
    }
  }

  // The checker's module, embedded as base64 by scripts/build-web so that the
  // page needs no fetch (forbidden by its policy, and refused from file://).
  async function load() {
    if (typeof WebAssembly !== "object") throw new Error(w("nowasm"));
    const text = atob(window.CCHC_WASM);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    const module = await WebAssembly.compile(bytes);
    // zip links wasm-bindgen (for getrandom) whose intrinsics the module
    // declares; cchc never reaches them (scripts/build-web checks the list).
    const imports = {};
    for (const i of WebAssembly.Module.imports(module)) {
      imports[i.module] = imports[i.module] || {};
      imports[i.module][i.name] = () => {
        throw new Error(`cchc: unexpected call of ${i.module}.${i.name}`);
      };
    }
    const instance = await WebAssembly.instantiate(module, imports);
    exports = instance.exports;
  }

  // One call: [header length][header JSON][each file's bytes] in, JSON out.
  function check(files, language) {
    const header = new TextEncoder().encode(JSON.stringify({
      lang: language,
      files: files.map((f) => ({ name: f.name, size: f.bytes.length, omitted: f.omitted })),
    }));
    const total = 4 + header.length + files.reduce((n, f) => n + f.bytes.length, 0);
    const ptr = exports.cchc_alloc(total);
    const memory = new Uint8Array(exports.memory.buffer);
    new DataView(exports.memory.buffer).setUint32(ptr, header.length, true);
    memory.set(header, ptr + 4);
    let at = ptr + 4 + header.length;
    for (const f of files) {
      memory.set(f.bytes, at);
      at += f.bytes.length;
    }
    const started = performance.now();
    const out = exports.cchc_check(ptr, total);
    const ms = performance.now() - started;
    exports.cchc_free(ptr, total);
    const n = new DataView(exports.memory.buffer).getUint32(out, true);
    const json = new TextDecoder().decode(new Uint8Array(exports.memory.buffer, out + 4, n));
    exports.cchc_free(out, 4 + n);
    const answer = JSON.parse(json);
    if (answer.error) throw new Error(answer.error);
    answer.ms = ms;
    return answer;
  }

  function lines(d) {
    if (!d.lines.length) return null;
    return el("pre", { class: "lines" }, d.lines.map((l) => [
      el("span", { class: "n" }, String(l.number)),
      l.before,
      l.marked ? el("mark", {}, l.marked) : null,
      l.after,
      "\n",
    ]));
  }

  function row(d) {
    const r = d.row;
    if (!r) return null;
    const head = el("tr", {}, el("th", { class: "rowno" }, String(r.header_number)),
      r.headers.map((h, i) => el("th", { class: i === r.marked ? "marked" : null }, h)));
    const body = r.cells.length
      ? el("tr", {}, el("td", { class: "rowno" }, String(r.number)),
        r.cells.map((c, i) => el("td", { class: i === r.marked ? "marked" : null }, c)))
      : null;
    return el("div", { class: "wrap" }, el("table", { class: "row" }, el("thead", {}, head), el("tbody", {}, body)));
  }

  function explain(code) {
    $("explain-text").textContent = (last && last.explain[code]) || code;
    const dialog = $("explain");
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
  }

  function save(f) {
    const blob = new Blob([f.yaml], { type: "application/yaml" });
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: f.yaml_name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function fileSection(f) {
    const verdict = el("span", {
      class: "verdict " + (f.ready ? "ready" : f.errors ? "not-ready" : "skipped"),
    }, f.verdict);
    const actions = f.yaml
      ? el("button", { type: "button", class: "save no-print", onclick: () => save(f) }, w("save"))
      : null;
    const items = f.diagnostics.map((d) => el("li", {
      class: `diag sev-${d.severity}`,
      "data-code": d.code, "data-line": d.line, "data-column": d.column,
      "data-severity": d.severity, "data-family": d.family,
    },
    el("div", { class: "head" },
      el("span", { class: "sev" }, d.severity_word),
      el("button", { type: "button", class: "code", title: w("explain"), onclick: () => explain(d.code) }, d.code),
      el("span", { class: "message" }, d.message)),
    el("div", { class: "place" }, d.place),
    lines(d), row(d),
    d.help ? el("p", { class: "help" }, el("b", {}, w("fix")), d.help) : null));
    return el("section", { class: "file", "data-path": f.path, "data-ready": f.ready },
      el("header", {}, el("h3", {}, f.path), verdict, el("span", { class: "counts" }, w("counts")(f)), actions),
      items.length ? el("ol", { class: "diags" }, items) : el("p", { class: "empty" }, w("none")));
  }

  function views(answer) {
    return answer.report.map((v) => el("section", { class: "views" },
      el("h3", {}, v.title),
      el("div", { class: "wrap" }, el("table", {},
        el("thead", {}, el("tr", {}, v.headers.map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, v.rows.map((r) => el("tr", {}, r.map((c, j) => el(j === 0 ? "th" : "td", {
          class: c.class || (c.heat === null || c.heat === undefined ? null : "h" + c.heat),
          title: c.title,
        }, c.text))))))),
      v.notes.length ? el("ul", { class: "notes" }, v.notes.map((n) => el("li", {}, n))) : null));
  }

  function filter() {
    const severities = new Set([...document.querySelectorAll("input[name=severity]:checked")].map((i) => i.value));
    const family = $("family").value;
    for (const d of document.querySelectorAll(".diag")) {
      d.hidden = !severities.has(d.dataset.severity) || (family !== "" && d.dataset.family !== family);
    }
  }

  function show(answer) {
    last = answer;
    $("summary").textContent = answer.summary;
    $("results").replaceChildren(...answer.files.map(fileSection));
    $("views").replaceChildren(...views(answer));
    $("coverage").hidden = answer.report.length === 0;
    const family = $("family");
    const chosen = family.value;
    family.replaceChildren(el("option", { value: "" }, w("all")),
      ...answer.families.map((f) => el("option", { value: f.letter }, f.name)));
    family.value = chosen;
    $("filters").hidden = false;
    $("version").textContent = "cchc " + answer.version;
    filter();
  }

  function run() {
    if (!exports || picked.length === 0) return;
    status(w("checking"), "checking");
    try {
      const answer = check(picked, lang);
      show(answer);
      status(w("checked")(picked.length, answer.ms.toFixed(1)), "done");
      $("status").dataset.ms = answer.ms.toFixed(3);
    } catch (e) {
      // A trap (a bug in cchc) leaves the module unusable: load a fresh one
      // for the next check.
      status(w("failed") + e.message, "error");
      exports = null;
      load().catch((err) => status(w("failed") + err.message, "error"));
    }
  }

  async function pick(fileList) {
    const files = [...fileList];
    // A file over cchc's size limit is not copied: its size is sent, and the
    // checker reports it as `cchc check` does.
    const limit = exports ? exports.cchc_max_file_size() : Infinity;
    picked = await Promise.all(files.map(async (f) => (f.size > limit
      ? { name: f.name, omitted: f.size, bytes: new Uint8Array(0) }
      : { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    run();
  }

  // The input is emptied once read, so that choosing the same file again
  // (corrected in Word and saved) checks it again.
  $("files").addEventListener("change", (e) => pick(e.target.files).finally(() => { e.target.value = ""; }));
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    pick(e.dataTransfer.files);
  });
  $("lang").addEventListener("click", () => {
    lang = lang === "vi" ? "en" : "vi";
    translate();
    if (picked.length) run(); else status(w("ready"), "ready");
  });
  $("print").addEventListener("click", () => window.print());
  for (const i of document.querySelectorAll("input[name=severity]")) i.addEventListener("change", filter);
  $("family").addEventListener("change", filter);

  load().then(() => {
    status(w("ready"), "ready");
    if ($("files").files.length) pick($("files").files);
  }, (e) => status(w("failed") + e.message, "error"));
})();
