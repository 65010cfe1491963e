// `npm test`'s first step: the lint and the type check, each mostly on one core, run side by side
// rather than one after the other. Each one's output is printed whole when it ends, so the two
// never interleave; the step fails if either fails.
import { spawn } from "node:child_process";

function runScript(name: string): Promise<{ name: string; code: number; output: string }> {
  // npm names itself in npm_execpath when it runs a script: the same npm, on any platform.
  const npm = process.env.npm_execpath;
  const child = npm ? spawn(process.execPath, [npm, "run", "--silent", name]) : spawn("npm", ["run", "--silent", name], { shell: true });
  const chunks: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => {
    child.on("error", (error) => resolve({ name, code: 1, output: `${error.message}\n` }));
    child.on("close", (code) => resolve({ name, code: code ?? 1, output: Buffer.concat(chunks).toString() }));
  });
}

async function main(names: string[]): Promise<number> {
  if (names.length === 0) {
    console.error("Name the package.json scripts to run side by side, e.g. tsx scripts/side-by-side.ts lint typecheck");
    return 2;
  }
  const results = await Promise.all(names.map(runScript));
  for (const { name, code, output } of results) {
    console.log(`> ${name}: ${code === 0 ? "passed" : `failed (exit code ${code})`}`);
    if (output.trim() !== "") console.log(output.trimEnd());
  }
  return results.every((result) => result.code === 0) ? 0 : 1;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
