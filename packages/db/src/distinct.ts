// Values made once per key and numbered in the order their keys were first seen: how a fan-out sends each
// distinct evaluation, payload and snapshot once however many pages share it (issue 15 §2).

export class Distinct<K, V> {
  /** The values, by number. */
  readonly values: V[] = [];
  readonly #numbers = new Map<K, number>();

  /** The number of the value under `key`, made by `make` the first time the key is seen. */
  numberOf(key: K, make: () => V): number {
    let number = this.#numbers.get(key);
    if (number === undefined) {
      number = this.values.length;
      this.#numbers.set(key, number);
      this.values.push(make());
    }
    return number;
  }

  /** The value under `key`, made by `make` the first time the key is seen. */
  valueOf(key: K, make: () => V): V {
    return this.values[this.numberOf(key, make)] as V;
  }
}
