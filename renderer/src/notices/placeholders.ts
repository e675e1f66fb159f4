/**
 * What a warranty email's placeholders stand for, for the director who words them: the sample claim the preview
 * fills them from, the ones a notice has nothing for, and the placeholders a wording uses that the hub will not
 * fill. The filling itself is the shared render of common/warranty/notices.ts, the one the hub sends with.
 */
import { claimReference, PLACEHOLDERS, render, type Notice, type Template } from '../../../common/warranty/notices.ts';

export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A claim made up for the preview: the customer reads Vietnamese, whatever the desk's language. */
export const SAMPLE: Record<Placeholder, string> = {
  xung_ho: 'Anh',
  ten_khach: 'Nguyễn Văn An',
  ma_yeu_cau: claimReference('0193a4f2-7c1e-7d3b-9f00-5e8a2c41b7d9'),
  san_pham: 'Máy lọc nước RO 9 lõi',
  so_serial: 'RO9-2025-0042',
  ly_do: 'Máy bị vào nước, không thuộc phạm vi bảo hành.',
  ma_van_don: 'GHN-8812734',
};

/**
 * The placeholders only one notice has a value for: the claim holds the reason once rejected and the tracking code
 * once shipped (the hub fills them from the claim, server/mail/notices.ts); any other notice reads "—" there.
 */
const ONLY_IN: Partial<Record<Placeholder, Notice>> = { ly_do: 'warranty_rejected', ma_van_don: 'warranty_shipped' };

export const availableIn = (name: Placeholder, notice: Notice): boolean => (ONLY_IN[name] ?? notice) === notice;

/** The wording filled from the sample claim as the hub would fill it for this notice. */
export function preview(notice: Notice, template: Template): Template {
  const values = Object.fromEntries(PLACEHOLDERS.filter((p) => availableIn(p, notice)).map((p) => [p, SAMPLE[p]]));
  return render(template, values);
}

const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

/**
 * What in a wording the customer would not get filled in: `{{…}}` that names no placeholder (a typo, spaces, marks),
 * which goes out as written, and placeholders this notice has no value for, which read "—". Each once, in order.
 */
export function unfilled(notice: Notice, template: Template): { unknown: string[]; unavailable: Placeholder[] } {
  const unknown = new Set<string>();
  const unavailable = new Set<Placeholder>();
  for (const [whole, name] of `${template.subject}\n${template.body}`.matchAll(/\{\{([^{}]*)\}\}/g)) {
    if (!isPlaceholder(name!)) unknown.add(whole);
    else if (!availableIn(name, notice)) unavailable.add(name);
  }
  return { unknown: [...unknown], unavailable: [...unavailable] };
}

/** How a placeholder is written in a template. */
export const written = (name: string) => `{{${name}}}`;
