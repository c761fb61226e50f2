import type { SettingsView } from '../../../shared/views';

/** What a card of the settings that edits `settings.get`'s answer is given by the screen. */
export interface SettingsCardProps {
  readonly settings: SettingsView;
  /** Only the admin edits; everyone else reads. */
  readonly canEdit: boolean;
  /** The screen reads the settings again after a save. */
  readonly onSaved: () => void;
}
