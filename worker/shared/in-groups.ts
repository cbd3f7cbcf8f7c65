/**
 * A list cut into groups of at most `size`, in order: what a storage limit takes at a time (D1's
 * 100 parameters a statement, R2's 1,000 keys a delete).
 */
export function inGroupsOf<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let start = 0; start < items.length; start += size) groups.push(items.slice(start, start + size));
  return groups;
}
