// Which cursor page of the list is shown, and how many tasks a page holds.
import { useState } from 'react';

export const PAGE_SIZES = [10, 20, 50, 100];

/** A cursor page, and how many pages it is from the first (for "21–40 of 53"). */
type Page = { after?: string; before?: string; index: number };
const FIRST_PAGE: Page = { index: 0 };

export interface Paging {
  page: Page;
  size: number;
  turn(page: Page): void;
  resize(size: number): void;
}

/**
 * Paging through the list that `list` (its filters and order) reads. A page belongs to the list it was
 * turned in: other filters, another order or page size show the first page (derived here, so no request
 * goes out with the old cursor first).
 */
export function usePaging(list: unknown[]): Paging {
  const [size, resize] = useState(20);
  const listKey = JSON.stringify([...list, size]);
  const [turned, setTurned] = useState<{ list: string; page: Page }>();
  return {
    page: turned?.list === listKey ? turned.page : FIRST_PAGE,
    size,
    turn: (page) => setTurned({ list: listKey, page }),
    resize,
  };
}
