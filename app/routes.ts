// The route table: Swedish URLs (what users see) mapped to route modules grouped by audience
// (DESIGN.md §11). One place to see every page of Brygga.
import type { DefineRoutesFunction } from "@remix-run/dev/dist/config/routes.js";

export function routes(defineRoutes: DefineRoutesFunction) {
  return defineRoutes((route) => {
    route("/", "routes/home.tsx", { index: true });
    route("om", "routes/about.tsx");
    route("healthz", "routes/healthz.ts");

    // auth
    route("logga-in", "routes/auth/sign-in.tsx");
    route("logga-in/lank", "routes/auth/verify-link.tsx");
    route("logga-in/kod", "routes/auth/sign-in-code.tsx");
    route("logga-ut", "routes/auth/sign-out.ts");

    // local mailbox (only when no SMTP server is configured)
    route("dev/mejl", "routes/dev/mailbox.tsx");
    route("dev/mejl/:messageId", "routes/dev/mailbox-message.tsx");

    // admin
    route("admin", "routes/admin/home.tsx");

    // coach
    route("coach", "routes/coach/home.tsx");
    route("coach/deltagare/:participantId/inloggningskod", "routes/coach/participant-sign-in-code.tsx");

    // employer
    route("arbetsgivare", "routes/employer/home.tsx");

    // participant
    route("deltagare", "routes/participant/home.tsx");
  });
}
