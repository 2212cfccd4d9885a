// Property tests (fast-check) draw the same cases on every run, so the suite's verdict never
// depends on luck (issue 17): a seed per run would let any run find, and fail on, a case no
// earlier run saw. To explore new cases, choose a seed: FC_SEED=1234 npm run test:unit, or
// FC_SEED=random for a fresh one each run (fast-check prints it with any counterexample).
import fc from "fast-check";

const FIXED_SEED = 20261203;
const chosen = process.env.FC_SEED?.trim();
if (chosen !== "random") {
  const seed = chosen ? Number(chosen) : FIXED_SEED;
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not "${chosen}".`);
  fc.configureGlobal({ seed });
}
