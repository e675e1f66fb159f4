/** The business calendar and service targets (domain/sla.ts): read by everyone who works an inbox, kept by directors. */
import { publicHolidays } from '../../core/domain/holidays.ts';
import { saveServiceSettings, serviceSettings } from '../../core/domain/sla.ts';
import { me, type Handler } from './types.ts';

export const serviceHandlers = {
  'service.settings': { run: (_input, ctx) => serviceSettings(ctx.store.db) } satisfies Handler<'service.settings'>,
  'service.saveSettings': {
    run: ({ version, settings }, ctx) => ({ version: saveServiceSettings(ctx.store.db, me(ctx).id, version, settings) }),
    audit: (_input, out) => ({
      action: 'service.settings',
      targetType: 'service_settings',
      targetId: null,
      detail: { version: out.version },
    }),
  } satisfies Handler<'service.saveSettings'>,
  'service.publicHolidays': { run: ({ year }) => publicHolidays(year) } satisfies Handler<'service.publicHolidays'>,
};
