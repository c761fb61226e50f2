import { useEffect, useRef } from 'react';
import { api } from '../api/client';

/** Changes come in bursts (a day's items, then the day): one call after the burst. */
const SETTLE_MS = 150;

/**
 * Calls `onChange` when the school's Мөөр on the network tells of someone's change (on a single
 * PC it never does): a screen re-reads what it shows, so the board moves as others work.
 */
export function useHostChanges(onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (!api.onChange) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = api.onChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        latest.current();
      }, SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
}
