// Shared helpers of the validators run by .ci/validate.sh.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { LineCounter, parseAllDocuments } from "yaml";

export const repoRoot = new URL("../../", import.meta.url).pathname;

let stdinName = "<stdin>";
/** What "-" (standard input) is called in messages. */
export function nameStdin(name) {
  stdinName = name;
}

export function show(file) {
  if (file === "-") return stdinName;
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}

/**
 * Parses every YAML document of a file (or "-" for standard input). Syntax errors, duplicate keys
 * included, are reported and those documents dropped. Returns [{ file, index, value, line(path) }].
 */
export function loadYamlDocuments(file, report) {
  const text = readFileSync(file === "-" ? 0 : file, "utf8");
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const result = [];
  docs.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      for (const error of doc.errors.slice(0, 5)) {
        report(`${show(file)}: YAML: ${error.message.split("\n")[0].replace(/:$/, "")}`);
      }
      if (doc.errors.length > 5) report(`${show(file)}: YAML: ${doc.errors.length - 5} more syntax errors`);
      return;
    }
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) {
      return; // an empty document (for example after a trailing ---)
    }
    const line = (path) => {
      let node = doc.getIn(path, true);
      for (let n = path.length; !node?.range && n > 0; n--) {
        node = doc.getIn(path.slice(0, n - 1), true);
      }
      return node?.range ? lineCounter.linePos(node.range[0]).line : 1;
    };
    result.push({ file, index, value, line });
  });
  return result;
}

/** JSON path ["spec", "template", 0] as spec.template[0]. */
export function pathText(path) {
  return path.reduce((text, part) =>
    typeof part === "number" || /^\d+$/.test(part) ? `${text}[${part}]`
      : /^[A-Za-z_$][\w$-]*$/.test(part) ? (text ? `${text}.${part}` : part) : `${text}[${JSON.stringify(part)}]`, "");
}

/** Splits an Ajv instancePath ("/spec/replicas") into path parts. */
export function pointerParts(pointer) {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export class Reporter {
  constructor(title) {
    this.title = title;
    this.errors = [];
    this.warnings = [];
  }
  error = (message) => this.errors.push(message);
  warn = (message) => this.warnings.push(message);
  finish(summary) {
    for (const w of this.warnings) console.log(`  warning: ${w}`);
    for (const e of this.errors) console.log(`  ERROR: ${e}`);
    if (this.errors.length > 0) {
      console.log(`${this.title}: FAILED (${this.errors.length} error(s), ${this.warnings.length} warning(s))`);
      process.exitCode = 1;
    } else {
      console.log(`${this.title}: OK${summary ? ` (${summary})` : ""}${this.warnings.length ? `, ${this.warnings.length} warning(s)` : ""}`);
    }
  }
}
