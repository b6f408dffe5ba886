/**
 * Whether a refused sign-in (a 401) has been outlived: another sign-in is in use now. A refusal
 * is about the sign-in it was made with (`refusedWith`: when that one ends or ended); once the
 * agent has signed in again (`signedInNow`: the expiry of the sign-in in use, undefined while
 * expired or signed out), "sign in again" is no longer true and its line goes.
 *
 * @example
 * signInRefusalOutlived(1000, 1000); // false: still the refused sign-in
 * signInRefusalOutlived(1000, undefined); // false: not signed in again yet
 * signInRefusalOutlived(1000, 5000); // true
 */
export function signInRefusalOutlived(
  refusedWith: number | undefined,
  signedInNow: number | undefined,
): boolean {
  return signedInNow !== undefined && signedInNow !== refusedWith;
}
