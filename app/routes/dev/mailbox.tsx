// The local mailbox: where mail goes when no SMTP server is configured (development and demo).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listMailbox } from "../../../emails/mailbox.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { usesLocalMailbox } from "~/utils/env.server.ts";
import { notFound } from "~/utils/responses.server.ts";
import { formatDateTime } from "~/domain/swedish-time.ts";
import { TableRegion } from "~/components/table-region.tsx";

export const meta: MetaFunction = () => [{ title: "Lokal brevlåda – Brygga" }];

export async function loader(_: LoaderFunctionArgs) {
  if (!usesLocalMailbox()) notFound();
  return { messages: await listMailbox() };
}

export default function Mailbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Lokal brevlåda</h1>
      <p className="lead">
        Ingen e-postserver är inställd, så Brygga lägger all e-post här i stället för att skicka den. Sidan finns bara
        då.
      </p>
      {messages.length === 0 ? (
        <p>Brevlådan är tom.</p>
      ) : (
        <TableRegion label="Meddelanden">
          <table className="table">
            <caption>{messages.length} meddelanden, nyaste först</caption>
            <thead>
              <tr>
                <th scope="col">Ämne</th>
                <th scope="col">Till</th>
                <th scope="col">Skickat</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/dev/mejl/${m.id}`}>{m.subject}</Link>
                  </td>
                  <td>{m.to}</td>
                  <td>{formatDateTime(m.date)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
