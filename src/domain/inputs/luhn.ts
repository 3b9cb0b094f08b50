/**
 * The Luhn (mod 10) checksum, as used for the last digit of a Swedish personnummer.
 * Weights alternate 2,1,2,1,… ending with 1 on the check digit; a doubled digit above
 * 9 contributes its digit sum (subtracting 9 is the same thing).
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(i) - 48;
    if ((digits.length - i) % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
