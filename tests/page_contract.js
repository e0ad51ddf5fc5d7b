// Runs the page's own name resolution, relate and compare (state.js, names.js, relate.js) under
// plain node, against page data Python wrote, and prints the answers to the questions given.
// Usage: node page_contract.js DATA.json TEMPLATES_DIR QUESTIONS.json
// A question is [how, a, b, lang, maxHops]: how is "resolve", "relate", "compare" or "fact";
// maxHops (relate's, optional) as the CLI's --max-hops.
"use strict";
const fs = require("fs");
const vm = require("vm");

const [dataPath, templates, questionsPath] = process.argv.slice(2);
// Whatever the scripts touch of the page at load time (the search box, buttons) is a stub
// that takes any property, call or assignment: only the answers are under test here.
const stub = new Proxy(function () {}, {
  get: (target, key) => (key === Symbol.toPrimitive ? () => "" : key === "then" ? undefined : stub),
  apply: () => stub,
  set: () => true
});
const dataText = fs.readFileSync(dataPath, "utf8");
const document = {
  getElementById: (id) => (id === "awskg-data" ? { textContent: dataText } : stub),
  createElement: () => stub,
  querySelectorAll: () => [],
  body: stub,
  documentElement: stub
};
const context = vm.createContext({
  document, window: stub, location: { hash: "" }, history: stub, localStorage: stub, navigator: stub,
  requestAnimationFrame: () => 0, setTimeout: () => 0
});
const scripts = ["state.js", "names.js", "relate.js"].map((name) => fs.readFileSync(templates + "/" + name, "utf8"));
const questions = fs.readFileSync(questionsPath, "utf8");
// "fact" asks what the page says of the fact whose id is a: its arrow's label and its texts (state.js)
const ask = `;(${questions}).map(([how, a, b, lang, maxHops]) =>
  how === "resolve" ? resolveName(a) : how === "relate" ? relate(a, b, { lang, maxHops }) :
  how === "fact" ? Object.assign({ label: arrowLabel(edgeById[a], lang) }, factText(edgeById[a], lang)) : compare(a, b, { lang }))`;
// one strict block, as the page inlines them (html.py: SCRIPTS): a name two files declare fails here too
process.stdout.write(JSON.stringify(vm.runInContext('"use strict";\n{\n' + scripts.join("\n") + ask + "\n}", context)));
