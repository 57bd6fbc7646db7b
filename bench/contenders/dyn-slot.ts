/**
 * The dyn floor's holder: a preallocated buffer behind a field V8 cannot treat as a constant, which
 * is what any pool's array looks like to the optimiser. V8 tracks field constness per map: a field
 * written once is "const" and TurboFan folds loads of it (known array, known length, no bounds
 * checks), as it folds a closure constant. The constructor stores a decoy first and then the real
 * buffer, a second store of a different value, so the field is mutable from the start; both values
 * have the same map, so the field type stays precise. A single buffer, read afresh every op (the
 * old "dynamic" row alternated two buffers, 7-35% slower than this floor).
 */
export class DynSlot<T extends object> {
  value: T;

  constructor(value: T, decoy: T) {
    this.value = decoy;
    this.value = value;
  }
}
