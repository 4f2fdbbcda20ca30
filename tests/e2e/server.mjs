// Starts the real `backlab` binary on a free port with an empty data folder,
// and stops it. The binary is BACKLAB_BIN (./dev test sets it).

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export async function startBackend(dataDir = mkdtempSync(join(tmpdir(), "backlab-e2e-"))) {
  return start(["--data-dir", dataDir, "--port", "0"], dataDir, /serving the course at (http:\/\/\S+?)\/?\s/);
}

/** `backlab class` on a free port; `joinLink` is the instructor's first link. */
export async function startClass(dataDir = mkdtempSync(join(tmpdir(), "backlab-class-"))) {
  const args = ["class", "--data-dir", dataDir, "--listen", "127.0.0.1:0", "--instructor", "teacher@example.org"];
  return start(args, dataDir, /serving your class at (http:\/\/\S+?)\/?\s[\s\S]*?(http:\/\/\S+\/join\/[0-9a-f]+)/);
}

async function start(args, dataDir, ready) {
  const bin = process.env.BACKLAB_BIN;
  if (!bin) throw new Error("set BACKLAB_BIN to the backlab binary (./dev test does)");
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", "inherit"] });
  const [url, joinLink] = await new Promise((resolve, reject) => {
    let seen = "";
    child.stdout.on("data", (chunk) => {
      seen += chunk;
      const found = seen.match(ready);
      if (found) resolve([found[1], found[2]]);
    });
    child.on("exit", (code) => reject(new Error(`backlab exited with ${code} before serving:\n${seen}`)));
  });
  return {
    url,
    joinLink,
    dataDir,
    async stop({ keepData = false } = {}) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
