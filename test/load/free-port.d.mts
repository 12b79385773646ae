/** A TCP port free on loopback right now (the system picks it), for a server the scripts or tests start. */
export function freePort(): Promise<number>;
