interface Entry {
  at: number;
  /** Insertion order: entries due at the same instant come out first in, first out. */
  order: number;
  id: string;
}

/**
 * A min-heap of (time, report id): what is due next is at the top, so a request pays for the generations that are
 * due, not for every report. Entries are never removed early; the store skips those that no longer match.
 */
export class DueQueue {
  private readonly heap: Entry[] = [];
  private added = 0;

  push(at: number, id: string): void {
    this.heap.push({ at, order: this.added++, id });
    this.up(this.heap.length - 1);
  }

  /** The earliest entry due at or before `now`, taken off the queue; undefined when none is. */
  takeDue(now: number): { at: number; id: string } | undefined {
    const top = this.heap[0];
    if (!top || top.at > now) return undefined;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return { at: top.at, id: top.id };
  }

  clear(): void {
    this.heap.length = 0;
  }

  private before(a: Entry, b: Entry): boolean {
    return a.at < b.at || (a.at === b.at && a.order < b.order);
  }

  private up(index: number): void {
    const { heap } = this;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(heap[index]!, heap[parent]!)) return;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  }

  private down(index: number): void {
    const { heap } = this;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && this.before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && this.before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === index) return;
      [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
      index = smallest;
    }
  }
}
