/**
 * Participants are told apart by name within a declaration, whatever the
 * case ("Perú" and "PERÚ" are one delegation): names are unique among those
 * not removed (PART2), and a status's `pending` list names delegations
 * (STAT3). Participants cannot be renamed, so a name stays put.
 */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}
