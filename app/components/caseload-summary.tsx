// Caseload size against the IPS target (20 per full-time coach, scaled by employment percentage).
import { Link } from "@remix-run/react";
import { CASELOAD_PER_FULL_TIME } from "~/domain/caseload.ts";

export function CaseloadSummary({
  active,
  target,
  employmentPercent,
  settingsLink,
}: {
  active: number;
  target: number;
  employmentPercent: number;
  settingsLink?: string;
}) {
  const over = active > target;
  return (
    <div className="panel caseload-summary">
      <p className="lead">
        <strong>{active}</strong> aktiva deltagare av målet <strong>{target}</strong>{" "}
        {over ? (
          <span className="badge badge--warning">Över målet</span>
        ) : (
          <span className="badge badge--success">Inom målet</span>
        )}
      </p>
      <p className="muted">
        Målet är högst {CASELOAD_PER_FULL_TIME} deltagare per heltid. Din tjänstgöringsgrad: {employmentPercent} %.
        {settingsLink ? (
          <>
            {" "}
            <Link to={settingsLink}>Ändra tjänstgöringsgrad</Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
