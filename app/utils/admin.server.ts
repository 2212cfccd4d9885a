// Guards for the organisation admin's pages.
import { requireRole } from "./auth.server.ts";

export async function requireOrgAdmin(request: Request) {
  const user = await requireRole(request, ["admin"]);
  if (!user.organizationId) throw new Response("Ditt konto är inte kopplat till någon organisation.", { status: 403 });
  return user as typeof user & { organizationId: string };
}
