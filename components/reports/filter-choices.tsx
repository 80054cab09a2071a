'use client';

/*
 * The long choice lists of the public filter form (status, category, channel). Rendered on the
 * server like any field, but as a client component: the page's flight data then carries these
 * compact lists once instead of every <option> element as a React tree (about 7 KB less on each
 * page that has the form). The HTML is the same, so the form works without JavaScript.
 */

/** `[value, label, checked]` */
export type StatusChoice = [value: string, label: string, checked: boolean];
/** `[code, name, group]`, in the order shown; `group` indexes the groups list. */
export type CategoryChoice = [code: string, name: string, group: number];
/** `[code, name]` */
export type ChannelChoice = [code: string, name: string];

interface Props {
  statuses: StatusChoice[] | null;
  categories: CategoryChoice[];
  /** The category groups' names, in the order their optgroups are shown. */
  groups: string[];
  channels: ChannelChoice[];
  chosen: { kategori: string; kanal: string };
  labels: { status: string; category: string; channel: string; all: string };
}

export function FilterChoices({ statuses, categories, groups, channels, chosen, labels }: Props) {
  return (
    <>
      {statuses ? (
        <fieldset className="space-y-1">
          <legend className="font-medium">{labels.status}</legend>
          <div className="flex flex-wrap gap-x-3 gap-y-1">
            {statuses.map(([value, label, checked]) => (
              <label key={value} className="inline-flex items-center gap-1">
                <input type="checkbox" name="status" value={value} defaultChecked={checked} />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <label className="space-y-1">
        <span className="block font-medium">{labels.category}</span>
        <select name="kategori" defaultValue={chosen.kategori} className="w-full rounded border border-gray-400 px-2 py-1.5" data-testid="filter-category">
          <option value="">{labels.all}</option>
          {groups.map((group, index) => (
            <optgroup key={group} label={group}>
              {categories
                .filter(([, , g]) => g === index)
                .map(([code, name]) => (
                  <option key={code} value={code}>
                    {name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="space-y-1">
        <span className="block font-medium">{labels.channel}</span>
        <select name="kanal" defaultValue={chosen.kanal} className="w-full rounded border border-gray-400 px-2 py-1.5">
          <option value="">{labels.all}</option>
          {channels.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
