// The error boundary every route exports: a clear Swedish message for each kind of failure.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const titles: Record<number, string> = {
  400: "Något stämmer inte",
  403: "Du har inte behörighet",
  404: "Sidan finns inte",
  429: "För många försök",
};

/**
 * The router's own messages ("Error: No route matches URL …") are for developers: a page that does
 * not exist gets the Swedish text instead. Messages the app throws (notFound("…")) are shown.
 */
function userMessage(error: unknown): string | null {
  if (!isRouteErrorResponse(error) || typeof error.data !== "string" || !error.data) return null;
  if (/^Error: |No route matches/.test(error.data)) return null;
  return error.data;
}

const defaultTexts: Record<number, string> = {
  404: "Adressen kan vara felstavad, eller så har sidan tagits bort. Gå tillbaka eller börja om från startsidan.",
};

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = userMessage(error);
  if (status >= 500) console.error(error);
  return (
    <section className="panel error-panel" aria-labelledby="error-title">
      <h1 id="error-title">{titles[status] ?? "Något gick fel"}</h1>
      <p>
        {message ??
          defaultTexts[status] ??
          (status >= 500 ? "Ett oväntat fel inträffade. Försök igen om en stund." : "Vi kunde inte visa sidan.")}
      </p>
      <ul className="link-list">
        <li>
          <Link to="/">Till startsidan</Link>
        </li>
        <li>
          <Link to=".." relative="path">
            Upp en nivå
          </Link>
        </li>
      </ul>
    </section>
  );
}
