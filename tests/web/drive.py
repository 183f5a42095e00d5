"""Drives the browser page (web/dist) in Debian's Chromium with Playwright and
reports what the page showed, for tests/cchc/web.rs to compare with the CLI.

Reads a JSON spec on standard input:
  {"dist": "/abs/web/dist", "dir": "/abs/inputs", "screenshot": "/abs/shot.png",
   "runs": [{"files": ["a.yaml", "b.docx"], "lang": "vi"}, ...]}
and writes on standard output:
  {"runs": [{"files": [...], "lang": ..., "status": ..., "ms": ..., "shown": [
      {"path", "verdict", "ready", "diagnostics": [{"code", "line", "column", "severity", "message"}]}]}],
   "http": {...one run over http://127.0.0.1...}, "requests": [every URL requested],
   "console": [console errors and page errors], "imports": [the module's imports], "saved": YAML text}
The browser is the system's (executable_path), so Playwright downloads nothing.
"""

import functools
import http.server
import json
import sys
import threading

from playwright.sync_api import sync_playwright

ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

READ = """() => [...document.querySelectorAll('section.file')].map(s => ({
  path: s.dataset.path,
  ready: s.dataset.ready === 'true',
  verdict: s.querySelector('.verdict').textContent,
  diagnostics: [...s.querySelectorAll('li.diag')].map(d => ({
    code: d.dataset.code, line: +d.dataset.line, column: +d.dataset.column,
    severity: d.dataset.severity, message: d.querySelector('.message').textContent,
  })),
}))"""


def check(page, paths, lang):
    """Puts files into the page's file input in `lang` and reads the result."""
    current = page.evaluate("() => document.documentElement.lang")
    if current != lang:
        page.click("#lang")
        page.wait_for_function(f"() => document.documentElement.lang === '{lang}'")
    page.evaluate("() => { document.getElementById('status').dataset.state = 'waiting'; }")
    print("checking", paths, lang, file=sys.stderr)
    page.set_input_files("#files", paths)
    page.wait_for_selector("#status[data-state=done], #status[data-state=error]", timeout=60000)
    status = page.eval_on_selector("#status", "s => [s.dataset.state, s.textContent, s.dataset.ms]")
    return {
        "state": status[0],
        "status": status[1],
        "ms": float(status[2]) if status[2] else None,
        "shown": page.evaluate(READ),
    }


def main():
    spec = json.load(sys.stdin)
    requests, console = [], []
    out = {"runs": [], "requests": requests, "console": console}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        context = browser.new_context(viewport={"width": 1200, "height": 1400}, accept_downloads=True)
        page = context.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: console.append(str(e)))
        page.goto("file://" + spec["dist"] + "/index.html")
        page.wait_for_selector("#status[data-state=ready], #status[data-state=error]")
        out["imports"] = page.evaluate(
            """() => WebAssembly.Module.imports(new WebAssembly.Module(
                 Uint8Array.from(atob(window.CCHC_WASM), c => c.charCodeAt(0))))
               .map(i => i.module + '.' + i.name)""")
        for run in spec["runs"]:
            paths = [spec["dir"] + "/" + f for f in run["files"]]
            result = check(page, paths, run["lang"])
            result.update(files=run["files"], lang=run["lang"])
            out["runs"].append(result)
        # The imported YAML of the last document checked, through the page's button.
        if page.query_selector("button.save"):
            with page.expect_download() as d:
                page.click("button.save")
            with open(d.value.path(), encoding="utf-8") as f:
                out["saved"] = {"name": d.value.suggested_filename, "text": f.read()}
        # The filters: errors unticked, then one family chosen.
        visible = """() => [...document.querySelectorAll('li.diag')].filter(d => !d.hidden)
                           .map(d => d.dataset.severity + ':' + d.dataset.family)"""
        before = page.evaluate(visible)
        page.uncheck("input[name=severity][value=error]")
        no_errors = page.evaluate(visible)
        page.check("input[name=severity][value=error]")
        family = before[0].split(":")[1] if before else ""
        page.select_option("#family", family)
        one_family = page.evaluate(visible)
        page.select_option("#family", "")
        out["filters"] = {"before": before, "no_errors": no_errors, "family": family, "one_family": one_family}
        # An explanation opens on a code's click.
        if page.query_selector("button.code"):
            page.click("button.code")
            out["explain"] = page.text_content("#explain-text")
        page.screenshot(path=spec["screenshot"], full_page=False)
        # Printed: the controls are hidden, the results are not.
        page.emulate_media(media="print")
        out["print"] = page.evaluate("""() => ({
            controls: getComputedStyle(document.querySelector('.controls')).display,
            filters: getComputedStyle(document.getElementById('filters')).display,
            results: getComputedStyle(document.getElementById('results')).display,
        })""")
        page.emulate_media(media="screen")
        # On a phone: the page is no wider than the screen (tables scroll inside their box).
        page.set_viewport_size({"width": 390, "height": 844})
        out["phone"] = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        # The same page from a static host: every request goes to that host.
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=spec["dist"])
        handler.log_message = lambda *a: None
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        page2 = context.new_page()
        served = []
        page2.on("request", lambda r: served.append(r.url))
        page2.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
        page2.goto(origin + "/index.html")
        page2.wait_for_selector("#status[data-state=ready], #status[data-state=error]")
        first = spec["runs"][0]
        result = check(page2, [spec["dir"] + "/" + f for f in first["files"]], first["lang"])
        out["http"] = {"origin": origin, "requests": served, **result}
        server.shutdown()
        browser.close()
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
