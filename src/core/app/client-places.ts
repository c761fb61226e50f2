/**
 * The PC each network client works from, by client id: the host names it when the client signs
 * in, and every action of that client is audited with it. App windows and the command line have none.
 */
export class ClientPlaces {
  private readonly places = new Map<string, string>();

  set(clientId: string, place: string): void {
    this.places.set(clientId, place);
  }

  of(clientId: string): string | undefined {
    return this.places.get(clientId);
  }

  forget(clientId: string): void {
    this.places.delete(clientId);
  }
}
