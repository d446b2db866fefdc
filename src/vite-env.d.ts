/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the ClinicalTrials.gov API v2 (default https://clinicaltrials.gov/api/v2). */
  readonly VITE_CTGOV_API_BASE?: string;
  /** `1` starts the MSW emulator in the browser (npm run dev:mock / build:mock). */
  readonly VITE_MOCK?: string;
  /** `live`: the full live pull instead of snapshot first (src/queries/trial-queries.ts). */
  readonly VITE_DATA_MODE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

declare const __APP_VERSION__: string;
