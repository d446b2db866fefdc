// The Element Timing API's attribute (src/lib/first-screen.ts), which React passes to the DOM as is.
import 'react';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- React's own type parameter
  interface HTMLAttributes<T> {
    /** The identifier under which the element's first paint is reported (Element Timing API). */
    elementtiming?: string | undefined;
  }
}
