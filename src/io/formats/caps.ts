/**
 * How many attributes a record, and a file's declarations, may have (issue
 * 20, item 8): far above any supply graph (Chokepoint's own records have a
 * dozen), low enough that a hostile file of a million `<attvalue>`s on one
 * node is refused at once instead of taking seconds and hundreds of MB. Under
 * the caps the readers' cost is linear in the file.
 */
export const MAX_RECORD_ATTRIBUTES = 1000;
export const MAX_DECLARED_ATTRIBUTES = 1000;

export const tooManyValues = (what: string) => `at most ${MAX_RECORD_ATTRIBUTES.toLocaleString('en-US')} ${what} on one element (the cap)`;
export const tooManyDeclared = (what: string) => `at most ${MAX_DECLARED_ATTRIBUTES.toLocaleString('en-US')} ${what} (the cap)`;
