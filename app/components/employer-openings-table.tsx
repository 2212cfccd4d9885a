// The table of an employer's openings with what waits at each (proposals, placements): on the
// employer's start page (current openings, place and hours under the title) and on the openings
// page (all openings, place and hours in a column of their own).
import { Link } from "@remix-run/react";
import { formatHours } from "~/domain/openings.ts";
import { openingKinds } from "~/domain/vocab/openings.ts";
import { StatusBadge } from "./opening-details.tsx";
import { formatDate } from "~/domain/swedish-time.ts";
import { TableRegion } from "./table-region.tsx";

export type EmployerOpeningRow = {
  id: string;
  title: string;
  kind: string;
  status: string;
  startDate: Date | string | null;
  hoursMin: number;
  hoursMax: number;
  municipalityName: string;
  proposalsWaiting: number;
  activePlacements: number;
};

type Props = {
  openings: EmployerOpeningRow[];
  caption: string;
  /** Where an opening's page is: `${openingsPath}/${id}`. */
  openingsPath: string;
  /** Place and hours in a column of their own (otherwise under the title). */
  placeColumn?: boolean;
};

export function EmployerOpeningsTable({ openings, caption, openingsPath, placeColumn = false }: Props) {
  return (
    <TableRegion label={caption}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Rubrik</th>
            <th scope="col">Typ</th>
            <th scope="col">Status</th>
            {placeColumn ? <th scope="col">Plats och tid</th> : null}
            <th scope="col">Start</th>
            <th scope="col">Förslag som väntar</th>
            <th scope="col">Pågående placeringar</th>
          </tr>
        </thead>
        <tbody>
          {openings.map((o) => (
            <tr key={o.id}>
              <td>
                <Link to={`${openingsPath}/${o.id}`}>{o.title}</Link>
                {placeColumn ? null : (
                  <>
                    <br />
                    <span className="muted">
                      {o.municipalityName}, {formatHours(o.hoursMin, o.hoursMax)}
                    </span>
                  </>
                )}
              </td>
              <td>{openingKinds.label(o.kind)}</td>
              <td>
                <StatusBadge status={o.status} />
              </td>
              {placeColumn ? (
                <td>
                  {o.municipalityName}
                  <br />
                  <span className="muted">{formatHours(o.hoursMin, o.hoursMax)}</span>
                </td>
              ) : null}
              <td>{o.startDate ? formatDate(o.startDate) : <span className="muted">Enligt överenskommelse</span>}</td>
              <td>{o.proposalsWaiting > 0 ? <strong>{o.proposalsWaiting}</strong> : 0}</td>
              <td>{o.activePlacements}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
