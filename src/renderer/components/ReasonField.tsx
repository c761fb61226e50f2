import { Textarea } from '@mantine/core';

/** The written reason a step asks for (who, and why): the core keeps it with the step and audits it. */
export function ReasonField({
  label,
  name,
  value,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (reason: string) => void;
}) {
  return (
    <Textarea
      label={label}
      name={name}
      autosize
      minRows={2}
      value={value}
      onChange={(e) => {
        onChange(e.currentTarget.value);
      }}
    />
  );
}
