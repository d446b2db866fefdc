import { JSDOM } from 'jsdom';
import { expect } from 'vitest';

export const ATOM = 'http://www.w3.org/2005/Atom';

/**
 * Parses an Atom document with the XML parser of jsdom's DOMParser (saxes, a conforming XML 1.0
 * parser: input that is not well-formed gives a <parsererror> document, turned into a throw here) and
 * checks the elements RFC 4287 requires of a feed and of each entry. Works in any test environment.
 */
export function parseAtom(xml: string): Document {
  const { DOMParser } = new JSDOM('').window;
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`Not well-formed XML: ${error.textContent}`);
  const feed = doc.documentElement;
  expect(feed.localName).toBe('feed');
  expect(feed.namespaceURI).toBe(ATOM);
  const child = (el: Element, name: string) =>
    [...el.children].filter((c) => c.namespaceURI === ATOM && c.localName === name);
  for (const name of ['id', 'title', 'updated']) expect(child(feed, name)).toHaveLength(1);
  expect(child(feed, 'author').length).toBeGreaterThan(0);
  for (const entry of child(feed, 'entry')) {
    for (const name of ['id', 'title', 'updated']) expect(child(entry, name)).toHaveLength(1);
    expect(child(entry, 'updated')[0]!.textContent).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/,
    );
    expect(child(entry, 'link').some((l) => l.getAttribute('rel') === 'alternate')).toBe(true);
  }
  return doc;
}

export const atomEntries = (doc: Document): Element[] => [
  ...doc.getElementsByTagNameNS(ATOM, 'entry'),
];

/** Text of the first `name` child of an Atom element. */
export const atomText = (el: Element, name: string): string =>
  el.getElementsByTagNameNS(ATOM, name)[0]?.textContent ?? '';

/** href of every link of an Atom element. */
export const atomLinks = (el: Element): (string | null)[] =>
  [...el.getElementsByTagNameNS(ATOM, 'link')].map((l) => l.getAttribute('href'));
