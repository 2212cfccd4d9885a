import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { PageFocus, useBusyButtonGuard } from "./components/page-focus.tsx";
import { SiteMenu } from "./components/site-menu.tsx";
import { GeneralErrorBoundary } from "./components/error-boundary.tsx";
import { navigationByRole } from "./components/navigation.ts";
import { useNonce } from "./components/nonce.tsx";
import { StatusNotice } from "./components/status-notice.tsx";
import { roles } from "./domain/vocab/roles.ts";
import appStyles from "./styles/app.css?url";
import { getUser } from "./utils/auth.server.ts";
import { usesLocalMailbox } from "./utils/env.server.ts";
import { takeNotice } from "./utils/notice.server.ts";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const { notice, headers } = await takeNotice(request);
  return data(
    {
      user: user ? { name: user.name, role: user.role } : null,
      localMailbox: usesLocalMailbox(),
      notice,
    },
    { headers },
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  const nav = user ? navigationByRole[user.role] : [];
  useBusyButtonGuard();
  return (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Hoppa till innehållet
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link to="/" className="brand" aria-label="Brygga, till startsidan">
              <span aria-hidden="true" className="brand__mark">
                ⌒
              </span>{" "}
              Brygga
            </Link>
            <SiteMenu wide={nav.length > 6} hasNav={nav.length > 0}>
              {nav.length > 0 ? (
                <nav aria-label="Huvudmeny">
                  <ul className="nav-list">
                    {nav.map((item) => (
                      <li key={item.to}>
                        <NavLink to={item.to} end={item.end}>
                          {item.label}
                        </NavLink>
                      </li>
                    ))}
                  </ul>
                </nav>
              ) : null}
              <div className="account">
                {user ? (
                  <>
                    <span className="account__who">
                      {user.name} <span className="muted">({roles.label(user.role)})</span>
                    </span>
                    <Form method="post" action="/logga-ut">
                      <button type="submit" className="button button--quiet">
                        Logga ut
                      </button>
                    </Form>
                    <Link to="/logga-ut" className="account__more">
                      Logga ut överallt
                    </Link>
                  </>
                ) : (
                  <Link to="/logga-in" className="button button--quiet">
                    Logga in
                  </Link>
                )}
              </div>
            </SiteMenu>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          <StatusNotice notice={data?.notice ?? null} />
          {children}
        </main>
        <footer className="site-footer">
          <p>
            Brygga – matchning och stöd för <span lang="en">Supported Employment</span> och <span lang="en">IPS</span>.{" "}
            <Link to="/om">Om Brygga</Link>
            {data?.localMailbox ? (
              <>
                {" · "}
                <Link to="/dev/mejl">Lokal brevlåda</Link>
              </>
            ) : null}
          </p>
        </footer>
        <PageFocus />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export const ErrorBoundary = GeneralErrorBoundary;
