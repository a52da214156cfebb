/** The version reports carry; kept in step with package.json by a test. */
export const CHOKEPOINT_VERSION = '0.1.0';
