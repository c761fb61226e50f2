import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { AppService } from '../core/app/service';
import { IPC_CHANNEL } from '../shared/api';
import type { Result } from '../shared/result';
import { isOwnSender } from './sender';

/**
 * The one IPC entry: (name, input) from the app's own window, handed to the core service, which
 * parses the input with the contract's schema and checks the role. Each window is its own client.
 */
export function registerIpc(service: AppService): void {
  ipcMain.handle(
    IPC_CHANNEL,
    (event: IpcMainInvokeEvent, name: unknown, input: unknown): Promise<Result<unknown>> => {
      const frame = event.senderFrame;
      if (!isOwnSender(frame?.url, frame !== null && frame.parent === null)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'FORBIDDEN_SENDER', message: 'Not the app window.' },
        });
      }
      return service.invoke(`window:${event.sender.id}`, name, input);
    },
  );
}
