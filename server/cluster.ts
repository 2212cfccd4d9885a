// The cluster primary (docs/decisions/0016-process-model.md): forks N web processes
// that share the port (Node's cluster module, round-robin) and one background process that runs
// the outboxes, schedules and the inbound receiver; restarts a process that dies; forwards kicks
// from web processes to the background process; and drains everything on SIGTERM/SIGINT. The
// primary itself opens no database and serves no request.
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import type { Env } from "../app/utils/env.server.ts";
import type { KickableRegistry } from "./background.ts";

/** How many web processes: WEB_CONCURRENCY, else one per core; always 1 outside production. */
export function webProcessCount(env: Pick<Env, "NODE_ENV" | "WEB_CONCURRENCY">, cores = os.availableParallelism()) {
  if (env.NODE_ENV !== "production") return 1;
  return env.WEB_CONCURRENCY ?? cores;
}

export type Role = "web" | "background";

/** Messages between the primary and its processes (over the cluster's IPC channel). */
export type ClusterMessage =
  | { type: "ready" }
  | { type: "kick"; registry: KickableRegistry }
  | { type: "drain"; signal: string }
  | { type: "draining"; inFlight: number };

type Member = { role: Role; index: number; ready: boolean; pending?: ClusterMessage };

export function runPrimary(options: { webProcesses: number; port: number; appUrl: string; entry: string }) {
  cluster.setupPrimary({ exec: options.entry });
  const members = new Map<Worker, Member>();
  let shuttingDown = false;
  let announced = false;

  const stop = (code: number): never => {
    for (const worker of members.keys()) worker.process.kill("SIGKILL");
    process.exit(code);
  };

  const fork = (role: Role, index: number) => {
    const worker = cluster.fork({ BRYGGA_ROLE: role, BRYGGA_WORKER_INDEX: String(index) });
    const member: Member = { role, index, ready: false };
    members.set(worker, member);
    worker.on("message", (message: ClusterMessage) => {
      if (message.type === "ready") {
        member.ready = true;
        // A drain sent before the process listened for messages would be lost: it goes now.
        if (member.pending && worker.isConnected()) worker.send(member.pending);
        if (!announced && [...members.values()].every((m) => m.ready) && members.size === options.webProcesses + 1) {
          announced = true;
          console.log(
            `Brygga är igång på ${options.appUrl} (port ${options.port}, ${options.webProcesses} webbprocesser och en bakgrundsprocess)`,
          );
        }
      } else if (message.type === "kick") {
        for (const [other, m] of members) if (m.role === "background" && other.isConnected()) other.send(message);
      }
    });
    worker.on("exit", (code, signal) => {
      members.delete(worker);
      if (shuttingDown) return;
      if (!member.ready) {
        // It never started (a busy port, a bad configuration): it said why; do not loop.
        console.error(`En ${roleName(role)} kunde inte starta (kod ${code ?? signal}); Brygga stoppas.`);
        stop(1);
      }
      console.error(
        `En ${roleName(role)} (pid ${worker.process.pid}) avslutades oväntat (${signal ?? `kod ${code}`}); startar en ny. ` +
          `(A ${role} process died; starting a new one.)`,
      );
      fork(role, index);
    });
    return worker;
  };

  for (let i = 1; i <= options.webProcesses; i++) fork("web", i);
  fork("background", 0);

  function sendWhenReady(worker: Worker, message: ClusterMessage) {
    const member = members.get(worker);
    if (!member || !worker.isConnected()) return;
    if (member.ready) worker.send(message);
    else member.pending = message;
  }

  async function shutdown(signal: string) {
    if (shuttingDown) return;
    shuttingDown = true;
    const web = [...members].filter(([, m]) => m.role === "web").map(([w]) => w);
    const background = [...members].filter(([, m]) => m.role === "background").map(([w]) => w);
    // Each web process closes its share of the listening socket, then reports how many requests
    // it still answers; the port is closed once every web process has reported.
    let pending = web.length;
    let inFlight = 0;
    const reported = new Promise<void>((resolve) => {
      if (pending === 0) resolve();
      for (const worker of web) {
        let done = false;
        const settle = (count: number) => {
          if (done) return;
          done = true;
          inFlight += count;
          if (--pending === 0) resolve();
        };
        worker.on("message", (message: ClusterMessage) => {
          if (message.type === "draining") settle(message.inFlight);
        });
        worker.once("exit", () => settle(0));
      }
    });
    for (const worker of web) sendWhenReady(worker, { type: "drain", signal });
    await reported;
    console.log(
      `${signal}: stänger av – tar inte emot nya anslutningar, väntar på ${inFlight} pågående förfrågningar …`,
    );
    const codes = await Promise.all(web.map(exitCode));
    // The background work stops last: mail queued by the last requests is still sent on the next start.
    for (const worker of background) sendWhenReady(worker, { type: "drain", signal });
    codes.push(...(await Promise.all(background.map(exitCode))));
    const failed = codes.some((code) => code !== 0);
    console.log(failed ? `${signal}: avstängd, men en process avslutades med fel.` : `${signal}: avstängd.`);
    process.exit(failed ? 1 : 0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

function exitCode(worker: Worker): Promise<number | null> {
  if (worker.process.exitCode !== null) return Promise.resolve(worker.process.exitCode);
  return new Promise((resolve) => worker.once("exit", (code) => resolve(code)));
}

function roleName(role: Role) {
  return role === "web" ? "webbprocess" : "bakgrundsprocess";
}
