// Sign out: the header's button ends this session (POST). The page (GET) also offers "Logga ut
// överallt", which ends every session of the account — on every phone and computer.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { getUser, signOut } from "~/utils/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "Logga ut – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getUser(request))) throw redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  return signOut(request, { everywhere: form.get("intent") === "everywhere" });
}

export default function SignOut() {
  return (
    <section className="panel" aria-labelledby="sign-out-title">
      <h1 id="sign-out-title">Logga ut</h1>
      <p>
        Har du loggat in på en dator som andra använder, eller tappat bort din telefon? Logga ut överallt så behöver
        alla enheter logga in igen.
      </p>
      <Form method="post" className="form">
        <button type="submit" name="intent" value="here" className="button button--quiet">
          Logga ut här
        </button>
        <button type="submit" name="intent" value="everywhere" className="button">
          Logga ut överallt
        </button>
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
