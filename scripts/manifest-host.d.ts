/** Types of manifest-host.js, for the tests that call it. */
export const DEV_ORIGIN: string;
export function normaliseHost(host: string): string;
export function manifestForHost(xml: string, host: string): string;
