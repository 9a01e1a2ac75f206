/** nspell ships no types: the part the spelling test uses. */
declare module 'nspell' {
  interface Dictionary {
    aff: Uint8Array | string;
    dic?: Uint8Array | string;
  }
  interface NSpell {
    correct(word: string): boolean;
  }
  export default function nspell(dictionary: Dictionary): NSpell;
}
