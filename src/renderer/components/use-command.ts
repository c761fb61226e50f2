import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CommandName, InputOf, OutputOf } from '../../shared/contract';
import { call } from '../api/client';
import { serialAnswers } from './serial-answers';

/**
 * Loads a command's output when the input changes; `reload` asks again (after a change). Answers
 * are shown in the order they were asked for, and an answer about an input no longer chosen is
 * dropped, however late it arrives.
 */
export function useCommand<N extends CommandName>(name: N, input: InputOf<N> | null) {
  const [data, setData] = useState<OutputOf<N> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify(input);
  const latest = useRef(0);
  const answers = useMemo(
    () =>
      serialAnswers<OutputOf<N>>((value) => {
        setData(value);
        setError(null);
      }, setError),
    [],
  );
  const load = useCallback(async () => {
    // The serialized key stands for the input object, which is a new object on every render.
    const parsed = JSON.parse(key) as InputOf<N> | null;
    if (parsed === null) return;
    const mine = ++latest.current;
    setLoading(true);
    await answers.run(() => call(name, parsed));
    if (mine === latest.current) setLoading(false);
  }, [answers, name, key]);
  useEffect(() => {
    answers.reset();
    void load();
  }, [answers, load]);
  return { data, error, loading, reload: load };
}
