import { useCallback, useEffect, useState } from 'react';
import type { CommandName, InputOf, OutputOf } from '../../shared/contract';
import { call } from '../api/client';
import { useHostChanges } from './use-host-changes';

/** Loads a command's output when the input changes or the host tells of a change; `reload` asks again. */
export function useCommand<N extends CommandName>(name: N, input: InputOf<N> | null) {
  const [data, setData] = useState<OutputOf<N> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify(input);
  const load = useCallback(async () => {
    // The serialized key stands for the input object, which is a new object on every render.
    const parsed = JSON.parse(key) as InputOf<N> | null;
    if (parsed === null) return;
    setLoading(true);
    try {
      setData(await call(name, parsed));
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }, [name, key]);
  useEffect(() => {
    void load();
  }, [load]);
  // On the school's network, what others record shows here as it happens.
  useHostChanges(() => void load());
  return { data, error, loading, reload: load };
}
