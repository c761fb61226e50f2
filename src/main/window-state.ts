import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(800),
  height: z.number().int().min(600),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof stateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

/** The window's size and place from the last run; a missing or damaged file gives the default. */
export function loadWindowState(userData: string): WindowState {
  try {
    return stateSchema.parse(JSON.parse(fs.readFileSync(path.join(userData, 'window-state.json'), 'utf8')));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export function saveWindowState(userData: string, state: WindowState): void {
  fs.writeFileSync(path.join(userData, 'window-state.json'), JSON.stringify(stateSchema.parse(state)));
}
