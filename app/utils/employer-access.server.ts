// Who is acting for which employer. The employer pages (openings, workplaces, profile, colleagues)
// serve two audiences from the same route modules:
//   /arbetsgivare/…                       an employer user, for their own employer
//   /coach/arbetsgivare/:employerId/…     a coach (or admin) of the employer's linked coaching
//                                         organisation, on the employer's behalf — recorded as such
// Anyone else gets what the guards give: a sign-in redirect, a 403 for the wrong role, and a 404
// for an employer that is not theirs (its existence is not revealed).
import { requireEmployerUser, requireOrgStaff, type SessionUser } from "./auth.server.ts";
import { db } from "./db.server.ts";
import { notFound } from "./responses.server.ts";

export type EmployerScope = {
  user: SessionUser;
  employerId: string;
  employerName: string;
  /** A coach or admin acting for the employer (recorded in OpeningEvent.onBehalf). */
  onBehalf: boolean;
  /** Where this audience's employer pages live: "/arbetsgivare" or "/coach/arbetsgivare/<id>". */
  basePath: string;
};

export async function requireEmployerScope(request: Request, params: { employerId?: string }): Promise<EmployerScope> {
  if (params.employerId !== undefined) {
    const staff = await requireOrgStaff(request);
    const employer = await db.employer.findFirst({
      where: { id: params.employerId, organizationId: staff.organizationId },
      select: { id: true, name: true },
    });
    if (!employer) notFound("Arbetsgivaren finns inte, eller är inte kopplad till din organisation.");
    return {
      user: staff,
      employerId: employer.id,
      employerName: employer.name,
      onBehalf: true,
      basePath: `/coach/arbetsgivare/${employer.id}`,
    };
  }
  const user = await requireEmployerUser(request);
  const employer = await db.employer.findUnique({ where: { id: user.employerId }, select: { id: true, name: true } });
  if (!employer) notFound();
  return { user, employerId: employer.id, employerName: employer.name, onBehalf: false, basePath: "/arbetsgivare" };
}

/** What the pages need to know about the scope (no session details). */
export function scopeForClient(scope: EmployerScope) {
  return {
    employerId: scope.employerId,
    employerName: scope.employerName,
    onBehalf: scope.onBehalf,
    basePath: scope.basePath,
  };
}
export type ClientScope = ReturnType<typeof scopeForClient>;
