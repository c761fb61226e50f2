import type { RoleName } from './views';

/** One person signed in from another PC, as the admin sees them (and may end their session). */
export interface NetworkSessionView {
  readonly id: string;
  readonly place: string;
  readonly address: string;
  readonly since: string;
  readonly userName: string | null;
  readonly role: RoleName | null;
}

export interface PairedPcView {
  readonly id: string;
  readonly name: string;
  readonly pairedAt: string;
}

/** The host's sharing as the settings show it to the admin. */
export interface SharingView {
  /** Whether this copy of Мөөр can share at all (the app and the browser mode can; a client cannot). */
  readonly available: boolean;
  readonly sharing: boolean;
  readonly url: string | null;
  /** The address and port it shares (or last shared) on: "0.0.0.0:8443". */
  readonly listen: string;
  readonly fingerprint: string | null;
  /** "ABCD-EFGH-JK", while sharing. */
  readonly pairingCode: string | null;
  readonly sessions: readonly NetworkSessionView[];
  readonly pcs: readonly PairedPcView[];
}
