/**
 * Wire shapes of the ClinicalTrials.gov API v2, taken from the types generated from the official
 * OpenAPI spec (spec/ctg-oas-v2.yaml, `npm run gen:types`). Never hand-type these.
 */
import type { components } from './generated/ctgov-v2.ts';

type Schemas = components['schemas'];

export type Study = Schemas['Study'];
export type PagedStudies = Schemas['PagedStudies'];
export type ApiVersion = Schemas['Version'];
export type ProtocolSection = Schemas['ProtocolSection'];
export type DerivedSection = Schemas['DerivedSection'];
export type Location = Schemas['Location'];
export type Intervention = Schemas['Intervention'];
export type ArmGroup = Schemas['ArmGroup'];
export type OverallStatus = Schemas['Status'];
export type WirePhase = Schemas['Phase'];
