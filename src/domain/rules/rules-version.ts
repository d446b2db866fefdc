/**
 * Version of the classification rules (disease, therapy, transplant type, phase). Bump it in the same
 * commit as a rule change that can move a trial to another category: the change ledger then records the
 * moves of the next snapshot as reclassifications by the rules, not as changes of the registry record.
 */
export const RULES_VERSION = '1';
