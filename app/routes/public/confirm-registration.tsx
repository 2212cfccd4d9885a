// The link from the registration email. Opening it (GET) only shows a button, so email scanners that
// open links cannot use it; pressing it confirms the email, creates the employer and signs in.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { createSessionRedirect } from "~/utils/auth.server.ts";
import { confirmRegistration, findConfirmableRegistration, type ConfirmResult } from "~/utils/registrations.server.ts";

export const meta: MetaFunction = () => [{ title: "Bekräfta anmälan – Brygga" }];

const problems: Record<Exclude<ConfirmResult, { ok: true }>["reason"], string> = {
  unknown: "Länken fungerar inte. Kontrollera att du använde hela länken från mejlet.",
  used: "Anmälan är redan bekräftad. Logga in med din e-postadress.",
  expired: "Länken har gått ut. Fyll i anmälan igen.",
  exists: "Ert företag finns redan i Brygga. Kontakta er kontaktperson.",
  "email-taken": "E-postadressen har redan ett konto i Brygga. Logga in med den.",
};

const tokenSchema = z.string().min(20).max(200);

export async function loader({ request }: LoaderFunctionArgs) {
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get("token"));
  const check = token.success ? await findConfirmableRegistration(token.data) : { ok: false as const, reason: "unknown" as const };
  return data(
    {
      token: token.success ? token.data : "",
      companyName: check.ok ? check.companyName : null,
      problem: check.ok ? null : problems[check.reason],
    },
    { status: check.ok ? 200 : 400, headers: { "Referrer-Policy": "no-referrer" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const token = tokenSchema.safeParse((await request.formData()).get("token"));
  if (!token.success) return data({ problem: problems.unknown }, { status: 400 });
  const result = await confirmRegistration(token.data);
  if (!result.ok) return data({ problem: problems[result.reason] }, { status: 400 });
  return createSessionRedirect(result.userId, request, "/arbetsgivare");
}

export default function ConfirmRegistration() {
  const { token, companyName, problem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const message = actionData?.problem ?? problem;
  if (message) {
    return (
      <section className="panel" aria-labelledby="confirm-title">
        <h1 id="confirm-title">Det gick inte att bekräfta</h1>
        <div className="alert alert--error" role="alert">
          {message}
        </div>
        <p>
          <Link className="button" to="/logga-in">
            Logga in
          </Link>{" "}
          <Link className="button button--secondary" to="/for-arbetsgivare">
            Till anmälan
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="confirm-title">
      <h1 id="confirm-title">Bekräfta anmälan för {companyName}</h1>
      <p>Tryck på knappen för att bekräfta din e-postadress och logga in i Brygga.</p>
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button">
          Bekräfta och logga in
        </button>
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
