import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MoorError } from '../../errors';
import type { AnswerListener } from './client';

/** Fields that are secrets: never written to a recording. */
const SECRET = /token|refresh|password|access|authorization/i;
/** Personal numbers: replaced by stand-ins, the same number always by the same stand-in. */
const PERSONAL_NUMBER = /(^|_)pin($|_)|^pin|pinAsString|studentPin/i;

function fileName(answerPath: string, query: Record<string, string>): string {
  const sorted = Object.keys(query)
    .sort()
    .map((k) => `${k}=${query[k] ?? ''}`)
    .join('&');
  return `${`${answerPath}${sorted === '' ? '' : `?${sorted}`}`.replace(/[^A-Za-z0-9._=-]+/g, '_')}.json`;
}

function masker(): (value: unknown) => unknown {
  const key = randomBytes(32);
  const standIn = (pin: string) =>
    `9${(BigInt(`0x${createHmac('sha256', key).update(pin).digest('hex').slice(0, 15)}`) % 10n ** 13n).toString().padStart(13, '0')}`;
  const mask = (value: unknown, field = ''): unknown => {
    if (Array.isArray(value)) return value.map((v) => mask(v, field));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v, k)]));
    }
    if (value == null || value === '' || value === 0) return value;
    if (SECRET.test(field)) return '***';
    if (PERSONAL_NUMBER.test(field)) {
      const text =
        typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
      const replaced = standIn(text);
      return typeof value === 'number' ? Number(replaced) : replaced;
    }
    return value;
  };
  return mask;
}

/**
 * Writes every raw answer into a folder for the school's IT person to send in: tokens and
 * passwords masked, personal numbers replaced by stand-ins (consistently, so a replay still
 * finds the same student in every answer).
 */
export function recordAnswers(folder: string): AnswerListener {
  fs.mkdirSync(folder, { recursive: true });
  const mask = masker();
  return ({ path: answerPath, query, status, body }) => {
    let parsed: unknown = body;
    try {
      parsed = mask(JSON.parse(body));
    } catch {
      // A cut-off answer is kept as it came, minus nothing: it carries no complete field to mask.
      parsed = SECRET.test(body) ? '(an unreadable answer that named a secret; not kept)' : body;
    }
    const recording = { path: answerPath, query, status, body: parsed };
    fs.writeFileSync(
      path.join(folder, fileName(answerPath, query)),
      `${JSON.stringify(recording, null, 1)}\n`,
    );
  };
}

interface Recording {
  status: number;
  body: unknown;
}

/**
 * A `fetch` that answers from a folder of recordings instead of the service: the replay source.
 * A request nobody recorded is answered 404, so a replay never invents data.
 */
export function replayFetch(folder: string): typeof fetch {
  if (!fs.existsSync(folder)) {
    throw new MoorError('KUNDOLUK_REPLAY', `There is no folder of Kundoluk recordings at ${folder}.`, {
      folder,
    });
  }
  return (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const file = path.join(folder, fileName(url.pathname, Object.fromEntries(url.searchParams)));
    if (!fs.existsSync(file)) return Promise.resolve(new Response('{"resultCode":404}', { status: 404 }));
    const recording = JSON.parse(fs.readFileSync(file, 'utf8')) as Recording;
    const body = typeof recording.body === 'string' ? recording.body : JSON.stringify(recording.body);
    return Promise.resolve(new Response(body, { status: recording.status }));
  };
}

/** The name a recording of this request has in its folder, for hand-made recordings in tests. */
export const recordingName = fileName;
