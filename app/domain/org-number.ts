// Swedish organisation numbers (organisationsnummer): ten digits, written NNNNNN-NNNN, whose last
// digit is a Luhn (modulus 10) check digit over the first nine. Pure helpers, no I/O.
//
// Legal entities have a third digit of 2 or more (so the number can never be a date of birth);
// a sole trader (enskild firma) uses the owner's personal identity number instead, which passes the
// same Luhn check. `isValidOrgNumber` therefore checks the form and the check digit only; use
// `isLegalEntityOrgNumber` where a sole trader's number is not acceptable.

const DIGITS_ONLY = /^\d+$/;

/** The digits of an input, or null when it contains anything but digits, spaces and one hyphen. */
function digitsOf(input: string): string | null {
  const trimmed = input.replace(/\u00a0/g, " ").trim();
  if (!/^[\d\s-]+$/.test(trimmed) || (trimmed.match(/-/g)?.length ?? 0) > 1) return null;
  const digits = trimmed.replace(/[\s-]/g, "");
  return DIGITS_ONLY.test(digits) ? digits : null;
}

/** The Luhn check digit for a string of digits (weights 2, 1, 2, 1, … from the left for nine digits). */
export function luhnCheckDigit(payload: string): number {
  if (!DIGITS_ONLY.test(payload)) throw new Error(`luhnCheckDigit: digits only, got "${payload}"`);
  let sum = 0;
  // Double every second digit counted from the right end of the payload (the digit next to the
  // check digit is doubled), which for a nine-digit payload is weights 2,1,2,… from the left.
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Ten digits when the input is an organisation number in an accepted form, else null.
 * Accepted: "556036-0793", "5560360793", "556036 0793", and the twelve-digit form with the
 * century-like prefix "16" that the Tax Agency uses for legal entities ("16556036-0793").
 */
function tenDigits(input: string): string | null {
  const digits = digitsOf(input);
  if (!digits) return null;
  if (digits.length === 10) return digits;
  if (digits.length === 12 && digits.startsWith("16")) return digits.slice(2);
  return null;
}

/** True when the input is a well-formed organisation number with a correct check digit. */
export function isValidOrgNumber(input: string | null | undefined): boolean {
  if (typeof input !== "string") return false;
  const digits = tenDigits(input);
  return digits !== null && luhnCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** True for a valid number of a legal entity (third digit 2 or more), i.e. not a personal number. */
export function isLegalEntityOrgNumber(input: string | null | undefined): boolean {
  if (!isValidOrgNumber(input)) return false;
  return Number(tenDigits(input as string)![2]) >= 2;
}

/**
 * The canonical form "NNNNNN-NNNN" of a valid organisation number, or null when the input is not
 * one (wrong length, stray characters or a wrong check digit).
 */
export function formatOrgNumber(input: string | null | undefined): string | null {
  if (!isValidOrgNumber(input)) return null;
  const digits = tenDigits(input as string)!;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** Builds a valid organisation number "NNNNNN-NNNN" from its first nine digits. */
export function orgNumberFromPayload(nineDigits: string): string {
  if (!/^\d{9}$/.test(nineDigits)) throw new Error(`orgNumberFromPayload: nine digits, got "${nineDigits}"`);
  const digits = nineDigits + String(luhnCheckDigit(nineDigits));
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}
