import type { Handler } from '../handler';
import { setClassLanguage } from '../../staff/class-language';
import { setClassTeacher } from '../../staff/class-teacher';
import { staffDirectory } from '../../staff/staff-directory';
import { setStaffPosition } from '../../staff/staff-position';

/** Posts and class teachers, which Kundoluk does not send: the admin keeps them with the settings. */
export const staffHandlers = {
  'staff.list': {
    access: 'settings.manage',
    run: (ctx, input) => staffDirectory(ctx.mirror, input.academicYearId),
  },
  'staff.setPosition': {
    access: 'settings.manage',
    run: (ctx, input) => setStaffPosition(ctx.mirror, input, ctx.actor, ctx.clock()),
  },
  'staff.setClassTeacher': {
    access: 'settings.manage',
    run: (ctx, input) => setClassTeacher(ctx.mirror, input, ctx.actor, ctx.clock()),
  },
  'staff.setClassLanguage': {
    access: 'settings.manage',
    run: (ctx, input) => setClassLanguage(ctx.mirror, input, ctx.actor, ctx.clock()),
  },
} as const satisfies {
  [N in 'staff.list' | 'staff.setPosition' | 'staff.setClassTeacher' | 'staff.setClassLanguage']: Handler<N>;
};
