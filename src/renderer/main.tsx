import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import './styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/client';
import { App } from './app/App';
import { DatesLanguage } from './components/DatesLanguage';
import { initI18n, storedLanguage } from './i18n';

/** DejaVu Sans is bundled: every PC shows Ң ң Ө ө Ү ү the same, with no font download. */
const theme = createTheme({
  fontFamily: "'DejaVu Sans', sans-serif",
  headings: { fontFamily: "'DejaVu Sans', sans-serif" },
  primaryColor: 'teal',
});

async function start(): Promise<void> {
  const status = await api.invoke('app.status', {});
  await initI18n(storedLanguage() ?? (status.ok ? status.value.defaultLanguage : 'ky'));
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme}>
        <DatesLanguage>
          <App />
        </DatesLanguage>
      </MantineProvider>
    </StrictMode>,
  );
}

void start();
