import { MantineProvider, PasswordInput } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { readableColors, theme } from './theme';

/**
 * The theme with the words its controls carry themselves, in the reader's language: every password
 * field's eye button says what it does («Сырсөздү көрсөтүү»), for the screen reader and the tooltip.
 */
export function WindowTheme({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const worded = useMemo(
    () => ({
      ...theme,
      components: {
        ...theme.components,
        PasswordInput: PasswordInput.extend({
          defaultProps: {
            visibilityToggleButtonProps: {
              'aria-label': t('common.showPassword'),
              title: t('common.showPassword'),
            },
          },
        }),
      },
    }),
    // The words change with the language.
    [t, i18n.language],
  );
  return (
    <MantineProvider theme={worded} cssVariablesResolver={readableColors}>
      {children}
    </MantineProvider>
  );
}
