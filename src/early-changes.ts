/**
 * The early entry: index.html's inline script imports it on a cold visit (src/app/early-requests.ts),
 * before the app's entry script has downloaded, to read the precomputed dataset as soon as it arrives
 * and to ask the live changes since the page's data date and classify them meanwhile
 * (src/queries/early-data.ts). The app takes both over when it starts.
 */
import { startEarlyData } from './queries/early-data.ts';

startEarlyData();
