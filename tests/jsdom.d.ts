/** The part of jsdom (a dev dependency that ships without types) that tests/parse-atom.ts uses. */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: { DOMParser: typeof DOMParser };
  }
}
