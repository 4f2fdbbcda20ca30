// Starts the real `backlab` binary on a free port with an empty data folder,
// and stops it. The binary is BACKLAB_BIN (./dev test sets it).

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export async function startBackend(dataDir = mkdtempSync(join(tmpdir(), "backlab-e2e-"))) {
  const bin = process.env.BACKLAB_BIN;
  if (!bin) throw new Error("set BACKLAB_BIN to the backlab binary (./dev test does)");
  const child = spawn(bin, ["--data-dir", dataDir, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    let seen = "";
    child.stdout.on("data", (chunk) => {
      seen += chunk;
      const found = seen.match(/serving the course at (http:\/\/\S+?)\/?\s/);
      if (found) resolve(found[1]);
    });
    child.on("exit", (code) => reject(new Error(`backlab exited with ${code} before serving:\n${seen}`)));
  });
  return {
    url,
    dataDir,
    async stop({ keepData = false } = {}) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
