// Guards for the organisation admin's pages.
import { requireRole } from "./auth.server.ts";
import { invariantResponse } from "./responses.server.ts";

export async function requireOrgAdmin(request: Request) {
  const user = await requireRole(request, ["admin"]);
  invariantResponse(user.organizationId, "Ditt konto är inte kopplat till någon organisation.", 403);
  return user as typeof user & { organizationId: string };
}
