import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';

/** A table's sort: which column, which way. */
export interface SortState<K extends string> {
  key: K;
  descending: boolean;
}

interface Sorting<K extends string, S> {
  sort: S;
  toggle(key: K): void;
  ariaSort(key: K): 'ascending' | 'descending' | undefined;
}

/**
 * The sort of a table the planner sorts by clicking headings: a click sorts by that column (figures
 * largest first, names A–Z), again reverses it. Until then `initial` (or no sort at all).
 */
export function useSort<K extends string>(initial: SortState<K>): Sorting<K, SortState<K>>;
export function useSort<K extends string>(): Sorting<K, SortState<K> | null>;
export function useSort<K extends string>(
  initial: SortState<K> | null = null,
): Sorting<K, SortState<K> | null> {
  const chosen = useSignal<SortState<K> | null>(null);
  const sort = chosen.value ?? initial;
  return {
    sort,
    toggle(key: K) {
      chosen.value =
        sort?.key === key ? { key, descending: !sort.descending } : { key, descending: key !== 'name' };
    },
    ariaSort(key: K): 'ascending' | 'descending' | undefined {
      return sort?.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined;
    },
  };
}

/** A column heading that sorts by its column (aria-sort says how the table is sorted now). */
export function SortHeading({
  label,
  testid,
  sorted,
  onSort,
  disabled,
}: {
  label: ComponentChildren;
  testid: string;
  sorted: 'ascending' | 'descending' | undefined;
  onSort: () => void;
  disabled?: boolean;
}) {
  return (
    <th scope="col" aria-sort={sorted}>
      <button type="button" class="sort" data-testid={testid} onClick={onSort} disabled={disabled}>
        {label}
      </button>
    </th>
  );
}

/**
 * A figure's cell: its column and exact value as data attributes (what tests and a copy read, not the
 * rounded text), coloured as a gain or a loss when it is a change.
 */
export function FigureCell({
  column,
  value,
  tone,
  children,
}: {
  column: string;
  value: number | null | undefined;
  tone?: 'good' | 'bad' | undefined;
  children: ComponentChildren;
}) {
  return (
    <td data-key={column} data-value={value ?? ''} class={tone}>
      {children}
    </td>
  );
}
