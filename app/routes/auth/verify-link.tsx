// The link from the sign-in email. Opening it (GET) only shows a button; the link is used when the
// person presses it (POST), so email scanners that open links cannot use it up.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { checkLoginToken, consumeLoginToken, createSessionRedirect, type TokenCheck } from "~/utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Logga in – Brygga" }];

const problems: Record<Extract<TokenCheck, { ok: false }>["reason"], string> = {
  unknown: "Länken fungerar inte. Kontrollera att du använde hela länken från mejlet.",
  used: "Länken har redan använts. Varje länk fungerar bara en gång.",
  expired: "Länken har gått ut. En länk gäller i 15 minuter.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const check = token ? await checkLoginToken(token, "link") : ({ ok: false, reason: "unknown" } as const);
  return data(
    { token, redirectTo: url.searchParams.get("redirectTo") ?? "", problem: check.ok ? null : problems[check.reason] },
    { status: check.ok ? 200 : 400, headers: { "Referrer-Policy": "no-referrer" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const token = String(form.get("token") ?? "");
  const result = await consumeLoginToken(token, "link");
  if (!result.ok) return data({ problem: problems[result.reason] }, { status: 400 });
  return createSessionRedirect(result.userId, request, String(form.get("redirectTo") ?? ""));
}

export default function VerifyLink() {
  const { token, redirectTo, problem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const message = actionData?.problem ?? problem;
  if (message) {
    return (
      <section className="panel" aria-labelledby="link-title">
        <h1 id="link-title">Det gick inte att logga in</h1>
        <div className="alert alert--error" role="alert">
          {message}
        </div>
        <p>
          <Link className="button" to="/logga-in">
            Skicka en ny länk
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="link-title">
      <h1 id="link-title">Välkommen tillbaka</h1>
      <p>Tryck på knappen för att logga in i Brygga.</p>
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <button type="submit" className="button">
          Logga in
        </button>
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
