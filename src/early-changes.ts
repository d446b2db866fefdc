/**
 * The early entry: index.html's inline script imports it on a cold visit (src/app/early-requests.ts), before
 * the app's entry script has downloaded, to ask the live changes since the page's data date and classify
 * them meanwhile (src/queries/live-changes.ts). The app takes them over when it starts.
 */
import { startEarlyLiveChanges } from './queries/live-changes.ts';

startEarlyLiveChanges();
