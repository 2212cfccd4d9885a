// The employer's users: invite a colleague by email (they get a sign-in link), remove access.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { EmployerScopeHeader } from "~/components/employer-scope.tsx";
import { ErrorSummary, Field } from "~/components/forms.tsx";
import { INVITATION_LIFETIME_DAYS, parseInvite } from "~/domain/employers.ts";
import { requireEmployerScope, scopeForClient } from "~/utils/employer-access.server.ts";
import { inviteColleague, listColleagues, removeColleague } from "~/utils/employers.server.ts";
import { formValues, type FieldErrors } from "~/domain/forms.ts";
import { formatDate } from "~/domain/swedish-time.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";
import { TableRegion } from "~/components/table-region.tsx";

export const meta: MetaFunction = () => [{ title: "Användare – Brygga" }];

const notices = {
  inbjuden: `Inbjudan är skickad. Länken i mejlet gäller i ${INVITATION_LIFETIME_DAYS} dagar.`,
  borttagen: "Personen har inte längre tillgång till Brygga.",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireEmployerScope(request, params);
  return {
    scope: scopeForClient(scope),
    me: scope.user.id,
    colleagues: await listColleagues(scope.employerId),
  };
}

const removeSchema = z.object({ userId: z.string().min(1).max(64) });

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireEmployerScope(request, params);
  const values = formValues(await request.formData());
  const base = `${scope.basePath}/kollegor`;
  if (values.intent === "remove") {
    const parsed = removeSchema.safeParse(values);
    if (!parsed.success)
      return data({ errors: {} as FieldErrors, values: null, message: "Välj vem som ska tas bort." }, { status: 400 });
    const result = await removeColleague(scope, parsed.data.userId);
    if (!result.ok) return data({ errors: {} as FieldErrors, values: null, message: result.message }, { status: 400 });
    throw await redirectWithNotice(base, notices.borttagen);
  }
  const form = parseInvite(values);
  if (!form.ok) return data({ errors: form.errors, values, message: null }, { status: 400 });
  const result = await inviteColleague(scope, form.data);
  if (!result.ok) return data({ errors: result.errors, values, message: null }, { status: 400 });
  throw await redirectWithNotice(base, notices.inbjuden);
}

export default function Colleagues() {
  const { scope, me, colleagues } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const values = actionData?.values ?? {};
  return (
    <>
      <EmployerScopeHeader scope={scope} />
      <h1>{scope.onBehalf ? `Användare hos ${scope.employerName}` : "Kollegor i Brygga"}</h1>
      <ErrorSummary message={actionData?.message} />
      <p className="lead">
        Alla här ser och hanterar {scope.onBehalf ? "arbetsgivarens" : "era"} annonser och frågor till coachen.
      </p>
      {colleagues.length === 0 ? (
        <p>Inga användare ännu.</p>
      ) : (
        <TableRegion label="Användare">
          <table className="table">
            <caption className="visually-hidden">Användare</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">E-post</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Åtgärd</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {colleagues.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.name}
                    {c.id === me ? <span className="muted"> (du)</span> : null}
                  </td>
                  <td>{c.email ?? <span className="muted">Saknas</span>}</td>
                  <td>{c.hasSignedIn ? "Aktiv" : `Inbjuden ${formatDate(c.invitedAt)}, har inte loggat in`}</td>
                  <td>
                    {c.id !== me ? (
                      <Form method="post">
                        <input type="hidden" name="userId" value={c.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="remove"
                          className="button button--quiet"
                          aria-disabled={busy || undefined}
                        >
                          Ta bort {c.name}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}

      <section className="panel" aria-labelledby="invite-title">
        <h2 id="invite-title">Bjud in en kollega</h2>
        <p>Kollegan får ett mejl med en länk som loggar in direkt. Inget lösenord behövs.</p>
        <Form method="post" className="form" noValidate>
          <Field
            label="Namn"
            name="name"
            errors={actionData?.errors?.name}
            inputProps={{ defaultValue: typeof values.name === "string" ? values.name : "", autoComplete: "off" }}
          />
          <Field
            label="E-postadress"
            name="email"
            errors={actionData?.errors?.email}
            inputProps={{
              type: "email",
              defaultValue: typeof values.email === "string" ? values.email : "",
              autoComplete: "off",
            }}
          />
          <button type="submit" name="intent" value="invite" className="button" aria-disabled={busy || undefined}>
            Skicka inbjudan
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
