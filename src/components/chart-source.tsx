import { createContext } from 'react';

/**
 * When the data on screen was current (ISO date or date-time), for the source line every chart panel
 * draws under its chart ("ClinicalTrials.gov, data as of …, N trials"). Supplied by the app around the
 * charts; without it the source line says "unknown date".
 */
export const ChartDataDateContext = createContext<string | undefined>(undefined);
