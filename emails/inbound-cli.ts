// `npm run mail:inbound`: the inbound SMTP receiver on its own (e.g. on the host the MX forwards to),
// next to the app. Port from INBOUND_SMTP_PORT (default 2525), domain from INBOUND_DOMAIN. The
// notifications it queues are sent by the app's outbox worker.
import { db } from "../app/utils/db.server.ts";
import { getEnv } from "../app/utils/env.server.ts";
import { startInboundServer } from "./inbound.server.ts";

const env = getEnv();
if (!env.INBOUND_DOMAIN) {
  console.error(
    "INBOUND_DOMAIN är inte satt: ange domänen som svarsadresserna använder, t.ex. INBOUND_DOMAIN=svar.brygga.se.",
  );
  process.exit(1);
}
const inbound = await startInboundServer({ port: env.INBOUND_SMTP_PORT ?? 2525 });

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stänger mottagningen av svar …`);
  await inbound.stop();
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
