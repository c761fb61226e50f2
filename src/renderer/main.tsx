import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/client';
import { App } from './app/App';
import { WindowTheme } from './app/WindowTheme';
import { DatesLanguage } from './components/DatesLanguage';
import { NoticesProvider } from './components/Notices';
import { initI18n, storedLanguage } from './i18n';

/** The window cannot write the log: its uncaught errors go to the core, which logs them with their stack. */
function reportUncaughtErrors(): void {
  const report = (message: string, stack: string | null, source: string | null) => {
    void api.invoke('diagnostics.reportRendererError', {
      message: message.slice(0, 2000),
      stack: stack?.slice(0, 20000) ?? null,
      source: source?.slice(0, 1000) ?? null,
    });
  };
  window.addEventListener('error', (event) => {
    const error: unknown = event.error;
    report(
      event.message,
      error instanceof Error ? (error.stack ?? null) : null,
      `${event.filename}:${event.lineno}`,
    );
  });
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    report(String(reason), reason instanceof Error ? (reason.stack ?? null) : null, 'unhandled rejection');
  });
}

async function start(): Promise<void> {
  reportUncaughtErrors();
  const status = await api.invoke('app.status', {});
  await initI18n(storedLanguage() ?? (status.ok ? status.value.defaultLanguage : 'ky'));
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <WindowTheme>
        <DatesLanguage>
          <NoticesProvider>
            <App />
          </NoticesProvider>
        </DatesLanguage>
      </WindowTheme>
    </StrictMode>,
  );
}

void start();
