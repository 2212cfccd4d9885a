import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { homePathByRole, roles } from "~/domain/vocab/roles.ts";
import { getUser } from "~/utils/auth.server.ts";
import { usesLocalMailbox } from "~/utils/env.server.ts";
import { DEMO_ACCOUNTS } from "../../prisma/seed/demo-accounts.ts";
import { TableRegion } from "~/components/table-region.tsx";

export const meta: MetaFunction = () => [{ title: "Brygga – vägen till jobb med stöd" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return {
    home: user ? homePathByRole[user.role] : null,
    demoAccounts: usesLocalMailbox() ? DEMO_ACCOUNTS : [],
  };
}

export default function Home() {
  const { home, demoAccounts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Brygga – vägen till jobb med stöd</h1>
      <p className="lead">
        Brygga kopplar ihop arbetsgivare som har riktiga arbetsuppgifter med personer som vill arbeta och får stöd av en
        jobbcoach inom <span lang="en">Supported Employment</span> och <span lang="en">IPS</span>. Arbetsgivaren har
        alltid en namngiven coach att ringa – före, under och efter anställningen.
      </p>
      {home ? (
        <p>
          <Link className="button" to={home}>
            Till din sida
          </Link>
        </p>
      ) : (
        <p>
          <Link className="button" to="/logga-in">
            Logga in
          </Link>
        </p>
      )}
      <div className="grid">
        <section className="panel" aria-labelledby="for-employers">
          <h2 id="for-employers">För arbetsgivare</h2>
          <p>
            Lägg upp uppdrag, praktikplatser och jobb. Fråga coachen när som helst – du får svar från en person du
            känner.
          </p>
          <p>
            <Link to="/for-arbetsgivare">Så ansluter ni ert företag</Link>
          </p>
        </section>
        <section className="panel" aria-labelledby="for-coaches">
          <h2 id="for-coaches">För coacher</h2>
          <p>Bygg yrkesprofiler tillsammans med deltagarna, hitta arbetsplatser som passar och följ upp stödet.</p>
        </section>
        <section className="panel" aria-labelledby="for-participants">
          <h2 id="for-participants">För dig som deltagare</h2>
          <p>Se din profil och de arbetsplatser din coach föreslår. Du bestämmer själv.</p>
        </section>
      </div>
      {demoAccounts.length > 0 ? (
        <section className="panel" aria-labelledby="demo-accounts">
          <h2 id="demo-accounts">Demokonton</h2>
          <p>
            Den här installationen skickar e-post till en <Link to="/dev/mejl">lokal brevlåda</Link>. Logga in med ett
            demokonto och öppna inloggningslänken där.
          </p>
          <TableRegion label="Ett konto per roll">
            <table className="table">
              <caption>Ett konto per roll</caption>
              <thead>
                <tr>
                  <th scope="col">Roll</th>
                  <th scope="col">E-post</th>
                  <th scope="col">Vem</th>
                  <th scope="col">
                    <span className="visually-hidden">Åtgärd</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {demoAccounts.map((account) => (
                  <tr key={account.email}>
                    <td>{roles.label(account.role)}</td>
                    <td>{account.email}</td>
                    <td>{account.description}</td>
                    <td>
                      <Link to={`/logga-in?email=${encodeURIComponent(account.email)}`}>
                        Logga in som {roles.label(account.role).toLowerCase()}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
