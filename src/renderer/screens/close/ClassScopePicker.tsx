import { MultiSelect, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type ClassScope = 'all' | 'chosen';

/** All the classes offered, or the ones picked from them: for printing copies or summary sheets. */
export function ClassScopePicker({
  label,
  allLabel,
  classes,
  scope,
  chosen,
  onScope,
  onChosen,
}: {
  label: string;
  allLabel: string;
  classes: readonly { value: string; label: string }[];
  scope: ClassScope;
  chosen: string[];
  onScope: (scope: ClassScope) => void;
  onChosen: (chosen: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SegmentedControl
        aria-label={label}
        value={scope}
        onChange={(value) => {
          onScope(value === 'chosen' ? 'chosen' : 'all');
        }}
        data={[
          { value: 'all', label: allLabel },
          { value: 'chosen', label: t('close.chosenClasses') },
        ]}
      />
      {scope === 'chosen' && (
        <MultiSelect
          aria-label={t('close.chosenClasses')}
          placeholder={t('close.pickClasses')}
          data={[...classes]}
          value={chosen}
          onChange={onChosen}
          searchable
          miw={240}
        />
      )}
    </>
  );
}

/** The command's classIds: null for all, else the picked ones. */
export function chosenClassIds(scope: ClassScope, chosen: readonly string[]): number[] | null {
  return scope === 'all' ? null : chosen.map(Number);
}
