import type { ParseKeys } from 'i18next';
import { useState } from 'react';
import type { CommandName, InputOf, OutputOf } from '../../shared/contract';
import { call } from '../api/client';

/**
 * A field's problem, by field name: the i18n key of the words shown beside the field, or '' when
 * the field only still needs filling (the submit button waits; nothing is said yet).
 */
export type FieldErrors<K extends string> = Partial<Record<K, ParseKeys | ''>>;

export interface CommandFormOptions<N extends CommandName, F, K extends string> {
  command: N;
  initial: F | (() => F);
  /** The command's input made of the form as edited. */
  input: (form: F) => InputOf<N>;
  validate?: (form: F) => FieldErrors<K>;
  /** Called once the command succeeded. */
  onDone?: (output: OutputOf<N>, form: F) => void;
  /** The form shown after a success, when it is not the one submitted (cleared, or as saved). */
  nextForm?: (output: OutputOf<N>, form: F) => F;
}

/**
 * A form that one command submits: its state, its fields' problems, the call through the
 * contract, and what came of it (busy; done, with the command's answer, until the next edit; its error).
 */
export function useCommandForm<N extends CommandName, F, K extends string = never>(
  options: CommandFormOptions<N, F, K>,
) {
  const [form, setForm] = useState<F>(options.initial);
  // Wrapped: a command may answer null, which must still read as done.
  const [outcome, setOutcome] = useState<{ output: OutputOf<N> } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors: FieldErrors<K> = options.validate?.(form) ?? {};

  /** A change made by the person: what was saved before no longer describes the form. */
  const edit = (next: F | ((current: F) => F)) => {
    setForm(next);
    setOutcome(null);
  };
  const submit = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const output = await call(options.command, options.input(form));
      setError(null);
      setOutcome({ output });
      if (options.nextForm) setForm(options.nextForm(output, form));
      options.onDone?.(output, form);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return {
    form,
    edit,
    /** Replaces the form without forgetting the last result (new data loaded from the core). */
    reset: setForm,
    errors,
    /** Whether any of the fields given has a problem; without a list, any field of the form. */
    invalid: (fields?: readonly K[]) =>
      fields === undefined ? Object.keys(errors).length > 0 : fields.some((field) => field in errors),
    submit,
    busy,
    error,
    /** Whether the last submit succeeded and nothing was edited since. */
    done: outcome !== null,
    /** The command's answer to the last submit, while `done`. */
    output: outcome?.output,
  };
}

export type CommandForm<N extends CommandName, F, K extends string = never> = ReturnType<
  typeof useCommandForm<N, F, K>
>;
