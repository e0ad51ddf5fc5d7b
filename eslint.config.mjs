// Lints the page's scripts (awskg/exports/templates/*.js). The template inlines them, in
// html.py's order (SCRIPTS), into one block, so a file may use what the files before it
// declare, and nothing a file after it declares. Each file says so in its header:
// `/* global a, b -- state.js */` for what it takes from an earlier file, `/* exported c */`
// for what it gives the later ones. no-undef holds a file to its header, and no-unused-vars
// keeps the header exact; tests/test_page_scripts.py checks that every name a header takes
// comes from an earlier file.
// The browser's names the page uses are listed here (not the `globals` package: this file is
// read from the repository, where CI's eslint under .ci/npm is not), with vis-network's `vis`.
const BROWSER = [
  "Blob", "CSS", "FileReader", "ResizeObserver", "URL", "document", "history", "localStorage",
  "location", "performance", "requestIdleCallback", "window",
];

export default [
  {
    files: ["awskg/exports/templates/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: Object.fromEntries([...BROWSER, "vis"].map((name) => [name, "readonly"])),
    },
    rules: {
      "no-var": "error",
      "prefer-const": "error",
      "no-undef": "error",
      "no-unused-vars": ["error", { vars: "all", args: "none", caughtErrors: "none" }],
      "no-redeclare": "error",
      "no-dupe-keys": "error",
      "no-unreachable": "error",
      "no-empty": ["error", { allowEmptyCatch: true }],
      eqeqeq: "error",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-shadow": "error",
      "no-use-before-define": ["error", { functions: false, classes: true, variables: false }],
      // as for the Python (tests/test_layers.py): no function runs over 60 lines
      "max-lines-per-function": ["error", { max: 60 }],
    },
  },
];
