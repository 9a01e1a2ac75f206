/*
 * Compile-time checks that a table's row type and the domain entity the rest of the code uses are the
 * same shape, so the store can hand rows out as entities without a mapping and the two cannot drift.
 */

/** `true` when A and B are assignable both ways (same fields, same field types), else `false`. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Compiles only for `true`: `Assert<Same<Row, Entity>>` fails the build when Row and Entity differ. */
export type Assert<T extends true> = T;
