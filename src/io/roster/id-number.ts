/**
 * The citizen identity number (公民身份号码, GB 11643-1999) a roster's
 * 身份证号 column holds: read only to check the birth month and gender the
 * roster gives, never kept in the scenario nor written in a message.
 *
 * @module
 */

/** What an identity number says, or why it says nothing. @internal */
export type IdNumberReading =
  | { readonly kind: 'read'; readonly birth: string; readonly gender: 'male' | 'female' }
  /** Partly hidden (`150102********1234`), as shared rosters often have it: nothing to check. */
  | { readonly kind: 'masked' }
  | { readonly kind: 'unreadable'; readonly why: string }

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** Whether `year`-`month`-`day` is a day of the calendar. */
const isDay = (year: number, month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate()

/**
 * Reads an identity number as written in a cell (blanks and a full-width or
 * lower-case x allowed): the 18-character form with its check character, or
 * the older 15-digit one (a birth year of 19YY, no check character). The
 * 17th digit (15th of the older form) is odd for a man, even for a woman.
 * @internal
 */
export function readIdNumber(written: string): IdNumberReading {
  const s = written.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
  if (/[*＊×?？]/.test(s)) return { kind: 'masked' }
  let birth: [number, number, number]
  let genderDigit: number
  if (/^\d{17}[\dX]$/.test(s)) {
    let sum = 0
    for (let i = 0; i < 17; i++) sum += Number(s[i]) * WEIGHTS[i]!
    if (CHECK[sum % 11] !== s[17])
      return { kind: 'unreadable', why: 'its check character does not match its digits' }
    birth = [Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14))]
    genderDigit = Number(s[16])
  } else if (/^\d{15}$/.test(s)) {
    birth = [1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12))]
    genderDigit = Number(s[14])
  } else
    return {
      kind: 'unreadable',
      why: 'it is neither 18 characters (17 digits and a check digit or X) nor 15 digits',
    }
  const [year, month, day] = birth
  if (year < 1800 || !isDay(year, month, day)) return { kind: 'unreadable', why: 'its birth date is no date' }
  return {
    kind: 'read',
    birth: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`,
    gender: genderDigit % 2 === 1 ? 'male' : 'female',
  }
}
