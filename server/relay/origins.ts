/** Transaction origin of the server's own writes (status mirror, refusals, restored clauses). */
export const SERVER_ORIGIN = Symbol('server');
