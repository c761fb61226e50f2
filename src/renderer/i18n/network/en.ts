import type { networkKy } from './ky';

/** English texts of the school's network: pairing a PC, sharing from the settings. */
export const networkEn: typeof networkKy = {
  network: {
    pair: {
      title: "Connect to the school's Мөөр",
      text: 'Type the name of this PC and the pairing code shown on the host PC (Settings → Network).',
      pcName: 'Name of this PC',
      pcNameHint: "Every action is recorded with this name, for example “Secretary's PC”.",
      code: 'Pairing code',
      submit: 'Connect',
    },
    sharing: {
      title: 'Sharing on the network',
      text: "This PC shares the school's Мөөр on the network: the other PCs and browsers connect to it and work with their own accounts.",
      off: 'Sharing is off.',
      on: 'Shared at {{url}}',
      listen: 'Address and port',
      listenHint: '0.0.0.0:8443 — on every network of this PC.',
      start: 'Start sharing',
      stop: 'Stop sharing now',
      fingerprint: 'Certificate fingerprint (SHA-256)',
      code: 'Pairing code',
      renewCode: 'New code',
      sessions: 'Signed in now',
      noSessions: 'Nobody is signed in.',
      session: '{{place}}, {{address}}, since {{since}}',
      endSession: 'End session',
      clients: 'Paired PCs',
      unpair: 'Unpair',
    },
    fromPlace: 'from {{place}}',
  },
};
