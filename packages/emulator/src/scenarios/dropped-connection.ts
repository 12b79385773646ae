/**
 * Thrown to end a request without any answer (the `drop` and `hang` scenarios). The app turns it into a
 * closed socket on Node; on a Worker it propagates, and the runtime fails the request without a body from us.
 */
export class DroppedConnection extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "DroppedConnection";
  }
}
